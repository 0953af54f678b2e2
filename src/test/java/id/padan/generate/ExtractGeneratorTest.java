package id.padan.generate;

import id.padan.generate.GeneratedFiles.Extract;
import id.padan.generate.GeneratedFiles.Format;
import id.padan.generate.GeneratedFiles.TruthRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtractGeneratorTest {

    private static final LocalDate AS_OF = GeneratorOptions.DEFAULT_AS_OF;
    private static final List<String> FILES = List.of("dukcapil_20261123.csv", "pkh_20261123.csv",
            "pbi_20261123.csv", "kip_20261123.csv", "truth.csv", "truth_summary.txt");

    @TempDir
    static Path tmp;
    static Path dir;
    static GenerationResult result;
    static Map<String, Extract> extracts = new HashMap<>();
    static List<TruthRow> truth;

    @BeforeAll
    static void generate() throws IOException {
        dir = tmp.resolve("seed1");
        result = new ExtractGenerator(GeneratorOptions.of(2000, 1)).generate(dir);
        for (Format f : GeneratedFiles.FORMATS) {
            extracts.put(f.source(), GeneratedFiles.read(dir, f));
        }
        truth = GeneratedFiles.truth(dir);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        Path again = tmp.resolve("seed1-again");
        new ExtractGenerator(GeneratorOptions.of(2000, 1)).generate(again);
        for (String f : FILES) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve(f)));
        }
        Path other = tmp.resolve("seed2");
        new ExtractGenerator(GeneratorOptions.of(2000, 2)).generate(other);
        assertThat(Files.readAllBytes(other.resolve(FILES.get(0)))).isNotEqualTo(Files.readAllBytes(dir.resolve(FILES.get(0))));
    }

    @Test
    void writesTheFourExtractsTruthAndSummary() {
        assertThat(FILES).allSatisfy(f -> assertThat(dir.resolve(f)).isRegularFile());
        assertThat(result.extracts()).extracting(GenerationResult.ExtractFile::source)
                .containsExactly("DUKCAPIL", "PKH", "PBI_JKN", "KIP");
        // ~2,000 persons: nearly all in the registry, PKH ~20-25 % of families
        long registry = result.extracts().get(0).dataRows();
        assertThat(registry).isBetween(1900L, 2000L);
        assertThat(result.extracts().get(1).dataRows()).isBetween(300L, 700L);
        assertThat(result.extracts().get(2).dataRows()).isBetween(400L, 900L);
        assertThat(result.extracts().get(3).dataRows()).isBetween(50L, 300L);
        assertThat(result.truthRows()).isEqualTo(result.extracts().stream().mapToLong(GenerationResult.ExtractFile::dataRows).sum());
    }

    @Test
    void encodingsAndByteOrderMarksFollowTheSpec() throws IOException {
        byte[] pbi = Files.readAllBytes(dir.resolve("pbi_20261123.csv"));
        assertThat(pbi).startsWith(0xEF, 0xBB, 0xBF);
        for (String f : List.of("dukcapil_20261123.csv", "pkh_20261123.csv", "kip_20261123.csv")) {
            assertThat(Files.readAllBytes(dir.resolve(f))[0]).as(f).isNotEqualTo((byte) 0xEF);
        }
        // the right single quote of ASY’ARI: one byte 0x92 in windows-1252, E2 80 99 in UTF-8
        byte[] pkh = Files.readAllBytes(dir.resolve("pkh_20261123.csv"));
        byte[] dukcapil = Files.readAllBytes(dir.resolve("dukcapil_20261123.csv"));
        assertThat(indexOf(pkh, new byte[]{'Y', (byte) 0x92, 'A'})).isGreaterThanOrEqualTo(0);
        assertThat(indexOf(pkh, new byte[]{(byte) 0xE2, (byte) 0x80, (byte) 0x99})).isNegative();
        assertThat(indexOf(dukcapil, new byte[]{'Y', (byte) 0xE2, (byte) 0x80, (byte) 0x99, 'A'})).isGreaterThanOrEqualTo(0);
        String pkhHeader = new String(GeneratedFiles.physicalLines(dir.resolve("pkh_20261123.csv")).get(0),
                GeneratedFiles.WINDOWS_1252);
        assertThat(pkhHeader.split(";")).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void headersCarryTheSpecifiedColumns() {
        assertThat(extracts.get("DUKCAPIL").header()).containsSubsequence("NIK", "NO_KK", "NAMA_LGKP", "JENIS_KLMIN",
                "TMPT_LHR", "TGL_LHR", "STAT_HBKEL", "NAMA_LGKP_IBU", "AGAMA", "STATUS_KAWIN", "ALAMAT", "NO_RT",
                "NO_RW", "NO_PROP", "NO_KAB", "NO_KEC", "NO_KEL", "TGL_MATI");
        assertThat(extracts.get("PKH").header()).containsSubsequence("ID_ART", "ID_KPM", "NIK", "NO_KK", "NAMA_ART",
                "TGL_LAHIR", "JENIS_KELAMIN", "HUB_KRT", "KOMPONEN", "KD_PROP", "KD_KAB", "KD_KEC", "KD_DESA",
                "ALAMAT", "TAHAP", "NOMINAL");
        assertThat(extracts.get("PBI_JKN").header()).containsSubsequence("NOKA", "NIK", "NO_KK", "NAMA_PESERTA",
                "TGL_LAHIR", "JENIS_KELAMIN", "HUBUNGAN_KELUARGA", "SEGMEN", "STATUS_PESERTA", "KODE_FASKES",
                "KODE_WILAYAH");
        assertThat(extracts.get("KIP").header()).containsSubsequence("NISN", "NIK", "NO_KK", "NAMA_SISWA", "JK",
                "TEMPAT_LAHIR", "TANGGAL_LAHIR", "NAMA_IBU_KANDUNG", "JENJANG", "KELAS", "NPSN", "NAMA_SEKOLAH",
                "NO_KIP", "KODE_WILAYAH", "NOMINAL");
    }

    @Test
    void everyPhysicalDataLineHasExactlyOneTruthRow() {
        for (Extract e : extracts.values()) {
            String name = e.path().getFileName().toString();
            List<Integer> dataLines = new ArrayList<>();
            for (int i = 2; i <= e.lines().size(); i++) {
                if (e.lines().get(i - 1).length > 0) {
                    dataLines.add(i);
                }
            }
            List<Integer> truthLines = truth.stream().filter(t -> t.file().equals(name)).map(TruthRow::lineNo).toList();
            assertThat(truthLines).as(name).doesNotHaveDuplicates();
            assertThat(truthLines).as(name).containsExactlyInAnyOrderElementsOf(dataLines);
            assertThat(truth.stream().filter(t -> t.file().equals(name)).map(TruthRow::source).distinct().toList())
                    .containsExactly(e.format().source());
        }
        // blank lines exist somewhere and carry no truth row
        long blank = extracts.values().stream().mapToLong(e -> e.lines().stream().skip(1).filter(l -> l.length == 0).count()).sum();
        assertThat(blank).isPositive();
    }

    @Test
    void damagedLinesAreMalformedAndUndamagedLinesAreWellFormed() {
        assertThat(truth.stream().filter(TruthRow::damaged).count()).isPositive();
        for (TruthRow t : truth) {
            Extract e = extracts.get(t.source());
            byte[] bytes = e.lines().get(t.lineNo() - 1);
            String text = GeneratedFiles.decodeStrict(bytes, e.format().charset());
            List<String> fields = text == null ? null
                    : GeneratedFiles.fields(text, e.format().delimiter(), e.format().quoting());
            boolean malformed = text == null || fields == null || fields.size() != e.header().size();
            assertThat(malformed).as("%s line %d damaged=%s: %s", t.file(), t.lineNo(), t.damaged(), text)
                    .isEqualTo(t.damaged());
            if (t.damaged()) {
                assertThat(t.codes()).isEmpty();
                assertThat(t.errors()).anyMatch(k -> ErrorKind.valueOf(k).damagesRow());
            } else {
                assertThat(fields.get(0)).isEqualTo(t.recordKey());
            }
        }
        // every kind of damage shows up
        Set<String> kinds = truth.stream().filter(TruthRow::damaged).flatMap(t -> t.errors().stream())
                .filter(k -> ErrorKind.valueOf(k).damagesRow()).collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrder("FILE_WRONG_COLUMN_COUNT", "FILE_UNTERMINATED_QUOTE",
                "FILE_DELIMITER_IN_UNQUOTED_FIELD", "FILE_INVALID_BYTES", "FILE_TRUNCATED_ROW");
    }

    @Test
    void truncatedRowIsTheLastLineWithNoLineEnd() throws IOException {
        TruthRow cut = truth.stream().filter(t -> t.errors().contains("FILE_TRUNCATED_ROW")).findFirst().orElseThrow();
        byte[] all = Files.readAllBytes(dir.resolve(cut.file()));
        assertThat(all[all.length - 1]).isNotEqualTo((byte) '\n');
        assertThat(cut.lineNo()).isEqualTo(extracts.get(cut.source()).lines().size());
    }

    @Test
    void datesSexAndKeysFollowEachSourcesFormat() {
        checkColumn("DUKCAPIL", "TGL_LHR", "dd-MM-yyyy", false);
        checkColumn("PKH", "TGL_LAHIR", "dd/MM/yyyy", true);
        checkColumn("PBI_JKN", "TGL_LAHIR", "yyyy-MM-dd", true);
        checkColumn("KIP", "TANGGAL_LAHIR", "dd-MM-yyyy", true);
        Pattern deathDate = Pattern.compile("|\\d{2}-\\d{2}-\\d{4}");
        assertThat(values("DUKCAPIL", "TGL_MATI")).allMatch(v -> deathDate.matcher(v).matches());
        assertThat(values("DUKCAPIL", "TGL_MATI")).filteredOn(v -> !v.isEmpty()).isNotEmpty();
        assertThat(values("DUKCAPIL", "JENIS_KLMIN")).containsOnly("LAKI-LAKI", "PEREMPUAN");
        assertThat(values("PKH", "JENIS_KELAMIN")).containsOnly("1", "2");
        assertThat(values("PBI_JKN", "JENIS_KELAMIN")).containsOnly("L", "P");
        assertThat(values("KIP", "JK")).containsOnly("L", "P");
        assertThat(values("PBI_JKN", "STATUS_PESERTA")).containsOnly("AKTIF", "NONAKTIF");
        assertThat(values("PBI_JKN", "NOKA")).allMatch(v -> v.matches("\\d{13}")).doesNotHaveDuplicates();
        assertThat(values("KIP", "NISN")).allMatch(v -> v.matches("\\d{10}")).doesNotHaveDuplicates();
        assertThat(values("KIP", "NPSN")).allMatch(v -> v.matches("\\d{8}"));
        assertThat(values("KIP", "KODE_WILAYAH")).allMatch(v -> v.matches("\\d{10}"));
        assertThat(values("PBI_JKN", "KODE_WILAYAH")).allMatch(v -> v.matches("\\d{6}"));
        assertThat(values("PKH", "ID_ART")).doesNotHaveDuplicates();
        assertThat(values("PKH", "TAHAP")).containsOnly("2026-IV");
        assertThat(values("PKH", "KOMPONEN")).contains("AUD", "SD", "SMP", "SMA", "LANSIA", "BUMIL", "");
        assertThat(values("KIP", "JENJANG")).contains("SD", "SMP").isSubsetOf("SD", "SMP", "SMA", "SMK");
        // quoting where needed: some PKH addresses hold ';', some names elsewhere hold ','
        assertThat(values("PKH", "ALAMAT")).anyMatch(v -> v.contains(";"));
        List<String> pkhLines = lines("PKH");
        assertThat(pkhLines).anyMatch(l -> l.contains(";\"JL. ") && l.contains("; GG."));
    }

    /** A quoted value over two lines is one good record: the truth gives its first line, and padan's reader loads it there. */
    @Test
    void aQuotedValueWithALineBreakIsOneRecordThatTheReaderLoads() throws Exception {
        List<TruthRow> multi = truth.stream().filter(t -> t.errors().contains("FILE_MULTILINE_VALUE")).toList();
        assertThat(multi).isNotEmpty().noneMatch(TruthRow::damaged);
        assertThat(multi).extracting(TruthRow::source).allMatch(s -> s.equals("PKH") || s.equals("KIP"));
        var mappings = id.padan.ingest.SourceMappings.load(Path.of("config"));
        for (String source : multi.stream().map(TruthRow::source).distinct().toList()) {
            Map<Integer, id.padan.ingest.ExtractRow> byLine = new HashMap<>();
            try (var reader = new id.padan.ingest.ExtractReader(extracts.get(source).path(), mappings.bySource(source).orElseThrow())) {
                reader.readHeader();
                id.padan.ingest.ExtractRow row;
                while ((row = reader.next()) != null) byLine.put(row.lineNo(), row);
            }
            for (TruthRow t : multi.stream().filter(t -> t.source().equals(source)).toList()) {
                var row = byLine.get(t.lineNo());
                assertThat(row).as("%s line %d", source, t.lineNo()).isNotNull();
                assertThat(row.ok()).as(row.problem()).isTrue();
                assertThat(row.lines()).isEqualTo(2);
                assertThat(String.join("|", row.fields())).contains("\n").contains(t.recordKey());
                assertThat(byLine).doesNotContainKey(t.lineNo() + 1);   // the second line is no row of its own
            }
        }
    }

    @Test
    void everyErrorFamilyOfTheDomainOccurs() throws IOException {
        Map<String, Long> summary = GeneratedFiles.summaryErrors(dir);
        for (ErrorKind k : ErrorKind.values()) {
            assertThat(summary.get(k.name())).as(k.name()).isPositive();
            assertThat(result.errorCounts().get(k)).as(k.name()).isEqualTo(summary.get(k.name()));
        }
        String summaryText = Files.readString(dir.resolve("truth_summary.txt"));
        for (String family : List.of("1 NIK ", "2 NAME ", "3 BIRTH_DATE ", "4 SEX ", "5 REGION ", "6 DUPLICATES ",
                "7 DEATHS ", "8 NOT_IN_REGISTRY ", "9 FILE_LEVEL ")) {
            assertThat(summaryText).containsPattern("(?m)^" + family + "[1-9]\\d*$");
        }
        Set<Integer> families = new HashSet<>();
        truth.forEach(t -> t.errors().forEach(k -> families.add(ErrorKind.valueOf(k).family())));
        assertThat(families).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
        // per-row kinds are recorded on the rows they were planted in
        Set<String> onRows = truth.stream().flatMap(t -> t.errors().stream()).collect(Collectors.toSet());
        for (ErrorKind k : ErrorKind.values()) {
            if (k.family() <= 8 || k.damagesRow()) {
                assertThat(onRows).as(k.name()).contains(k.name());
            }
        }
        // the file-wide faults are visible in the files
        assertThat(extracts.values()).anyMatch(e -> new String(e.lines().get(0), StandardCharsets.ISO_8859_1).startsWith(" ")
                || new String(e.lines().get(0), StandardCharsets.ISO_8859_1).contains("  "));
        assertThat(extracts.values()).anyMatch(e -> new String(e.lines().get(0), StandardCharsets.ISO_8859_1).matches("(?s).*[a-z].*"));
        assertThat(extracts.values()).anyMatch(e -> e.header().size() > specColumns(e.format().source()));
        long crlfFiles = 0;
        for (String f : FILES.subList(0, 4)) {
            String text = new String(Files.readAllBytes(dir.resolve(f)), StandardCharsets.ISO_8859_1);
            if (text.contains("\r\n")) {
                crlfFiles++;
                // the only bare LF is the one inside a quoted multi-line value (Excel writes Alt+Enter as LF)
                long bare = text.replace("\r\n", "").chars().filter(c -> c == '\n').count();
                long multi = truth.stream().filter(t -> t.file().equals(f) && t.errors().contains("FILE_MULTILINE_VALUE")).count();
                assertThat(bare).as(f + " mixes line ends").isEqualTo(multi);
            }
        }
        assertThat(crlfFiles).isEqualTo(1);
    }

    @Test
    void nikErrorsLookAsTheDomainDescribes() {
        Map<String, List<String>> nikByKind = new HashMap<>();
        for (TruthRow t : truth) {
            if (t.damaged() || t.source().equals("DUKCAPIL")) {
                continue;
            }
            String nik = field(t, "NIK");
            t.errors().stream().filter(k -> k.startsWith("NIK_")).forEach(k -> nikByKind.computeIfAbsent(k, x -> new ArrayList<>()).add(nik));
            if (t.errors().stream().noneMatch(k -> k.startsWith("NIK_"))) {
                assertThat(nik).as("untouched NIK of %s", t.person()).isEqualTo(t.registryNik().isEmpty() ? nik : t.registryNik());
            }
        }
        assertThat(nikByKind.get("NIK_BLANK")).allMatch(String::isBlank);
        assertThat(nikByKind.get("NIK_PLACEHOLDER")).isSubsetOf("-", "0", "0000000000000000");
        assertThat(nikByKind.get("NIK_EXCEL_SCIENTIFIC")).allMatch(v -> v.matches("\\d[.,]\\d{1,5}E\\+15"));
        assertThat(nikByKind.get("NIK_APOSTROPHE_OR_SPACES")).allMatch(v -> v.matches("['\\s]*\\d{16}['\\s]*") && !v.matches("\\d{16}"));
        assertThat(nikByKind.get("NIK_15_DIGITS")).allMatch(v -> v.matches("\\d{15}"));
        assertThat(nikByKind.get("NIK_17_DIGITS")).allMatch(v -> v.matches("\\d{17}"));
        assertThat(nikByKind.get("NIK_ONE_DIGIT_WRONG")).allMatch(v -> v.matches("\\d{16}"));
        assertThat(nikByKind.get("NIK_ADJACENT_SWAP")).allMatch(v -> v.matches("\\d{16}"));
        // the KK number in the NIK column equals that row's family card number
        truth.stream().filter(t -> !t.damaged() && t.errors().contains("NIK_KK_NUMBER") && !t.source().equals("DUKCAPIL"))
                .forEach(t -> assertThat(field(t, "NIK")).isIn(registryKks()));
    }

    @Test
    void registryNiksAreUniqueSixteenDigitsWithTheBirthDateEmbedded() {
        Extract d = extracts.get("DUKCAPIL");
        int nik = d.column("NIK");
        int kk = d.column("NO_KK");
        int born = d.column("TGL_LHR");
        int sex = d.column("JENIS_KLMIN");
        Set<String> seen = new HashSet<>();
        int checked = 0;
        for (TruthRow t : truth) {
            if (!t.source().equals("DUKCAPIL") || t.damaged()) {
                continue;
            }
            List<String> f = d.row(t.lineNo());
            String n = f.get(nik);
            assertThat(n).matches("\\d{16}");
            assertThat(f.get(kk)).matches("\\d{16}");
            assertThat(seen.add(n)).as("duplicate NIK " + n).isTrue();
            assertThat(n).isEqualTo(t.registryNik()).isEqualTo(t.recordKey());
            String[] dmy = f.get(born).split("-");
            int dd = Integer.parseInt(n.substring(6, 8));
            int expected = Integer.parseInt(dmy[0]) + (f.get(sex).equals("PEREMPUAN") ? 40 : 0);
            assertThat(dd).as(n + " " + f.get(born)).isEqualTo(expected);
            assertThat(n.substring(8, 10)).isEqualTo(dmy[1]);
            assertThat(n.substring(10, 12)).isEqualTo(dmy[2].substring(2));
            checked++;
        }
        assertThat(checked).isGreaterThan(1900);
        // some NIKs carry a retired kecamatan code (Papua splits) or another kabupaten's
        Set<String> domicileKab = new HashSet<>();
        long otherRegion = truth.stream().filter(t -> t.source().equals("DUKCAPIL") && !t.damaged()).filter(t -> {
            List<String> f = d.row(t.lineNo());
            return !t.registryNik().startsWith(f.get(d.column("NO_PROP")) + f.get(d.column("NO_KAB")));
        }).count();
        assertThat(otherRegion).isPositive();
    }

    /** Recomputes every code of the truth from the files and the truth's person ids. */
    @Test
    void truthCodesAgreeWithTheFiles() {
        Extract d = extracts.get("DUKCAPIL");
        Map<String, List<String>> registryByNik = new HashMap<>();
        for (TruthRow t : truth) {
            if (t.source().equals("DUKCAPIL") && !t.damaged()) {
                registryByNik.put(t.registryNik(), d.row(t.lineNo()));
            }
        }
        Map<String, Integer> rowsPerPersonSource = new HashMap<>();
        Set<String> activePbi = new HashSet<>();
        Set<String> withKip = new HashSet<>();
        for (TruthRow t : truth) {
            if (t.damaged() || t.source().equals("DUKCAPIL")) {
                continue;
            }
            rowsPerPersonSource.merge(t.source() + "/" + t.person(), 1, Integer::sum);
            if (t.source().equals("PBI_JKN") && field(t, "STATUS_PESERTA").equals("AKTIF")) {
                activePbi.add(t.person());
            }
            if (t.source().equals("KIP")) {
                withKip.add(t.person());
            }
        }
        Map<String, Integer> codeCounts = new HashMap<>();
        for (TruthRow t : truth) {
            if (t.damaged() || t.source().equals("DUKCAPIL")) {
                if (t.source().equals("DUKCAPIL")) {
                    assertThat(t.codes()).isEmpty();
                }
                continue;
            }
            String nik = field(t, "NIK").replaceAll("^[ ']+|[ ']+$", "");
            boolean missing = nik.isEmpty() || nik.equals("-") || nik.matches("0+");
            boolean inRegistry = !t.registryNik().isEmpty();
            assertThat(t.codes().contains("NIK_MISSING")).as(t.toString()).isEqualTo(missing);
            assertThat(t.codes().contains("NIK_MALFORMED")).as(t.toString()).isEqualTo(!missing && !nik.matches("\\d{16}"));
            assertThat(t.codes().contains("NIK_STRUCTURE")).as(t.toString())
                    .isEqualTo(!missing && nik.matches("\\d{16}") && !plausibleNik(nik));
            assertThat(t.codes().contains("NIK_CORRECTED")).as(t.toString())
                    .isEqualTo(!missing && inRegistry && !nik.equals(t.registryNik()));
            assertThat(t.carriedCorrectNik()).as(t.toString()).isEqualTo(inRegistry && nik.equals(t.registryNik()));
            assertThat(t.codes().contains("NOT_IN_DUKCAPIL")).as(t.toString()).isEqualTo(!inRegistry);
            assertThat(t.codes().contains("DUPLICATE_IN_PROGRAM")).as(t.toString())
                    .isEqualTo(rowsPerPersonSource.get(t.source() + "/" + t.person()) >= 2);
            List<String> reg = registryByNik.get(t.registryNik());
            if (inRegistry) {
                assertThat(reg).as("registry row of " + t.registryNik()).isNotNull();
            }
            String died = reg == null ? "" : reg.get(d.column("TGL_MATI"));
            boolean deceased = !died.isEmpty() && !LocalDate.parse(died, DateTimeFormatter.ofPattern("dd-MM-yyyy")).isAfter(AS_OF);
            assertThat(t.codes().contains("DECEASED_BENEFICIARY")).as(t.toString()).isEqualTo(deceased);
            assertThat(t.codes().contains("GAP_PKH_NO_PBI")).as(t.toString())
                    .isEqualTo(t.source().equals("PKH") && !activePbi.contains(t.person()));
            if (t.codes().contains("GAP_PKH_CHILD_NO_KIP")) {
                assertThat(t.source()).isEqualTo("PKH");
                assertThat(withKip).doesNotContain(t.person());
            }
            String kab = switch (t.source()) {
                case "PKH" -> field(t, "KD_KAB");
                case "PBI_JKN", "KIP" -> field(t, "KODE_WILAYAH").substring(0, 4);
                default -> throw new IllegalStateException();
            };
            boolean mismatch = inRegistry && !kab.equals(reg.get(d.column("NO_PROP")) + reg.get(d.column("NO_KAB")))
                    && !t.errors().contains("REGION_OLD_CODE");
            assertThat(t.codes().contains("REGION_MISMATCH")).as(t.toString()).isEqualTo(mismatch);
            t.codes().forEach(c -> codeCounts.merge(c, 1, Integer::sum));
        }
        assertThat(codeCounts.keySet()).contains("NIK_MISSING", "NIK_MALFORMED", "NIK_CORRECTED", "NOT_IN_DUKCAPIL",
                "DUPLICATE_IN_PROGRAM", "DECEASED_BENEFICIARY", "GAP_PKH_NO_PBI", "GAP_PKH_CHILD_NO_KIP",
                "REGION_MISMATCH");
        long programRows = truth.stream().filter(t -> !t.source().equals("DUKCAPIL")).count();
        long touched = truth.stream().filter(t -> !t.source().equals("DUKCAPIL"))
                .filter(t -> t.errors().stream().anyMatch(k -> !k.equals("DATE_REGISTRY_PLACEHOLDER"))).count();
        assertThat((double) touched / programRows).as("share of program rows with an error").isBetween(0.08, 0.25);
        long notInRegistry = truth.stream().filter(t -> !t.source().equals("DUKCAPIL") && t.registryNik().isEmpty())
                .map(TruthRow::person).distinct().count();
        long programPersons = truth.stream().filter(t -> !t.source().equals("DUKCAPIL")).map(TruthRow::person).distinct().count();
        assertThat((double) notInRegistry / programPersons).as("program people not in the registry").isBetween(0.01, 0.06);
    }

    @Test
    void cleanDataAtErrorRateZero() throws IOException {
        Path clean = tmp.resolve("clean");
        GenerationResult r = new ExtractGenerator(GeneratorOptions.of(1500, 7).withErrorRate(0).withFileFaults(false))
                .generate(clean);
        assertThat(r.errorCounts()).containsOnlyKeys(ErrorKind.FILE_BOM);
        List<TruthRow> rows = GeneratedFiles.truth(clean);
        assertThat(rows).noneMatch(TruthRow::damaged);
        assertThat(rows).allMatch(TruthRow::carriedCorrectNik);
        assertThat(rows).allMatch(t -> t.codes().stream().allMatch(c -> c.startsWith("GAP_")));
        assertThat(Files.readString(clean.resolve("kip_20261123.csv"))).doesNotContain("\r").doesNotContain("\n\n");
    }

    @Test
    void refusesADirectoryWithOtherExtractFiles() throws IOException {
        Path busy = tmp.resolve("busy");
        Files.createDirectories(busy);
        Files.writeString(busy.resolve("pkh_20250101.csv"), "old");
        assertThatThrownBy(() -> new ExtractGenerator(GeneratorOptions.of(100, 1)).generate(busy))
                .isInstanceOf(IOException.class).hasMessageContaining("pkh_20250101.csv");
        assertThat(busy.resolve("dukcapil_20261123.csv")).doesNotExist();
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> GeneratorOptions.of(5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratorOptions.of(100, 1).withErrorRate(-1)).isInstanceOf(IllegalArgumentException.class);
        ErrorRates doubled = ErrorRates.defaults().scaled(2);
        assertThat(doubled.nameVariant()).isEqualTo(ErrorRates.defaults().nameVariant() * 2);
        assertThat(ErrorRates.defaults().scaled(1000).deceasedStillListed()).isEqualTo(1.0);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static String field(TruthRow t, String column) {
        Extract e = extracts.get(t.source());
        return e.row(t.lineNo()).get(e.column(column));
    }

    private static List<String> values(String source, String column) {
        Extract e = extracts.get(source);
        int c = e.column(column);
        return truth.stream().filter(t -> t.source().equals(source) && !t.damaged())
                .map(t -> e.row(t.lineNo()).get(c)).toList();
    }

    private static List<String> lines(String source) {
        Extract e = extracts.get(source);
        return e.lines().stream().map(b -> new String(b, e.format().charset())).toList();
    }

    private static Set<String> registryKks() {
        return new HashSet<>(values("DUKCAPIL", "NO_KK"));
    }

    private static int specColumns(String source) {
        return switch (source) {
            case "DUKCAPIL" -> 18;
            case "PKH" -> 16;
            case "PBI_JKN" -> 11;
            default -> 15;
        };
    }

    /** Every undamaged row's date parses strictly in the pattern, unless a date error was planted in it. */
    private static void checkColumn(String source, String column, String pattern, boolean program) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
        Extract e = extracts.get(source);
        int c = e.column(column);
        int parsed = 0;
        for (TruthRow t : truth) {
            if (!t.source().equals(source) || t.damaged()) {
                continue;
            }
            String v = e.row(t.lineNo()).get(c);
            boolean planted = t.errors().stream().anyMatch(k -> k.startsWith("DATE_") && !k.equals("DATE_REGISTRY_PLACEHOLDER"));
            if (!planted) {
                LocalDate date = LocalDate.parse(v, f);
                assertThat(date).isBefore(AS_OF);
                parsed++;
            } else if (t.errors().contains("DATE_BLANK")) {
                assertThat(v).isEmpty();
            } else if (t.errors().contains("DATE_IMPOSSIBLE")) {
                assertThat(v).matches(program ? ".*(31.02|00.00.0000|0000-00-00|02-31).*" : ".*");
            }
        }
        assertThat(parsed).isPositive();
    }

    /** A known province and an embedded date (DD or DD+40, MM, YY) that exists in 19YY or 20YY. */
    private static boolean plausibleNik(String nik) {
        if (!PROVINCES.contains(nik.substring(0, 2))) {
            return false;
        }
        int dd = Integer.parseInt(nik.substring(6, 8));
        int day = dd > 40 ? dd - 40 : dd;
        int month = Integer.parseInt(nik.substring(8, 10));
        int yy = Integer.parseInt(nik.substring(10, 12));
        for (int year : new int[]{1900 + yy, 2000 + yy}) {
            try {
                LocalDate.of(year, month, day);
                return true;
            } catch (java.time.DateTimeException e) {
                // try the other century
            }
        }
        return false;
    }

    private static final Set<String> PROVINCES = provinces();

    private static Set<String> provinces() {
        try (var in = ExtractGeneratorTest.class.getResourceAsStream("/reference/wilayah/provinces.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
