package id.padan.generate.internal;

import id.padan.generate.ErrorKind;
import id.padan.generate.ErrorRates;
import id.padan.generate.GenerationResult;
import id.padan.generate.GeneratorOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

/** One generation run: population, programs, errors, file faults, then the files and the truth. */
public final class Generation {
    private static final ErrorKind[] KINDS = ErrorKind.values();
    private final GeneratorOptions options;

    public Generation(GeneratorOptions options) {
        this.options = options;
    }

    /** Writes the four extracts, {@code truth.csv} and {@code truth_summary.txt} into {@code directory}. */
    public GenerationResult run(Path directory) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(directory);
        String stamp = options.asOf().format(DateTimeFormatter.BASIC_ISO_DATE);
        refuseOtherExtracts(directory, stamp);

        SplittableRandom master = new SplittableRandom(options.seed());
        SplittableRandom populationRnd = master.split();
        SplittableRandom programRnd = master.split();
        SplittableRandom errorRnd = master.split();
        SplittableRandom faultRnd = master.split();
        SplittableRandom writeRnd = master.split();

        ErrorRates rates = options.effectiveRates();
        Wilayah wilayah = Wilayah.load();
        NameBank names = NameBank.load();
        Tally tally = new Tally();

        Population population = new PopulationBuilder(wilayah, names, rates, tally, populationRnd, options.asOf(),
                options.persons(), options.density()).build();
        ProgramBuilder programs = new ProgramBuilder(population, rates, tally, programRnd, options.asOf());
        programs.build();
        List<ProgramRow> all = new ArrayList<>(programs.pkh.size() + programs.pbi.size() + programs.kip.size());
        all.addAll(programs.pkh);
        all.addAll(programs.pbi);
        all.addAll(programs.kip);
        new ErrorPlanner(population, rates, tally, errorRnd, options.errorRate() > 0).plan(all);

        List<Person> registry = new ArrayList<>(population.persons().length);
        for (Family f : population.families()) {
            for (Person p : f.members) {
                if (p.inRegistry) {
                    registry.add(p);
                }
            }
        }
        Map<Source, FilePlan> plans = planFaults(population, registry, programs, rates, tally, faultRnd);
        Truth truth = new Truth(population, programs.pkh, programs.pbi, programs.kip, options.asOf(),
                wilayah.provinceCodes);

