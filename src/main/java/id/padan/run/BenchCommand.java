package id.padan.run;

import id.padan.generate.ExtractGenerator;
import id.padan.generate.GeneratorOptions;
import id.padan.ingest.SourceMappings;
import id.padan.run.internal.CapacityModel;
import id.padan.run.internal.CopyBaseline;
import id.padan.run.internal.StepSeconds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code padan bench}: generates extracts at each size (or takes folders of extracts given with {@code --input}),
 * runs the whole job on them in a fresh database and reports rows per second per stage and peak memory. Each size
 * runs in its own JVM so that one size's memory peak does not hide in another's. With two sizes or more it fits
 * the capacity model ({@link CapacityModel}) and prints its prediction for a larger run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks the whole run on generated data at growing sizes:",
                "rows per second per stage and peak memory (resident set of the padan process; PostgreSQL runs apart),",
                "and the time PostgreSQL takes to COPY the same input lines as text, with the run's time as a multiple of it.",
                "With two sizes or more: a capacity model (seconds per stage, linear in rows or, for a stage whose cost per row rises",
                "with the registry's persons per kecamatan code, in rows times that density; peak memory linear in rows) and its",
                "prediction for --predict-rows at --predict-density on --workers machines of --cores cores.",
                "With --results, the model is fitted on the results of earlier benchmark runs, without running anything."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--persons", split = ",", defaultValue = "100000", paramLabel = "N[,N...]", description = "sizes in persons (default: ${DEFAULT-VALUE})")
    List<Integer> persons;

    @Option(names = "--input", split = ",", paramLabel = "DIR[,DIR...]",
            description = "folders of extracts to benchmark instead of generated data, one size each (their as-of date from --as-of)")
    List<Path> inputs;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "as-of date of the --input extracts (default: the date in their file names' run, 2026-11-23 for generated data)")
    LocalDate asOf;

    @Option(names = "--predict-rows", defaultValue = "450000000", paramLabel = "ROWS", description = "input rows of the run the capacity model predicts (default: ${DEFAULT-VALUE}, a national run)")
    long predictRows;

    @Option(names = "--predict-density", defaultValue = "38000", paramLabel = "PERSONS",
            description = "registry persons per kecamatan code of the run the model predicts (default: ${DEFAULT-VALUE}, Indonesia's average)")
    double predictDensity;

    @Option(names = "--results", split = ",", paramLabel = "FILE[,FILE...]",
            description = "result-*.json files of earlier benchmark runs (written to --work): fit the capacity model on them and run nothing")
    List<Path> results;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "W", description = "workers of the predicted run (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--cores", defaultValue = "0", paramLabel = "C", description = "cores of each worker of the predicted run (default: this machine's)")
    int cores;

    @Option(names = "--seed", defaultValue = "1", description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--work", defaultValue = "bench", paramLabel = "DIR", description = "working directory for data, database and results (default: ${DEFAULT-VALUE})")
    Path work;

    @Mixin
    ConfigOption config;

    @Option(names = "--heap", defaultValue = "2g", paramLabel = "SIZE", description = "maximum heap of the benchmarked JVM (default: ${DEFAULT-VALUE})")
    String heap;

    @Option(names = "--jvm-options", defaultValue = RECOMMENDED_JVM_OPTIONS, paramLabel = "OPTIONS",
            description = {"further options of the benchmarked JVM, space-separated (default: ${DEFAULT-VALUE}, the README's setting for large runs;",
                    "give --jvm-options= for the JVM's own defaults)"})
    String jvmOptions;

    /**
     * The JVM setting the README gives operators for large runs: what a stage keeps (a partition's rows, resolve's
     * union of row numbers) lives for the whole stage, and promoting it at its first collection copies it once, not
     * once more between survivor spaces.
     */
    static final String RECOMMENDED_JVM_OPTIONS = "-XX:MaxTenuringThreshold=0";

    @Option(names = "--single", hidden = true, description = "run one size in this JVM (used by bench itself)")
    boolean single;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(work);
        if (single) return inputs != null ? runOne(inputs.get(0)) : runOne(persons.get(0));
        List<String> lines = new ArrayList<>();
        List<CapacityModel.Sample> samples = new ArrayList<>();
        if (results != null) {
            for (Path r : results) samples.add(CapacityModel.Sample.fromJson(Files.readString(r)));
            if (samples.stream().map(CapacityModel.Sample::rows).distinct().count() < 2) return Cli.fail("--results needs runs at two different sizes");
            return printModel(lines, samples, "model.md");
        }
        List<String> sizes = inputs != null ? inputs.stream().map(Path::toString).toList() : persons.stream().map(String::valueOf).toList();
        for (String size : sizes) {
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
            if (!jvmOptions.isBlank()) jvm.addAll(List.of(jvmOptions.strip().split("\\s+")));
            List<String> cmd = new ArrayList<>(List.of(javaBinary()));
            cmd.addAll(jvm);
            cmd.addAll(List.of("-jar", jarPath(), "bench", "--single", inputs != null ? "--input" : "--persons", size,
                    "--seed", Long.toString(seed), "--work", work.toString(), "--jvm-options=" + String.join(" ", jvm)));
            if (asOf != null) cmd.add(cmd.size() - 1, "--as-of=" + asOf);
            if (config.dir != null) cmd.add(cmd.size() - 1, "--config=" + config.dir);
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (p.waitFor() != 0) return Cli.fail("benchmark of " + size + " failed");
            String name = resultName(size);
            lines.addAll(Files.readAllLines(work.resolve("result-" + name + ".md")));
            samples.add(CapacityModel.Sample.fromJson(Files.readString(work.resolve("result-" + name + ".json"))));
        }
        if (samples.stream().map(CapacityModel.Sample::rows).distinct().count() < 2) return printResults(lines, "results.md");
        return printModel(lines, samples, "results.md");
    }

    private int printModel(List<String> lines, List<CapacityModel.Sample> samples, String file) throws IOException {
        var model = new CapacityModel(samples);
        int c = cores > 0 ? cores : Runtime.getRuntime().availableProcessors();
        lines.addAll(model.describe(model.predict(predictRows, predictDensity, workers, c)).lines().toList());
        return printResults(lines, file);
    }

    private int printResults(List<String> lines, String file) throws IOException {
        Path all = work.resolve(file);
        Files.write(all, lines);
        System.out.println();
        lines.forEach(System.out::println);
        System.out.println("\n(written to " + all + ")");
        return 0;
    }

    private int runOne(int n) throws Exception {
        Path data = work.resolve("data-" + n);
        deleteTree(data);
        long g0 = System.nanoTime();
        var generated = new ExtractGenerator(GeneratorOptions.of(n, seed)).generate(data);
        double genSeconds = (System.nanoTime() - g0) / 1e9;
        System.out.printf(Locale.ROOT, "bench: %,d persons generated (%,d rows) in %.1f s%n", n, generated.truthRows(), genSeconds);
        return runOne(data, String.valueOf(n), String.format(Locale.ROOT, "%,d persons (%,d input rows), seed %d", n, generated.truthRows(), seed),
                String.format(Locale.ROOT, " Generation: %.1f s.", genSeconds), asOf != null ? asOf : LocalDate.of(2026, 11, 23));
    }

    private int runOne(Path input) throws Exception {
        if (asOf == null) return Cli.fail("--input needs --as-of, the date of the extracts' run");
        return runOne(input, resultName(input.toString()), "extracts in " + input, "", asOf);
    }

    /** A size's name in the working folder: the persons, or the --input folder's own name. */
    private static String resultName(String size) {
        return Path.of(size).getFileName().toString().replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private int runOne(Path data, String name, String title, String generation, LocalDate runAsOf) throws Exception {
        Path home = work.resolve("db-" + name);
        deleteTree(home);
        Map<String, Object> settings = new java.util.HashMap<>();
        if (System.getenv("PADAN_DB_URL") == null && System.getProperty("padan.db.url") == null) settings.put("padan.home", home.toString());
        long t0 = System.nanoTime();
        StringBuilder md = new StringBuilder();
        try (var ctx = config.start(settings)) {
            var outcome = ctx.getBean(ReconcileLauncher.class).start(data, runAsOf, null, work.resolve("out-" + name), true);
            double total = (System.nanoTime() - t0) / 1e9;
            if (!outcome.completed()) return Cli.fail("run failed: " + outcome.failureReason());
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            var stages = jdbc.queryForList("select stage, rows, seconds from padan.stage_metric where run_id = ? order by finished_at", outcome.runId());
            long inputRows = jdbc.queryForObject("select coalesce(sum(rows_read), 0) from padan.input_file where run_id = ?", Long.class, outcome.runId());
            md.append(String.format(Locale.ROOT, "### %s%n%n", title));
            md.append("| stage | rows | seconds | rows/s |\n|---|---:|---:|---:|\n");
            for (var s : stages) {
                long rows = ((Number) s.get("rows")).longValue();
                double sec = ((Number) s.get("seconds")).doubleValue();
                md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f |%n", s.get("stage"), rows, sec, rows / Math.max(sec, 1e-6)));
            }
            md.append(String.format(Locale.ROOT, "| **whole run** (with start-up of the job) | %,d | %.1f | %,.0f |%n%n", inputRows, total,
                    inputRows / total));
            long peakKb = peakRssKb();
            var steps = StepSeconds.of(jdbc, outcome.runId());
            md.append(String.format(Locale.ROOT, "Steps (s): %s.%n%n", steps.describe()));
            md.append(String.format(Locale.ROOT, "Peak memory of the padan process: %s (max heap %,d MB, %d cores).%s "
                            + "JVM: Java %s, options `%s`.%n%n",
                    peakKb < 0 ? "unknown" : String.format(Locale.ROOT, "%,d MB", peakKb >> 10), Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors(), generation, Runtime.version().feature(), jvmOptions.isBlank() ? "(none)" : jvmOptions));
            double density = registryDensity(jdbc, ctx.getBean(SourceMappings.class).registrySource(), outcome.runId());
            md.append(String.format(Locale.ROOT, "Registry density: %,.0f persons per kecamatan code (a NIK's first six digits; registry rows under a row's code, "
                    + "averaged over the rows).%n%n", density));
            Files.writeString(work.resolve("result-" + name + ".json"), new CapacityModel.Sample(inputRows, steps.seconds(), peakKb / 1024.0, density).toJson());
            // The yardstick, after the peak above was read: PostgreSQL COPYing the same lines as text.
            List<Path> extracts;
            try (Stream<Path> files = Files.list(data)) {
                // the extracts only: not the generators' truth and metadata files
                extracts = files.filter(f -> f.getFileName().toString().matches("(?i)(?!truth).*\\.(csv|txt)")).sorted().toList();
            }
            var copy = CopyBaseline.measure(ctx.getBean(javax.sql.DataSource.class), extracts);
            md.append(String.format(Locale.ROOT, "PostgreSQL COPY of the same %,d lines as text (one column, the same database): %.1f s; "
                    + "the whole run took **%.1f ×** that.%n%n", copy.lines(), copy.seconds(), total / copy.seconds()));
        }
        Files.writeString(work.resolve("result-" + name + ".md"), md.toString());
        return 0;
    }

    /**
     * The registry's persons per kecamatan code, what the search's blocks grow with: the number of registry rows under
     * the code of a registry row's NIK (its first six digits), averaged over the rows. A code mistyped in one NIK
     * counts for that one row, not as a code as large as the real ones.
     */
    static double registryDensity(JdbcTemplate jdbc, String registrySource, long runId) {
        Double d = jdbc.queryForObject("select sum(n * n)::float8 / nullif(sum(n), 0) from (select count(*) as n from padan.staged_row "
                + "where run_id = ? and source = ? and nik is not null group by left(nik, 6)) code", Double.class, runId, registrySource);
        return d == null ? 0 : d;
    }

    /** Peak resident set size of this process in KB (Linux VmHWM), or -1. */
    static long peakRssKb() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:")).mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String jarPath() throws Exception {
        Path p = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI().getSchemeSpecificPart()
                .replaceFirst("^nested:", "").replaceFirst("/!BOOT-INF.*$", ""));
        return p.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
