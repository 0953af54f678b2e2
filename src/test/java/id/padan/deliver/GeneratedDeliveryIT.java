package id.padan.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.padan.TestDatabase;
import id.padan.generate.ExtractGenerator;
import id.padan.generate.GeneratorOptions;
import id.padan.ingest.SourceMapping;
import id.padan.ingest.SourceMappings;
import id.padan.run.Cli;
import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * What reviewers and dinas receive from a whole run on generated extracts (every error family, three times the
 * usual rates so that every decision code occurs): corrected extracts that load back, corrections that keep the
 * value sent and name their reason, no reviewer file with more than six digits of a NIK visible, readmes and an
 * XLSX with identifiers as text, and in headless Chromium a kabupaten report with its most harmful rows first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedDeliveryIT {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final SourceMappings MAPPINGS = SourceMappings.load(Path.of("config"));
    private static final Path SCREENSHOTS = Path.of("target/report-screenshots");
    Path input;
    Path run;
    TestDatabase.Db db;

    @BeforeAll
    void generateAndRun() throws Exception {
        Path tmp = Path.of("target/generated-delivery-it");
        org.springframework.util.FileSystemUtils.deleteRecursively(tmp);
        input = tmp.resolve("in");
        new ExtractGenerator(GeneratorOptions.of(4_000, 18).withAsOf(AS_OF).withErrorRate(3.0)).generate(input);
        db = TestDatabase.newDatabase().useForProduct();
        Path out = tmp.resolve("out");
        assertThat(Cli.execute("run", "--input", input.toString(), "--as-of", AS_OF.toString(), "--out", out.toString())).isZero();
        try (Stream<Path> s = Files.list(out)) {
            run = s.filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
        }
    }

    private List<Path> extracts(String suffix) throws Exception {
        try (Stream<Path> s = Files.walk(run.resolve("extracts"))) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** Every record of a corrected extract, parsed as CSV in the source's own format (header first). */
    private static List<String[]> records(Path file, SourceMapping m) throws Exception {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(m.delimiter());
        schema = m.quote() == null ? schema.withoutQuoteChar() : schema.withQuoteChar(m.quote());
        CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        List<String[]> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, m.encoding());
             MappingIterator<String[]> it = csv.readerFor(String[].class).with(schema).readValues(r)) {
            while (it.hasNext()) out.add(it.next());
        }
        if (out.get(0)[0].startsWith("\uFEFF")) out.get(0)[0] = out.get(0)[0].substring(1);
        return out;
    }

    @Test
    void everyCorrectedExtractParsesWithTheHeadersFieldCountOnEveryRecord() throws Exception {
        long checked = 0;
        for (String source : List.of("PKH", "PBI_JKN", "KIP")) {
            SourceMapping m = MAPPINGS.bySource(source).orElseThrow();
            for (Path f : extracts("")) {
                if (!f.getParent().getFileName().toString().equals(source)) continue;
                String name = f.getFileName().toString();
                if (name.endsWith("_DITOLAK.csv") || name.endsWith("_BACA_SAYA.txt")) continue;
                List<String[]> records = records(f, m);
                int fields = records.get(0).length;
                assertThat(records.get(0)[fields - 1]).isEqualTo("PADAN_PERSON_ID");
                for (int i = 1; i < records.size(); i++) {
                    assertThat(records.get(i)).as("record %d of %s", i, f).hasSize(fields);
                    assertThat(records.get(i)[fields - 5]).as("status in %s", f).isIn("SESUAI", "ADA_TEMUAN", "DIKOREKSI");
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(2_000);
        // The rejected lines went to files of their own, each with its line number and reason.
        List<Path> rejected = extracts("_DITOLAK.csv");
        assertThat(rejected).isNotEmpty();
        for (Path f : rejected) {
            List<Map<String, String>> rows = DeliverIT.readCsv(f);
            assertThat(rows).allSatisfy(r -> {
                assertThat(Integer.parseInt(r.get("nomor_baris"))).isPositive();
                assertThat(r.get("alasan")).isNotBlank();
            });
        }
    }

    @Test
    void everyCorrectedRowNamesWhatItCorrectedAndKeepsTheValueSent() throws Exception {
        long corrected = 0;
        for (String source : List.of("PKH", "PBI_JKN", "KIP")) {
            SourceMapping m = MAPPINGS.bySource(source).orElseThrow();
            String nameColumn = m.columns().get(id.padan.ingest.Field.NAME);
            for (Path f : extracts(".csv")) {
                String name = f.getFileName().toString();
                if (!f.getParent().getFileName().toString().equals(source) || name.endsWith("_DITOLAK.csv")) continue;
                List<String[]> records = records(f, m);
                List<String> header = new ArrayList<>();
                for (String h : records.get(0)) header.add(h.strip().toUpperCase(java.util.Locale.ROOT)); // as padan reads headers
                int status = header.indexOf("PADAN_STATUS"), what = header.indexOf("PADAN_KOREKSI"), sent = header.indexOf("PADAN_NILAI_DIKIRIM");
                for (String[] r : records.subList(1, records.size())) {
                    if (!r[status].equals("DIKOREKSI")) {
                        assertThat(r[what]).isEmpty();
                        continue;
                    }
                    corrected++;
                    String[] columns = r[what].split(" \\| ");
                    String[] values = r[sent].split(" \\| ", -1);
                    assertThat(values).as("sent values of %s", String.join(";", r)).hasSameSizeAs(columns);
                    for (int i = 0; i < columns.length; i++) {
                        String[] cr = columns[i].split(": ");
                        assertThat(cr).as("column and reason in %s", r[what]).hasSize(2);
                        assertThat(cr[1]).matches("NIK_CORRECTED|NIK_MISSING|NIK_MALFORMED|NIK_STRUCTURE|KOSONG_ATAU_TIDAK_SAH");
                        assertThat(cr[0]).isNotEqualTo(nameColumn); // names are normal variation: never rewritten
                        assertThat(values[i]).startsWith(cr[0] + "=");
                        String before = values[i].substring(cr[0].length() + 1);
                        assertThat(r[header.indexOf(cr[0])]).as("corrected value of %s", cr[0]).isNotEqualTo(before);
                    }
                }
            }
        }
        assertThat(corrected).isGreaterThan(20);
    }

    @Test
    void everyDecisionFileListsItsRowsMostHarmfulFirstInTheOrderOfReportsYml() throws Exception {
        List<String> harm = id.padan.deliver.internal.DeliverySettingsLoader.load(Path.of("config/reports.yml")).decisionCodes();
        assertThat(harm).startsWith("DECEASED_BENEFICIARY", "REVIEW_POSSIBLE_MATCH");
        List<Path> files;
        try (Stream<Path> s = Files.walk(run.resolve("reports"))) {
            files = s.filter(p -> p.getFileName().toString().equals("decisions.csv")).toList();
        }
        long national = 0, regional = 0;
        for (Path f : files) {
            List<Map<String, String>> rows = DeliverIT.readCsv(f);
            int last = -1;
            for (Map<String, String> r : rows) {
                int rank = harm.indexOf(r.get("kode_temuan"));
                assertThat(rank).as("order of %s in %s", r.get("kode_temuan"), f).isGreaterThanOrEqualTo(last);
                last = rank;
                assertThat(r.get("keputusan")).isEmpty();
                if (r.get("kode_temuan").equals("REVIEW_POSSIBLE_MATCH")) assertThat(r.get("kandidat_person_id")).isNotBlank();
            }
            if (f.getParent().getFileName().toString().equals("NASIONAL")) national += rows.size();
            else regional += rows.size();
        }
        assertThat(national).isPositive().isEqualTo(regional); // every row reachable, in the national file and in its kabupaten's
    }

    @Test
    void noReviewerFileShowsMoreThanSixDigitsOfANik() throws Exception {
        Set<String> keys = new HashSet<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             ResultSet rs = c.createStatement().executeQuery("select record_key from padan.source_record where source <> 'DUKCAPIL'")) {
            while (rs.next()) keys.add(rs.getString(1));
        }
        ReviewerFiles.assertNoNikVisible(run.resolve("reports"), keys);
    }

    @Test
    void eachPackageHasAReadmeInBahasaAndTheXlsxKeepsIdentifiersAsText() throws Exception {
        for (Path f : extracts(".csv")) {
            String name = f.getFileName().toString();
            if (name.endsWith("_DITOLAK.csv")) continue;
            Path readme = f.resolveSibling(name.substring(0, name.lastIndexOf('.')) + "_BACA_SAYA.txt");
            assertThat(readme).exists();
            String text = Files.readString(readme);
            SourceMapping m = MAPPINGS.bySource(f.getParent().getFileName().toString()).orElseThrow();
            assertThat(text).contains("PADAN_STATUS", "PADAN_TEMUAN", "PADAN_KOREKSI", "PADAN_NILAI_DIKIRIM", "PADAN_PERSON_ID", "DIKOREKSI", "Teks")
                    .contains(m.recordKey()).contains(m.columns().get(id.padan.ingest.Field.NIK));
        }
        // The reviewers' workbook: record keys and person ids are text cells formatted as text, NISNs with their leading zero.
        boolean leadingZero = false;
        List<Path> books;
        try (Stream<Path> s = Files.walk(run.resolve("reports"))) {
            books = s.filter(p -> p.getFileName().toString().equals("report.xlsx")).toList();
        }
        for (Path book : books) {
            try (InputStream in = Files.newInputStream(book); Workbook wb = WorkbookFactory.create(in)) {
                Sheet decisions = wb.getSheetAt(2);
                Row head = decisions.getRow(0);
                Map<String, Integer> col = new HashMap<>();
                for (Cell h : head) col.put(h.getStringCellValue(), h.getColumnIndex());
                for (int r = 1; r <= decisions.getLastRowNum(); r++) {
                    Row row = decisions.getRow(r);
                    for (String c : List.of("kunci_baris", "person_id", "kandidat_person_id")) {
                        Cell cell = row.getCell(col.get(c));
                        if (cell == null) continue;
                        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("@");
                    }
                    if (row.getCell(col.get("program")).getStringCellValue().equals("KIP")) {
                        leadingZero |= row.getCell(col.get("kunci_baris")).getStringCellValue().startsWith("0");
                    }
                }
            }
        }
        assertThat(leadingZero).as("a NISN with its leading zero").isTrue();
    }

    @Test
    void inChromiumTheKabupatenReportShowsDeathsAndPossibleMatchesBeforeAttributeDifferences() throws Exception {
        assumeTrue(new File("/usr/bin/chromedriver").canExecute() && new File("/usr/bin/chromium").canExecute(),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        Path report = kabupatenWith("DECEASED_BENEFICIARY", "REVIEW_POSSIBLE_MATCH", "ATTRIBUTE_MISMATCH");
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            browser.manage().window().setSize(new Dimension(1400, 1000));
            browser.get(report.toUri().toString());
            List<WebElement> rows = browser.findElements(By.cssSelector("tr.decision"));
            List<String> codes = rows.stream().map(r -> r.getDomAttribute("data-code")).toList();
            int firstAttribute = codes.indexOf("ATTRIBUTE_MISMATCH");
            assertThat(firstAttribute).isPositive();
            assertThat(codes.subList(firstAttribute, codes.size())).doesNotContain("DECEASED_BENEFICIARY", "REVIEW_POSSIBLE_MATCH");
            WebElement attributeGroup = browser.findElement(By.id("group-ATTRIBUTE_MISMATCH"));
            for (String code : List.of("DECEASED_BENEFICIARY", "REVIEW_POSSIBLE_MATCH")) {
                WebElement row = rows.get(codes.indexOf(code));
                assertThat(row.isDisplayed()).as("%s shown without a click", code).isTrue();
                assertThat(row.getLocation().getY()).as("%s above the attribute differences", code).isLessThan(attributeGroup.getLocation().getY());
                WebElement sent = row.findElement(By.cssSelector("td.side.sent"));
                WebElement registry = row.findElement(By.cssSelector("td.side.registry"));
                assertThat(sent.getText()).contains("nama").contains("tanggal lahir");
                assertThat(registry.getLocation().getX()).as("registry beside what was sent").isGreaterThan(sent.getLocation().getX());
                assertThat(registry.getLocation().getY()).isEqualTo(sent.getLocation().getY());
                if (code.equals("REVIEW_POSSIBLE_MATCH")) {
                    WebElement candidate = row.findElement(By.cssSelector("td.side.candidate"));
                    assertThat(candidate.getText()).contains("person_id").contains("nama").contains("tanggal lahir").contains("jenis kelamin")
                            .contains("wilayah").containsPattern("\\d{6}\\*{10}");
                    assertThat(candidate.getLocation().getX()).isGreaterThan(registry.getLocation().getX());
                    assertThat(row.getText()).doesNotContain("peluang").doesNotContain("1.000").doesNotContain("1,000");
                } else {
                    assertThat(registry.getText()).contains("meninggal");
                }
            }
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("kabupaten-top.png"), browser.getScreenshotAs(OutputType.BYTES));
            Files.write(SCREENSHOTS.resolve("possible-match.png"), browser.findElement(By.id("group-REVIEW_POSSIBLE_MATCH")).getScreenshotAs(OutputType.BYTES));
            Files.write(SCREENSHOTS.resolve("deceased.png"), browser.findElement(By.id("group-DECEASED_BENEFICIARY")).getScreenshotAs(OutputType.BYTES));
            browser.get(run.resolve("reports/NASIONAL/report.html").toUri().toString());
            Files.write(SCREENSHOTS.resolve("national-top.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
            org.springframework.util.FileSystemUtils.deleteRecursively(profile);
        }
    }

    /** The report.html of a kabupaten/kota with rows of every one of {@code codes} needing a decision. */
    private Path kabupatenWith(String... codes) throws Exception {
        try (Stream<Path> s = Files.list(run.resolve("reports"))) {
            for (Path dir : s.sorted().toList()) {
                if (dir.getFileName().toString().equals("NASIONAL")) continue;
                Set<String> present = new HashSet<>();
                for (Map<String, String> r : DeliverIT.readCsv(dir.resolve("decisions.csv"))) present.add(r.get("kode_temuan"));
                if (present.containsAll(List.of(codes))) return dir.resolve("report.html");
            }
        }
        throw new AssertionError("no kabupaten with rows of " + String.join(", ", codes));
    }
}