        RowRenderer renderer = new RowRenderer(names, programs.tahap());
        List<GenerationResult.ExtractFile> extracts = new ArrayList<>();
        Map<Source, Map<String, Long>> codeCounts = new EnumMap<>(Source.class);
        Path truthFile = directory.resolve("truth.csv");
        long truthRows;
        try (TruthWriter truthOut = new TruthWriter(truthFile)) {
            for (Source source : Source.values()) {
                Map<String, Long> codes = new TreeMap<>();
                codeCounts.put(source, codes);
                String fileName = source.filePrefix + "_" + stamp + ".csv";
                Path file = directory.resolve(fileName);
                Layout layout = Layout.of(source);
                FilePlan plan = plans.get(source);
                long damaged = 0;
                int rows;
                try (ExtractWriter out = new ExtractWriter(file, layout, plan)) {
                    out.header();
                    if (source == Source.DUKCAPIL) {
                        rows = registry.size();
                        for (int i = 0; i < rows; i++) {
                            Person p = registry.get(i);
                            String[] fields = renderer.dukcapil(p);
                            long line = out.row(fields, i, extraValue(plan, writeRnd), writeRnd);
                            ErrorKind damage = plan.damage[i];
                            damaged += damage != null ? 1 : 0;
                            String errors = joinErrors(p.recordedBirthDay != p.birthDay
                                    ? 1L << ErrorKind.DATE_REGISTRY_PLACEHOLDER.ordinal() : 0, damage);
                            truthOut.row(source, fileName, line, fields[0], p, damage != null, true, "", errors);
                        }
                    } else {
                        List<ProgramRow> list = source == Source.PKH ? programs.pkh
                                : source == Source.PBI_JKN ? programs.pbi : programs.kip;
                        rows = list.size();
                        for (int i = 0; i < rows; i++) {
                            ProgramRow r = list.get(i);
                            String[] fields = renderer.program(r);
                            long line = out.row(fields, i, extraValue(plan, writeRnd), writeRnd);
                            damaged += r.damage != null ? 1 : 0;
                            String rowCodes = truth.codes(r);
                            if (!rowCodes.isEmpty()) {
                                for (String c : rowCodes.split(";")) {
                                    codes.merge(c, 1L, Long::sum);
                                }
                            }
                            boolean carried = r.person.hasRegistryNik()
                                    && Truth.clean(r.nik).equals(Long.toString(r.person.nik));
                            truthOut.row(source, fileName, line, r.key, r.person, r.damage != null, carried,
                                    rowCodes, joinErrors(r.errors | (plan.multiLine[i] ? 1L << ErrorKind.FILE_MULTILINE_VALUE.ordinal() : 0), r.damage));
                        }
                    }
                    extracts.add(new GenerationResult.ExtractFile(source.name(), file, rows, damaged, 0));
                }
                int last = extracts.size() - 1;
                GenerationResult.ExtractFile e = extracts.get(last);
                extracts.set(last, new GenerationResult.ExtractFile(e.source(), e.path(), e.dataRows(),
                        e.damagedRows(), Files.size(file)));
            }
            truthRows = truthOut.rows();
        }
        Path summary = directory.resolve("truth_summary.txt");
        writeSummary(summary, tally, extracts, codeCounts);
        return new GenerationResult(extracts, truthFile, truthRows, summary, tally.errorCounts(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private String extraValue(FilePlan plan, SplittableRandom rnd) {
        return plan.extraColumn >= 0 ? RowRenderer.extraValue(rnd, options.asOf()) : null;
    }

    private static String joinErrors(long errors, ErrorKind damage) {
        if (errors == 0 && damage == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (ErrorKind k : KINDS) {
            if ((errors & (1L << k.ordinal())) != 0 || k == damage) {
                if (b.length() > 0) {
                    b.append(';');
                }
                b.append(k.name());
            }
        }
        return b.toString();
    }

    private Map<Source, FilePlan> planFaults(Population population, List<Person> registry, ProgramBuilder programs,
                                             ErrorRates rates, Tally tally, SplittableRandom rnd) {
        int n = population.persons().length;
        int[] pkh = new int[n];
        int[] pbi = new int[n];
        int[] kip = new int[n];
        programs.pkh.forEach(r -> pkh[r.person.index]++);
        programs.pbi.forEach(r -> pbi[r.person.index]++);
        programs.kip.forEach(r -> kip[r.person.index]++);
        Map<Source, List<?>> rows = new EnumMap<>(Source.class);
        rows.put(Source.DUKCAPIL, registry);
        rows.put(Source.PKH, programs.pkh);
        rows.put(Source.PBI_JKN, programs.pbi);
        rows.put(Source.KIP, programs.kip);
        Map<Source, IntPredicate> eligible = new EnumMap<>(Source.class);
        eligible.put(Source.DUKCAPIL, i -> {
            int p = registry.get(i).index;
            return pkh[p] + pbi[p] + kip[p] == 0;
        });
        eligible.put(Source.PKH, i -> pkh[programs.pkh.get(i).person.index] == 1);
        eligible.put(Source.PBI_JKN, i -> {
            int p = programs.pbi.get(i).person.index;
            return pbi[p] == 1 && pkh[p] == 0;
        });
        eligible.put(Source.KIP, i -> {
            int p = programs.kip.get(i).person.index;
            return kip[p] == 1 && pkh[p] == 0;
        });
        Map<Source, FilePlan> plans = new FaultPlanner(rates, options.fileFaults(), tally, rnd).plan(rows, eligible);
        for (Source s : new Source[]{Source.PKH, Source.PBI_JKN, Source.KIP}) {
            List<ProgramRow> list = s == Source.PKH ? programs.pkh : s == Source.PBI_JKN ? programs.pbi : programs.kip;
            FilePlan plan = plans.get(s);
            for (int i = 0; i < list.size(); i++) {
                list.get(i).damage = plan.damage[i];
            }
        }
        return plans;
    }

    private static void refuseOtherExtracts(Path directory, String stamp) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<String> others = files.map(p -> p.getFileName().toString())
                    .filter(f -> {
                        String lower = f.toLowerCase(Locale.ROOT);
                        for (Source s : Source.values()) {
                            if (lower.startsWith(s.filePrefix) && !f.equals(s.filePrefix + "_" + stamp + ".csv")) {
                                return true;
                            }
                        }
                        return false;
                    }).sorted().toList();
            if (!others.isEmpty()) {
                throw new IOException(directory + " already holds other extract files " + others
                        + "; a run would see two files for one source. Remove them or choose another directory.");
            }
        }
    }

    private void writeSummary(Path file, Tally tally, List<GenerationResult.ExtractFile> extracts,
                              Map<Source, Map<String, Long>> codeCounts) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# padan sample data with ground truth\n");
            w.write("seed " + options.seed() + "\n");
            w.write("persons " + options.persons() + "\n");
            w.write("as_of " + options.asOf() + "\n");
            w.write("error_rate " + options.errorRate() + "\n");
            w.write("file_faults " + options.fileFaults() + "\n");
            w.write("\n[population]\n");
            for (Map.Entry<String, Long> e : tally.facts.entrySet()) {
                w.write(e.getKey() + " " + e.getValue() + "\n");
            }
            w.write("\n[files] source file data_rows damaged_rows bytes\n");
            for (GenerationResult.ExtractFile e : extracts) {
                w.write(e.source() + " " + e.path().getFileName() + " " + e.dataRows() + " " + e.damagedRows() + " "
                        + e.bytes() + "\n");
            }
            w.write("\n[codes] source code rows (undamaged rows that truly have the finding)\n");
            for (Map.Entry<Source, Map<String, Long>> e : codeCounts.entrySet()) {
                for (String code : Truth.CODES) {
                    Long c = e.getValue().get(code);
                    if (c != null) {
                        w.write(e.getKey().name() + " " + code + " " + c + "\n");
                    }
                }
            }
            w.write("\n[families] family total (domain.md \"Typical errors\" 1-9)\n");
            long[] families = new long[10];
            for (ErrorKind k : ErrorKind.values()) {
                families[k.family()] += tally.count(k);
            }
            String[] familyNames = {"", "NIK", "NAME", "BIRTH_DATE", "SEX", "REGION", "DUPLICATES", "DEATHS",
                    "NOT_IN_REGISTRY", "FILE_LEVEL"};
            for (int f = 1; f <= 9; f++) {
                w.write(f + " " + familyNames[f] + " " + families[f] + "\n");
            }
            w.write("\n[errors] family kind count (planted instances; file faults per row, line or file)\n");
            for (ErrorKind k : ErrorKind.values()) {
                w.write(k.family() + " " + k.name() + " " + tally.count(k) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
