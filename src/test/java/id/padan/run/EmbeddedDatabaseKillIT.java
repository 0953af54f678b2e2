package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.run.internal.RunLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With no database configured, padan runs its own embedded PostgreSQL in {@code .padan/pgdata}. A second command
 * started while a run is in progress uses that server instead of failing on the busy data directory; and when the
 * run's process is killed, its server is left running without an owner: the next command stops it and resumes the run.
 */
class EmbeddedDatabaseKillIT {
    @TempDir
    Path work;

    @Test
    void aKilledRunOnTheEmbeddedDatabaseIsResumedAndOtherCommandsShareItsServer() throws Exception {
        Published reference = Extracts.reference();
        Path pid = work.resolve(".padan/pgdata/postmaster.pid");
        try (PadanProcess run = PadanProcess.start(work, null, Map.of("padan.test.pause-before-stages", "resolve", "padan.test.pause-ms", "60000"),
                "run", "--input", Extracts.input().toString(), "--as-of", Extracts.AS_OF, "--out", work.resolve("out").toString(),
                "--config", PadanProcess.CONFIG.toString())) {
            run.awaitLine("pausing 60000 ms before stage resolve", Duration.ofSeconds(120));

            // Another command meanwhile (padan history, say) is a guest on the running server.
            for (String p : List.of("padan.db.url", "padan.db.user", "padan.db.password")) System.clearProperty(p);
            try (var ctx = Contexts.start(PadanProcess.CONFIG.toString(), Map.of("padan.home", work.resolve(".padan")))) {
                assertThat(ctx.getBean(RunLock.class).heldByAnyone()).as("the run holds the lock").isTrue();
                assertThat(ctx.getBean(JdbcTemplate.class).queryForObject("select status from padan.run", String.class)).isEqualTo("RUNNING");
            }
            assertThat(run.alive()).as("the guest left the server running").isTrue();
            run.kill();
        }
        long orphan = Long.parseLong(Files.readAllLines(pid).get(0).strip());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the server outlives its killed owner").contains(true);

        try (PadanProcess restart = PadanProcess.start(work, null, Map.of(), "restart", "1", "--config", PadanProcess.CONFIG.toString())) {
            assertThat(restart.waitFor(Duration.ofSeconds(120))).as(restart.output()).isZero();
            assertThat(restart.output()).contains("stopping the embedded PostgreSQL (pid " + orphan + ") left running", "status COMPLETED");
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(pid).as("the server stopped with its command").doesNotExist();

        // Read the published result through the embedded server once more.
        try (var ctx = Contexts.start(PadanProcess.CONFIG.toString(), Map.of("padan.home", work.resolve(".padan")))) {
            String url = ctx.getBean(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
            String secret = Files.readString(work.resolve(".padan/db-secret")).strip();
            Published.load(new id.padan.TestDatabase.Db(url, "postgres", secret)).assertSameAs(reference);
        }
    }
}
