package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import id.padan.generate.ExtractGenerator;
import id.padan.generate.GeneratorOptions;
import id.padan.quality.PublishedRun;
import id.padan.quality.QualityScore;
import id.padan.quality.TruthFile;
import id.padan.quality.TruthRow;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The whole job through the command line on generated extracts with ground truth, against a real
 * PostgreSQL: row accounting, the store agreeing with itself, linkage quality floors, findings,
 * and runs identified by their inputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconcileRunIT {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    Path input;
    Path out;
    JdbcTemplate jdbc;
    List<TruthRow> truth;

    @BeforeAll
    void generateAndRun(@TempDir Path tmp) throws Exception {
        input = tmp.resolve("in");
        out = tmp.resolve("out");
        new ExtractGenerator(GeneratorOptions.of(6_000, 42).withAsOf(AS_OF)).generate(input);
        truth = TruthFile.read(input.resolve("truth.csv"));
        TestDatabase.Db db = TestDatabase.newDatabase().useForProduct();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        int exit = Cli.execute("run", "--input", input.toString(), "--as-of", AS_OF.toString(), "--out", out.toString());
        assertThat(exit).isZero();
    }

    @Test
    @Order(1)
    void everyRowIsLoadedOrRejectedAndTheCountsAddUp() {
        var files = jdbc.queryForList("select source, rows_read, rows_loaded, rows_rejected, status from padan.input_file where run_id = 1");
        assertThat(files).hasSize(4).allSatisfy(f -> {
            assertThat(f.get("status")).isEqualTo("LOADED");
            assertThat(((Number) f.get("rows_read")).longValue())
                    .isEqualTo(((Number) f.get("rows_loaded")).longValue() + ((Number) f.get("rows_rejected")).longValue());
        });
        long read = files.stream().mapToLong(f -> ((Number) f.get("rows_read")).longValue()).sum();
        assertThat(read).as("every physical data line of the extracts is read").isEqualTo(truth.size());
        Long rejected = jdbc.queryForObject("select count(*) from padan.rejected_row where run_id = 1", Long.class);
        long damaged = truth.stream().filter(TruthRow::damaged).count();
        assertThat(rejected).as("exactly the damaged lines are rejected").isEqualTo(damaged);
        Long published = jdbc.queryForObject("select count(*) from reconciled.source_record where run_id = 1", Long.class);
        assertThat(published).isEqualTo(read - rejected);
        // every rejected row says where and why
        assertThat(jdbc.queryForObject("select count(*) from padan.rejected_row where run_id = 1 and (reason is null or line_no < 2 or file_name is null)",
                Long.class)).isZero();
    }

    @Test
    @Order(2)
    void linkageMeetsTheQualityFloors() {
        QualityScore score = PublishedRun.load(jdbc, 1L).score(truth);
        assertThat(score.damagedLoaded()).as("no damaged row is loaded as data").isZero();
        assertThat(score.completeness()).isGreaterThanOrEqualTo(0.999);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.998);
        assertThat(score.f1()).isGreaterThanOrEqualTo(0.997);
        assertThat(score.nikResolution()).isGreaterThanOrEqualTo(0.9990);
        assertThat(score.wrongPersonRate()).isLessThanOrEqualTo(0.0005);
        assertThat(score.correctNikChanged()).as("a row carrying its correct registry NIK is linked to that person").isZero();
        for (String code : List.of("NIK_MISSING", "NIK_MALFORMED", "NIK_CORRECTED", "NOT_IN_DUKCAPIL", "DUPLICATE_IN_PROGRAM",
                "DECEASED_BENEFICIARY", "GAP_PKH_NO_PBI", "GAP_PKH_CHILD_NO_KIP", "REGION_MISMATCH")) {
            QualityScore.CodeScore c = score.findings().get(code);
            assertThat(c).as(code).isNotNull();
            assertThat(c.truth()).as(code + " occurs in the generated data").isPositive();
            assertThat(c.precision()).as(code + " precision").isGreaterThanOrEqualTo(0.97);
            assertThat(c.recall()).as(code + " recall").isGreaterThanOrEqualTo(0.97);
        }
    }

    @Test
    @Order(3)
    void everyLinkIsExplainedFieldByField() {
        Long unexplained = jdbc.queryForObject("""
                select count(*) from reconciled.source_record
                where run_id = 1 and match_method not in ('REGISTRY', 'NEW_PERSON', 'LINKED_VIA_CLUSTER')
                  and (explanation is null or jsonb_typeof(explanation->'fields') <> 'object'
                       or (select count(*) from jsonb_object_keys(explanation->'fields')) <> %d)""".formatted(id.padan.link.model.Comparison.COUNT), Long.class);
        assertThat(unexplained).isZero();
        Long nameLevels = jdbc.queryForObject("""
                select count(*) from reconciled.source_record where run_id = 1 and explanation->'fields'->'NAME'->>'level' is not null""", Long.class);
        assertThat(nameLevels).isPositive();
    }

    @Test
    @Order(4)
    void theSameExtractsAreNotReconciledTwiceAndAForcedRerunKeepsPersonIds() {
        int again = Cli.execute("run", "--input", input.toString(), "--as-of", AS_OF.toString(), "--out", out.toString());
        assertThat(again).isZero();
        assertThat(jdbc.queryForObject("select count(*) from padan.run", Long.class)).isEqualTo(1L);
        int forced = Cli.execute("run", "--input", input.toString(), "--as-of", AS_OF.toString(), "--out", out.toString(), "--force");
        assertThat(forced).isZero();
        assertThat(jdbc.queryForObject("select count(*) from padan.run where status = 'COMPLETED'", Long.class)).isEqualTo(2L);
        Long moved = jdbc.queryForObject("""
                select count(*) from padan.source_record a join padan.source_record b using (source, record_key)
                where a.run_id = 1 and b.run_id = 2 and a.person_id <> b.person_id""", Long.class);
        assertThat(moved).as("rows resolved to another person id on a rerun").isZero();
        assertThat(jdbc.queryForObject("select run_id from reconciled.current_run", Long.class)).isEqualTo(2L);
    }

    @Test
    @Order(5)
    void theSummaryTellsTheOperatorWhatTheExtractsHeld() {
        // Expected values come from the generator's ground truth and the shipped rules, not from the tables the summary reads.
        long damaged = truth.stream().filter(TruthRow::damaged).count();
        long registryPersons = truth.stream().filter(t -> t.source().equals("DUKCAPIL") && !t.damaged()).count();
        var summary = id.padan.store.RunSummary.load(jdbc, 1);
        String text = summary.render();
        assertThat(text).containsPattern("(?m)^total\\s+" + String.format(java.util.Locale.ROOT, "%,d\\s+%,d\\s+%,d", truth.size(),
                truth.size() - damaged, damaged) + "$");
        assertThat(text).containsPattern("persons [\\d,]+ \\(" + String.format(java.util.Locale.ROOT, "%,d", registryPersons) + " in Dukcapil");
        var rules = id.padan.findings.FindingRules.load(java.nio.file.Path.of("config"));
        QualityScore score = PublishedRun.load(jdbc, 1L).score(truth);
        for (var line : summary.findings()) {
            assertThat(line.severity()).as(line.code()).isEqualTo(rules.severityOf(line.code()));
            QualityScore.CodeScore c = score.findings().get(line.code());
            if (c != null && c.truth() > 0) {
                assertThat(line.rows()).as(line.code() + " rows against the truth").isBetween((long) Math.floor(c.truth() * 0.97), (long) Math.ceil(c.truth() / 0.97));
            }
        }
        assertThat(summary.findings()).extracting(id.padan.store.RunSummary.CodeLine::code)
                .contains("NIK_MISSING", "DUPLICATE_IN_PROGRAM", "DECEASED_BENEFICIARY", "GAP_PKH_NO_PBI");
        assertThat(out.resolve("run-1").resolve("manifest.csv")).exists();
    }

    @Test
    @Order(6)
    void everythingDeliveredIsForThePadanUserOnly() throws Exception {
        // Reports and corrected extracts hold personal data: files 0600 and folders 0700 by default (padan.output.file-mode).
        Path run = out.resolve("run-1");
        try (var paths = java.nio.file.Files.walk(run)) {
            List<Path> all = paths.toList();
            assertThat(all).hasSizeGreaterThan(10);
            for (Path p : all) {
                String mode = java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(p));
                assertThat(mode).as(run.relativize(p).toString()).isEqualTo(java.nio.file.Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }
}
