package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database going away in the middle of a run (its server stopped, as for a crash or a restart) fails the run
 * with a reason that says so and what to do; once the database is back, {@code padan restart} completes it with
 * the same published result as an uninterrupted run.
 */
class DatabaseOutageIT {
    @TempDir
    Path work;

    @Test
    void theDatabaseGoingAwayFailsTheRunClearlyAndARestartCompletesIt() throws Exception {
        Published reference = Extracts.reference();
        Path data = work.resolve("pgdata");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres server = start(data, port);
        try {
            TestDatabase.Db db = new TestDatabase.Db(server.getJdbcUrl("postgres", "postgres"), "postgres", "");
            try (PadanProcess p = PadanProcess.start(work, db, Map.of("padan.test.pause-before-stages", "findings", "padan.test.pause-ms", "3000",
                            "padan.db.connection-timeout-ms", "1000"),
                    "run", "--input", Extracts.input().toString(), "--as-of", Extracts.AS_OF, "--out", work.resolve("out").toString(),
                    "--config", PadanProcess.CONFIG.toString())) {
                p.awaitLine("pausing 3000 ms before stage findings", Duration.ofSeconds(90));
                server.close(); // the database goes away while the run is between resolve and findings
                assertThat(p.waitFor(Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(p.output()).containsPattern("padan: run 1 stopped: .*lost the connection to the database")
                        .contains("When the database is back: padan restart 1");
            }
            server = start(data, port);
            InProcess.Result history = InProcess.padan(db, "history", "--config", PadanProcess.CONFIG.toString());
            assertThat(history.output()).contains("INTERRUPTED", "padan restart 1");
            InProcess.Result restart = InProcess.padan(db, "restart", "1", "--config", PadanProcess.CONFIG.toString());
            assertThat(restart.exit()).as(restart.output()).isZero();
            assertThat(restart.output()).contains("status COMPLETED");
            Published.load(db).assertSameAs(reference);
        } finally {
            server.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "off").start();
    }
}
