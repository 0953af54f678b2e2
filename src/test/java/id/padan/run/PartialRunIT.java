package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never published half-done: a run without the registry, or with a source that does not load, is refused with the
 * source named and publishes nothing; {@code --allow-partial} publishes a partial run whose reports say which checks
 * did not run and count none of their findings as resolved. The current run is the newest complete run by as-of date,
 * not the highest run id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartialRunIT {
    static final String DAY1 = "2026-11-23", DAY2 = "2026-11-24", DAY3 = "2026-11-25";

    @TempDir
    static Path work;
    TestDatabase.Db db;

    InProcess.Result padan(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--config", PadanProcess.CONFIG.toString(), "--out", work.resolve("out").toString()))
                .toArray(String[]::new);
        return InProcess.padan(db, all);
    }

    /** The generated extracts under names dated {@code day} (yyyy-MM-dd), in a folder of their own. */
    Path extracts(String name, String day) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        try (Stream<Path> s = Files.list(Extracts.input())) {
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString().replace("20261123", day.replace("-", ""))));
            }
        }
        return dir;
    }

    static Path file(Path dir, String prefix) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    @Test
    @Order(1)
    void withoutTheRegistryNoRunStartsEvenWhenPartialIsAllowed() throws Exception {
        db = TestDatabase.newDatabase();
        Path in = extracts("no-registry", DAY1);
        Path registry = file(in, "dukcapil");
        Files.delete(registry);
        for (String[] args : List.of(new String[] {"run", "--input", in.toString(), "--as-of", DAY1},
                new String[] {"run", "--input", in.toString(), "--as-of", DAY1, "--allow-partial"})) {
            InProcess.Result r = padan(args);
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.output()).contains("padan: refused: the registry source DUKCAPIL (no file starting with 'dukcapil'")
                    .contains("nothing is published");
        }
        assertThat(Sql.longValue(db, "select count(*) from padan.run")).as("no run started").isZero();
    }

    @Test
    @Order(2)
    void aRegistryMissingAColumnStopsTheRunAtIngestAndPublishesNothing() throws Exception {
        Path in = extracts("registry-column", DAY1);
        Path registry = file(in, "dukcapil");
        List<String> lines = Files.readAllLines(registry, StandardCharsets.ISO_8859_1);
        lines.set(0, lines.get(0).replace("NAMA_LGKP|", "NAMA|"));
        Files.write(registry, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        InProcess.Result r = padan("run", "--input", in.toString(), "--as-of", DAY1, "--allow-partial");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("padan: run 1 refused: the registry source DUKCAPIL (" + registry.getFileName() + ": missing required column(s) NAMA_LGKP");
        assertThat(Sql.text(db, "select status from padan.run where run_id = 1")).isEqualTo("FAILED");
        assertThat(Sql.longValue(db, "select count(*) from padan.run where published_at is not null")).isZero();
        assertThat(Sql.longValue(db, "select count(*) from padan.person")).as("nothing resolved").isZero();
        assertThat(Sql.longOrMinusOne(db, "select coalesce(run_id, -1) from reconciled.current_run")).isEqualTo(-1);
        assertThat(work.resolve("out/run-1")).doesNotExist();
    }

    @Test
    @Order(3)
    void aMissingProgramSourceIsRefusedUnlessPartialIsAllowed() throws Exception {
        Path in = extracts("no-kip", DAY1);
        Files.delete(file(in, "kip"));
        InProcess.Result r = padan("run", "--input", in.toString(), "--as-of", DAY1);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("padan: refused: source KIP (no file starting with 'kip'")
                .contains("every check of KIP").contains("GAP_PKH_CHILD_NO_KIP on PKH").contains("--allow-partial");
        assertThat(Sql.longValue(db, "select count(*) from padan.run")).as("no new run started").isEqualTo(1);
    }

    @Test
    @Order(4)
    void aPartialRunSaysWhatDidNotRunAndCountsNoneOfItAsResolved() throws Exception {
        InProcess.Result complete = padan("run", "--input", extracts("day1", DAY1).toString(), "--as-of", DAY1);
        assertThat(complete.exit()).as(complete.output()).isZero();
        long first = Sql.longValue(db, "select max(run_id) from padan.run");
        assertThat(Sql.longValue(db, "select run_id from reconciled.current_run")).isEqualTo(first);
        assertThat(Sql.longValue(db, "select count(*) from padan.finding where run_id = " + first + " and (source = 'KIP' or code = 'GAP_PKH_CHILD_NO_KIP')"))
                .as("the complete run has KIP findings that a partial run could wrongly call resolved").isPositive();

        // The next day, KIP sends only its header.
        Path in = extracts("day2", DAY2);
        Path kip = file(in, "kip");
        Files.writeString(kip, Files.readAllLines(kip, StandardCharsets.ISO_8859_1).get(0) + "\n", StandardCharsets.ISO_8859_1);
        InProcess.Result refused = padan("run", "--input", in.toString(), "--as-of", DAY2);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.output()).contains("refused: source KIP (" + kip.getFileName() + ": no data row (only a header))")
                .as("a refused run is not called partial: it published nothing").doesNotContain("PARTIAL RUN");
        long second = Sql.longValue(db, "select max(run_id) from padan.run");
        assertThat(Sql.text(db, "select status from padan.run where run_id = " + second)).isEqualTo("FAILED");
        assertThat(Sql.longValue(db, "select run_id from reconciled.current_run")).as("the refused run is not current").isEqualTo(first);

        // Allowed: the same run resumes and is published as partial.
        InProcess.Result partial = padan("run", "--input", in.toString(), "--as-of", DAY2, "--allow-partial");
        assertThat(partial.exit()).as(partial.output()).isZero();
        assertThat(Sql.longValue(db, "select max(run_id) from padan.run")).as("the refused run resumed").isEqualTo(second);
        assertThat(partial.output()).contains("PARTIAL RUN: checks not run (tidak dijalankan): every check of KIP (needs KIP); "
                + "GAP_PKH_CHILD_NO_KIP on PKH (needs KIP)");
        assertThat(Sql.text(db, "select partial::text from padan.run where run_id = " + second)).isEqualTo("true");
        assertThat(Sql.longValue(db, "select count(*) from padan.run_check where run_id = " + second + " and not ran"))
                .as("the 10 checks of KIP and the KIP gap of PKH").isEqualTo(11);
        assertThat(Sql.longValue(db, "select count(*) from padan.finding where run_id = " + second + " and (source = 'KIP' or code = 'GAP_PKH_CHILD_NO_KIP')"))
                .isZero();
        assertThat(Sql.longValue(db, "select count(*) from padan.finding where run_id = " + second + " and code = 'GAP_PKH_NO_PBI'")).isPositive();
        assertThat(Sql.longValue(db, "select run_id from reconciled.current_run")).as("newer as-of date").isEqualTo(second);

        Path run = work.resolve("out/run-" + second);
        assertThat(Files.readString(run.resolve("summary.txt"))).contains("PARTIAL RUN");
        assertThat(Files.readString(run.resolve("reports/NASIONAL/report.html")))
                .contains("Proses sebagian, pemeriksaan tidak dijalankan: semua pemeriksaan KIP")
                .contains("GAP_PKH_CHILD_NO_KIP (PKH)");
        List<String[]> changes = Files.readAllLines(run.resolve("reports/NASIONAL/changes.csv")).stream().skip(1).map(l -> l.split(",")).toList();
        assertThat(changes).as("changes against the complete run").isNotEmpty();
        assertThat(changes).filteredOn(c -> c[1].equals("KIP") || c[0].equals("GAP_PKH_CHILD_NO_KIP"))
                .as("nothing of a check not run counts as resolved (selesai)").isEmpty();
        assertThat(changes).filteredOn(c -> c[0].equals("GAP_PKH_NO_PBI")).as("checks made in both runs are compared").isNotEmpty();
    }

    @Test
    @Order(5)
    void aForcedRerunOfAnOlderDateDoesNotReplaceTheNewerRun() throws Exception {
        long partial = Sql.longValue(db, "select run_id from reconciled.current_run");
        InProcess.Result newer = padan("run", "--input", extracts("day3", DAY3).toString(), "--as-of", DAY3);
        assertThat(newer.exit()).as(newer.output()).isZero();
        long day3 = Sql.longValue(db, "select max(run_id) from padan.run");
        assertThat(day3).isGreaterThan(partial);
        assertThat(Sql.longValue(db, "select run_id from reconciled.current_run")).isEqualTo(day3);

        InProcess.Result older = padan("run", "--input", work.resolve("day1").toString(), "--as-of", DAY1, "--force");
        assertThat(older.exit()).as(older.output()).isZero();
        long rerun = Sql.longValue(db, "select max(run_id) from padan.run");
        assertThat(rerun).isGreaterThan(day3);
        assertThat(Sql.longValue(db, "select run_id from reconciled.current_run")).as("the newest as-of date stays current").isEqualTo(day3);
        assertThat(Sql.longValue(db, "select count(distinct run_id) from reconciled.person")).isEqualTo(1);
        assertThat(Sql.longValue(db, "select min(run_id) from reconciled.person")).isEqualTo(day3);
        InProcess.Result history = InProcess.padan(db, "history", "--config", PadanProcess.CONFIG.toString());
        assertThat(history.output()).contains("the current published run").contains("partial: not run: every check of KIP");
    }
}
