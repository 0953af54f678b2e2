package id.padan.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import id.padan.ingest.ExtractReader;
import id.padan.ingest.ExtractRow;
import id.padan.ingest.InputFiles;
import id.padan.ingest.SourceMapping;
import id.padan.ingest.SourceMappings;
import id.padan.reference.RegionReference;
import id.padan.run.Cli;
import id.padan.standardise.RegionCodes;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The whole job on {@link SampleExtracts}, twice (the second time without one duplicate), through the
 * command line and a real PostgreSQL: the findings of every row, then the written files scanned for
 * what must never leave the system (an unmasked NIK or a formula in a review output, another region's
 * or program's row in a dinas extract) and for what must hold (row accounting, re-ingest, manifest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliverIT {
    private static final Pattern SIXTEEN_DIGITS = Pattern.compile("(?<!\\d)\\d{16}(?!\\d)");
    private static final SourceMappings MAPPINGS = SourceMappings.load(Path.of("config"));

    /** Kept after the test (under target/) so that the reports can be looked at. */
    Path tmp = Path.of("target/deliver-it");
    TestDatabase.Db db;
    Path out;
    long run1;
    long run2;
    Path in1;

    @BeforeAll
    void runTwice() throws Exception {
        db = TestDatabase.newDatabase().useForProduct();
        org.springframework.util.FileSystemUtils.deleteRecursively(tmp);
        in1 = tmp.resolve("in1");
        Path in2 = tmp.resolve("in2");
        SampleExtracts.write(in1, true);
        SampleExtracts.write(in2, false);
        out = tmp.resolve("out");
        assertThat(Cli.execute("run", "--input", in1.toString(), "--as-of", "2026-11-23", "--out", out.toString(), "--config", "config")).isZero();
        run1 = lastRun();
        assertThat(Cli.execute("run", "--input", in2.toString(), "--as-of", "2026-11-23", "--out", out.toString(), "--config", "config")).isZero();
        run2 = lastRun();
        assertThat(run2).isGreaterThan(run1);
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private long lastRun() throws Exception {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("select max(run_id) from padan.run")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyProgramRowHasExactlyTheFindingsOfTheContract() throws Exception {
        Map<String, Set<String>> actual = new TreeMap<>();
        SampleExtracts.EXPECTED.keySet().forEach(k -> actual.put(k, new HashSet<>()));
        try (Connection c = connect();
             ResultSet rs = c.createStatement().executeQuery("select source, record_key, code, severity, region_code, detail, detail_json::text "
                     + "from padan.finding where run_id = " + run1)) {
            while (rs.next()) {
                actual.computeIfAbsent(rs.getString(1) + ":" + rs.getString(2), k -> new HashSet<>()).add(rs.getString(3));
                assertThat(rs.getString(4)).isIn("ERROR", "WARNING", "INFO");
                assertThat(rs.getString(5)).as("region of %s", rs.getString(2)).isNotNull();
                assertThat(rs.getString(6)).isNotBlank();
                assertThat(rs.getString(7)).startsWith("{");
            }
        }
        assertThat(actual).isEqualTo(new TreeMap<>(SampleExtracts.EXPECTED));
        try (Connection c = connect();
             ResultSet rs = c.createStatement().executeQuery("select detail from padan.finding where run_id = " + run1
                     + " and record_key = 'A4' and code = 'DECEASED_BENEFICIARY'")) {
            rs.next();
            assertThat(rs.getString(1)).contains("01-06-2026");
        }
    }

    @Test
    void reportsCanBeWrittenInEnglish() throws Exception {
        var ds = new org.springframework.jdbc.datasource.DriverManagerDataSource(db.url(), db.user(), db.password());
        var settings = id.padan.deliver.internal.DeliverySettingsLoader.load(Path.of("config/reports.yml")).withLanguage("en");
        var report = new id.padan.deliver.internal.MismatchReport(ds, id.padan.findings.FindingRules.load(Path.of("config")), settings, MAPPINGS,
                OutputFiles.PRIVATE);
        Path dir = tmp.resolve("english");
        var scope = new id.padan.store.RunScope(run2, java.time.LocalDate.parse("2026-11-23"), in1, dir);
        List<WrittenFile> files = report.write(scope, dir, id.padan.store.StageProgress.NONE);
        assertThat(files).extracting(WrittenFile::kind).containsOnly("REPORT");
        String html = Files.readString(dir.resolve("reports/3603/report.html"));
        assertThat(html).contains("<html lang=\"en\"").contains("Mismatch Report").contains("Resolved").contains("Change since the previous run");
        assertThat(readCsv(dir.resolve("reports/3603/changes.csv")).get(0)).containsKeys("finding_code", "program", "new", "resolved", "still_open");
    }

    @Test
    void theSecondRunReportsWhatWasResolved() throws Exception {
        Path changes = out.resolve("run-" + run2).resolve("reports/3603/changes.csv");
        List<Map<String, String>> rows = readCsv(changes);
        Map<String, String> dup = rows.stream().filter(r -> r.get("kode_temuan").equals("DUPLICATE_IN_PROGRAM")).findFirst().orElseThrow();
        assertThat(dup.get("selesai")).isEqualTo("2");
        assertThat(dup.get("baru")).isEqualTo("0");
        Map<String, String> gap = rows.stream().filter(r -> r.get("kode_temuan").equals("GAP_PKH_NO_PBI")).findFirst().orElseThrow();
        assertThat(gap.get("masih_terbuka")).isEqualTo("4"); // A10, the fifth, is in 3671
        List<Map<String, String>> findings = readCsv(out.resolve("run-" + run2).resolve("reports/3603/findings.csv"));
        assertThat(findings).anySatisfy(r -> {
            assertThat(r.get("kunci_baris")).isEqualTo("A7");
            assertThat(r.get("perubahan")).isEqualTo("SELESAI");
        });
    }

    @Test
    void reviewOutputsHoldNoUnmaskedNikAndNoFormula() throws Exception {
        Path reports = out.resolve("run-" + run1).resolve("reports");
        assertThat(reports.resolve("NASIONAL/report.html")).exists();
        assertThat(reports.resolve("3603/report.html")).exists();
        assertThat(reports.resolve("3671/report.html")).exists();
        List<Path> files;
        try (Stream<Path> s = Files.walk(reports)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".xlsx")) {
                for (String cell : xlsxCells(f)) {
                    assertThat(SIXTEEN_DIGITS.matcher(cell).find()).as("unmasked NIK in %s: %s", f, cell).isFalse();
                }
                continue;
            }
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Matcher m = SIXTEEN_DIGITS.matcher(text);
            assertThat(m.find() ? m.group() : null).as("unmasked NIK in %s", f).isNull();
            if (name.endsWith(".csv")) {
                for (Map<String, String> row : readCsv(f)) {
                    for (String cell : row.values()) {
                        assertThat(cell).as("formula-like cell in %s", f).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                                .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                    }
                }
            }
        }
        String html = Files.readString(reports.resolve("3603/report.html"));
        assertThat(html).contains("<svg").contains("Kabupaten Tangerang").contains("360301**********").doesNotContain("<script")
                .doesNotContain("http://x\"");
        // A4's registry NIK is in the decisions of its kabupaten, masked to six digits, beside what was sent, with the link evidence.
        List<Map<String, String>> decisions = readCsv(reports.resolve("3603/decisions.csv"));
        assertThat(decisions).anySatisfy(r -> {
            assertThat(r.get("kunci_baris")).isEqualTo("A4");
            assertThat(r.get("nik_dukcapil")).isEqualTo("367101**********");
            assertThat(r.get("nama_dikirim")).isEqualTo("ALM. Ahmad Dahlan");
            assertThat(r.get("nama_dukcapil")).isEqualTo("AHMAD DAHLAN");
            assertThat(r.get("tgl_meninggal_dukcapil")).isEqualTo("01-06-2026");
            assertThat(r.get("teknis")).contains("EXACT_NIK");
            assertThat(r.get("penjelasan")).contains("meninggal pada 01-06-2026");
            assertThat(r.get("tingkat")).isEqualTo("GALAT");
        });
        ReviewerFiles.assertNoNikVisible(reports, recordKeys(run1));
    }

    @Test
    void xlsxSurvivesARoundTripWithTextCellsOnly() throws Exception {
        Path xlsx = out.resolve("run-" + run1).resolve("reports/3603/report.xlsx");
        try (InputStream in = Files.newInputStream(xlsx); Workbook wb = WorkbookFactory.create(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(4);
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) assertThat(cell.getCellType()).isIn(CellType.STRING, CellType.NUMERIC, CellType.BLANK);
                }
            }
            Sheet decisions = wb.getSheetAt(2);
            List<Map<String, String>> csv = readCsv(xlsx.resolveSibling("decisions.csv"));
            assertThat(decisions.getLastRowNum()).isEqualTo(csv.size());
            int why = -1;
            for (Cell h : decisions.getRow(0)) if (h.getStringCellValue().equals("penjelasan")) why = h.getColumnIndex();
            for (int r = 1; r <= csv.size(); r++) {
                assertThat(decisions.getRow(r).getCell(1).getStringCellValue()).isEqualTo(csv.get(r - 1).get("kunci_baris"));
                assertThat(decisions.getRow(r).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("@");
                assertThat(decisions.getRow(r).getCell(why).getStringCellValue()).isEqualTo(csv.get(r - 1).get("penjelasan"));
            }
            Sheet counts = wb.getSheetAt(0);
            assertThat(counts.getRow(0).getCell(0).getStringCellValue()).isEqualTo("kode_kabupaten");
        }
    }

    @Test
    void correctedExtractsReingestAndHoldOnlyTheirProgramAndRegion() throws Exception {
        Path extracts = out.resolve("run-" + run1).resolve("extracts");
        RegionCodes regions = new RegionCodes(RegionReference.kemendagri());
        Map<String, Long> rowsPerSource = new HashMap<>();
        for (String source : List.of("PKH", "PBI_JKN", "KIP")) {
            SourceMapping m = MAPPINGS.bySource(source).orElseThrow();
            List<Path> files;
            try (Stream<Path> s = Files.list(extracts.resolve(source))) {
                files = s.sorted().toList();
            }
            assertThat(files).isNotEmpty();
            for (Path f : files) {
                String name = f.getFileName().toString();
                assertThat(name).startsWith(m.filePrefix());
                if (name.endsWith("_BACA_SAYA.txt")) continue;
                if (name.endsWith("_DITOLAK.csv")) {
                    rowsPerSource.merge(source, (long) readCsv(f).size(), Long::sum);
                    continue;
                }
                String region = name.replaceAll("^.*_(\\d{4}|unknown_region)\\.[a-z]+$", "$1");
                try (ExtractReader r = new ExtractReader(f, m)) {
                    List<String> header = r.readHeader();
                    assertThat(header).endsWith("PADAN_STATUS", "PADAN_TEMUAN", "PADAN_KOREKSI", "PADAN_NILAI_DIKIRIM", "PADAN_PERSON_ID");
                    int status = r.column("PADAN_STATUS");
                    ExtractRow row;
                    while ((row = r.next()) != null) {
                        rowsPerSource.merge(source, 1L, Long::sum);
                        assertThat(row.ok()).as("every line of %s loads again: %s", f, row.rawText()).isTrue();
                        String[] v = row.fields();
                        assertThat(v[status]).isIn("SESUAI", "ADA_TEMUAN", "DIKOREKSI");
                        String kab = kabOf(regions, m, r, v);
                        assertThat(kab == null ? "unknown_region" : kab).as("region of a row in %s", f).isEqualTo(region);
                    }
                }
            }
        }
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "select source, rows_read from padan.input_file where run_id = " + run1 + " and source <> 'DUKCAPIL'")) {
            while (rs.next()) assertThat(rowsPerSource.get(rs.getString(1))).as(rs.getString(1)).isEqualTo(rs.getLong(2));
        }
    }

    @Test
    void namesAreNeverRewrittenAndEveryOtherLineStaysAsSent() throws Exception {
        Path pkh = out.resolve("run-" + run1).resolve("extracts/PKH/pkh_20261123_3603.csv");
        List<String> lines = Files.readAllLines(pkh, SampleExtracts.CP1252);
        assertThat(lines.get(0)).isEqualTo(SampleExtracts.PKH_HEADER + ";PADAN_STATUS;PADAN_TEMUAN;PADAN_KOREKSI;PADAN_NILAI_DIKIRIM;PADAN_PERSON_ID");
        // "Ani" for the registry's ANI RAHMAWATI is normal variation (a name cut short): the line is given back as sent.
        String a3 = lines.stream().filter(l -> l.startsWith("A3;")).findFirst().orElseThrow();
        assertThat(a3).startsWith("A3;K1;3603015505150003;3603010101100001;Ani;15/05/2015;2;3;SD;").contains(";ADA_TEMUAN;GAP_PKH_CHILD_NO_KIP;;;");
        // A link with differing attributes is not certain: the row stays as sent, with its finding.
        String a9 = lines.stream().filter(l -> l.startsWith("A9;")).findFirst().orElseThrow();
        assertThat(a9).startsWith("A9;K5;3603016006800006;;\"Maria O'Neil; S.Pd\";02/06/1980;1;1;").contains(";ADA_TEMUAN;ATTRIBUTE_MISMATCH;;;");
        String pbi6 = Files.readAllLines(out.resolve("run-" + run1).resolve("extracts/PBI_JKN/pbi_20261123_3603.csv")).stream()
                .filter(l -> l.startsWith("0001000000006,")).findFirst().orElseThrow();
        assertThat(pbi6).startsWith("0001000000006,3603016006800006,,MARIA,1980-06-20,P,").contains(",SESUAI,,,,");
        // Unchanged rows are byte for byte what was sent, with the added columns after them.
        List<String> sent = SampleExtracts.pkhLines(true);
        for (String key : List.of("A2;", "A3;", "A5;", "A6;", "A8;", "A9;")) {
            String original = sent.stream().filter(l -> l.startsWith(key)).findFirst().orElseThrow();
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(original + ";"));
        }
        assertThat(Files.readAllBytes(pkh)).contains((byte) '\r'); // CRLF kept
        // A record on two lines comes back whole, byte for byte (the line break inside the value is the LF sent).
        String kota = Files.readString(pkh.resolveSibling("pkh_20261123_3671.csv"), SampleExtracts.CP1252);
        assertThat(kota).contains("3671011001;\"JL KENANGA\nRT 01\";2026-IV;0;ADA_TEMUAN;");
        // Rejected lines come back in a file of their own, with line number and reason, not in the extract.
        List<Map<String, String>> unknown = readCsv(pkh.resolveSibling("pkh_20261123_unknown_region_DITOLAK.csv"));
        assertThat(unknown).singleElement().satisfies(r -> {
            assertThat(r.get("baris_asli")).isEqualTo("BAD;K9;3603;Tono;01/01/1990;1");
            assertThat(r.get("nomor_baris")).isEqualTo("13"); // A10 before it takes two lines
            assertThat(r.get("alasan")).isNotBlank();
        });
        // The repeated record key is rejected but its region could be read: it goes back to 3603's rejected lines.
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("Siti Dup Key"));
        assertThat(readCsv(pkh.resolveSibling("pkh_20261123_3603_DITOLAK.csv"))).anySatisfy(r -> assertThat(r.get("baris_asli")).contains("Siti Dup Key"));
        assertThat(Files.readString(pkh.resolveSibling("pkh_20261123_3603_BACA_SAYA.txt"))).contains("pkh_20261123_3603_DITOLAK.csv")
                .contains("ID_ART, ID_KPM, NIK, NO_KK").contains("Teks");
        Path pbi = out.resolve("run-" + run1).resolve("extracts/PBI_JKN/pbi_20261123_3603.csv");
        assertThat(Files.readAllBytes(pbi)).startsWith(0xEF, 0xBB, 0xBF);
    }

    @Test
    void manifestListsEveryFileWithItsChecksumAndTheSummaryAddsUp() throws Exception {
        Path dir = out.resolve("run-" + run1);
        List<Map<String, String>> manifest = readCsv(dir.resolve("manifest.csv"));
        Set<String> listed = new HashSet<>();
        for (Map<String, String> line : manifest) {
            Path f = dir.resolve(line.get("file"));
            assertThat(InputFiles.sha256(f)).isEqualTo(line.get("sha256"));
            assertThat(Files.size(f)).isEqualTo(Long.parseLong(line.get("bytes")));
            listed.add(line.get("file"));
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).filter(p -> !p.equals("manifest.csv"))
                    .filter(p -> !p.equals(".padan-run")) // the folder's owner (database and run), not a delivered file
                    .forEach(p -> assertThat(listed).contains(p));
        }
        String summary = Files.readString(dir.resolve("summary.txt"));
        assertThat(summary).contains("delivered").doesNotContain("COUNTS DIFFER").contains("status COMPLETED").doesNotContain("RUNNING");
        assertThat(summary.lines().filter(l -> l.startsWith("PKH ") || l.startsWith("KIP ") || l.startsWith("PBI_JKN "))
                .filter(l -> l.endsWith(" ok")).count()).isEqualTo(3);
    }

    /** The record keys of the run's program rows (a PBI NOKA has 13 digits and is shown as sent). */
    private Set<String> recordKeys(long run) throws Exception {
        Set<String> keys = new HashSet<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "select record_key from padan.source_record where run_id = " + run + " and source <> 'DUKCAPIL'")) {
            while (rs.next()) keys.add(rs.getString(1));
        }
        return keys;
    }

    private static String kabOf(RegionCodes regions, SourceMapping m, ExtractReader r, String[] v) {
        var region = m.region();
        if (region.desa() != null) {
            var code = regions.of(v[r.column(region.desa())]);
            for (String fb : region.fallback()) if (code.kabupaten() == null) code = regions.of(v[r.column(fb)]);
            return code.kabupaten();
        }
        return regions.of(v[r.column(region.kecamatan())]).kabupaten();
    }

    static List<Map<String, String>> readCsv(Path f) throws Exception {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            while (it.hasNext()) rows.add(it.next());
        }
        return rows;
    }

    static List<String> xlsxCells(Path f) throws Exception {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(f); Workbook wb = WorkbookFactory.create(in)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("cell type in %s", f).isNotEqualTo(CellType.FORMULA);
                        out.add(cell.getCellType() == CellType.NUMERIC ? String.valueOf(cell.getNumericCellValue()) : cell.toString());
                    }
                }
            }
        }
        return out;
    }
}
