package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder is whole or absent, and belongs to one database: deliver writes into {@code .run-N.partial} and renames
 * it when the manifest is complete (a killed deliver leaves no {@code run-N}; the next attempt cleans up and finishes);
 * each folder names its database, and an {@code out/} holding another database's {@code run-N} is refused. A run that
 * fails in deliver does not become current.
 */
class DeliverFolderIT {
    @TempDir
    Path work;

    @Test
    void aRunFolderNamesItsDatabaseAndAnotherDatabaseCannotWriteIntoIt() throws Exception {
        Path out = work.resolve("out");
        String[] run = {"run", "--input", Extracts.input().toString(), "--as-of", Extracts.AS_OF, "--out", out.toString(),
                "--config", PadanProcess.CONFIG.toString()};
        TestDatabase.Db a = TestDatabase.newDatabase();
        assertThat(InProcess.padan(a, run).exit()).isZero();
        Properties marker = marker(out.resolve("run-1"));
        assertThat(marker.getProperty("database")).isEqualTo(Sql.text(a, "select database_id::text from padan.installation"));
        assertThat(marker.getProperty("run")).isEqualTo("1");
        assertThat(out.resolve(".run-1.partial")).doesNotExist();

        // What a deliver killed earlier left behind: a hidden folder with an empty report. The next attempt starts afresh.
        Path stale = Files.createDirectories(out.resolve(".run-2.partial/reports/NASIONAL"));
        Files.createFile(stale.resolve("report.html"));
        String[] forced = Stream.concat(Stream.of(run), Stream.of("--force")).toArray(String[]::new);
        assertThat(InProcess.padan(a, forced).exit()).isZero();
        assertThat(out.resolve(".run-2.partial")).doesNotExist();
        assertThat(Files.size(out.resolve("run-2/reports/NASIONAL/report.html"))).isPositive();

        // Another database's run 1 into the same out/: refused, naming the folder; the run is not published.
        TestDatabase.Db b = TestDatabase.newDatabase();
        InProcess.Result other = InProcess.padan(b, run);
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.output()).contains(out.resolve("run-1") + " holds run 1 of another padan database (" + marker.getProperty("database"));
        assertThat(Sql.text(b, "select status from padan.run where run_id = 1")).isEqualTo("FAILED");
        assertThat(Sql.longOrMinusOne(b, "select coalesce(run_id, -1) from reconciled.current_run"))
                .as("a run that failed in deliver is not current").isEqualTo(-1);
        assertThat(Sql.longValue(b, "select count(*) from reconciled.finding")).isZero();
        assertThat(marker(out.resolve("run-1")).getProperty("database")).as("the other database's folder is untouched")
                .isEqualTo(marker.getProperty("database"));
        assertThat(out.resolve(".run-1.partial")).doesNotExist();
    }

    @Test
    void aKilledDeliverLeavesNoFolderThatLooksCompleteAndTheRestartFinishesIt() throws Exception {
        Path out = work.resolve("out");
        TestDatabase.Db db = TestDatabase.newDatabase();
        String[] run = {"run", "--input", Extracts.input().toString(), "--as-of", Extracts.AS_OF, "--out", out.toString(),
                "--config", PadanProcess.CONFIG.toString()};
        try (PadanProcess p = PadanProcess.start(work, db, Map.of("padan.test.slow-stages", "deliver", "padan.test.slow-connection-ms", "400"), run)) {
            p.awaitLine("slow connection 6 in stage deliver", Duration.ofSeconds(120));
            assertThat(out.resolve(".run-1.partial")).isDirectory();
            p.kill();
        }
        assertThat(out.resolve("run-1")).as("no run folder until the manifest is complete").doesNotExist();
        assertThat(Sql.longOrMinusOne(db, "select coalesce(run_id, -1) from reconciled.current_run")).isEqualTo(-1);

        InProcess.Result restart = InProcess.padan(db, "restart", "1", "--config", PadanProcess.CONFIG.toString());
        assertThat(restart.exit()).as(restart.output()).isZero();
        assertThat(out.resolve(".run-1.partial")).doesNotExist();
        Path dir = out.resolve("run-1");
        List<String> manifest = Files.readAllLines(dir.resolve("manifest.csv"));
        assertThat(manifest).hasSizeGreaterThan(10);
        for (String line : manifest.subList(1, manifest.size())) {
            String[] f = line.split(",");
            assertThat(Files.size(dir.resolve(f[0]))).as(f[0]).isEqualTo(Long.parseLong(f[5]));
        }
        assertThat(Sql.longValue(db, "select run_id from reconciled.current_run")).isEqualTo(1);
    }

    private static Properties marker(Path dir) throws Exception {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(dir.resolve(".padan-run"))) {
            p.load(r);
        }
        return p;
    }
}
