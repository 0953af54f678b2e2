package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded server of one {@code PADAN_HOME} stays up while any padan process uses it, whichever started it: here the
 * test's JVM (standing for a daemon) starts it and a {@code padan run} process joins; the starter leaving first must not
 * take the database from the run, and the run, the last one out, stops the server. The other way round, a process that
 * joined and leaves first leaves the server to the one still using it.
 */
class EmbeddedServerSharingIT {
    private static final Duration LONG = Duration.ofSeconds(240);

    @TempDir
    Path work;

    @BeforeEach
    void clearExternalDatabase() {
        for (String p : List.of("padan.db.url", "padan.db.user", "padan.db.password")) System.clearProperty(p);
    }

    @Test
    void theServerStaysUpUntilTheLastProcessUsingItLeaves() throws Exception {
        Path home = work.resolve(".padan");
        Path pidFile = home.resolve("pgdata/postmaster.pid");

        // 1. This JVM starts the server; a run joins it, and the starter leaves while the run is in progress.
        ConfigurableApplicationContext starter = start(home);
        long server = serverPid(pidFile);
        try (PadanProcess run = startRunPausedBeforeLink()) {
            try {
                run.awaitLine("pausing 15000 ms before stage link", LONG);
                assertThat(run.output()).contains("using the embedded PostgreSQL of another padan process");
                assertThat(starter.getBean(JdbcTemplate.class).queryForObject("select status from padan.run", String.class)).isEqualTo("RUNNING");
            } finally {
                starter.close();
            }
            assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).as("the server outlives its starter while the run uses it").contains(true);
            assertThat(run.waitFor(LONG)).as(run.output()).isZero();
            assertThat(run.output()).contains("status COMPLETED", "stopping the embedded PostgreSQL (pid " + server + "): no other padan process uses it");
        }
        assertThat(exited(server)).as("the last one out stopped the server").isTrue();
        assertThat(pidFile).doesNotExist();

        // 2. This JVM starts it again; a command joins and leaves first: the server stays for this JVM, which stops it last.
        try (ConfigurableApplicationContext again = start(home)) {
            server = serverPid(pidFile);
            try (PadanProcess history = PadanProcess.start(work, null, Map.of(), "history", "--config", PadanProcess.CONFIG.toString())) {
                assertThat(history.waitFor(LONG)).as(history.output()).isZero();
                assertThat(history.output()).contains("using the embedded PostgreSQL of another padan process")
                        .doesNotContain("stopping the embedded PostgreSQL");
            }
            assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).contains(true);
            assertThat(again.getBean(JdbcTemplate.class).queryForObject("select status from padan.run", String.class)).isEqualTo("COMPLETED");
        }
        assertThat(exited(server)).as("the last one out stopped the server").isTrue();
        assertThat(pidFile).doesNotExist();
    }

    private PadanProcess startRunPausedBeforeLink() throws Exception {
        return PadanProcess.start(work, null, Map.of("padan.test.pause-before-stages", "link", "padan.test.pause-ms", "15000"),
                "run", "--input", Extracts.input().toString(), "--as-of", Extracts.AS_OF, "--out", work.resolve("out").toString(),
                "--config", PadanProcess.CONFIG.toString());
    }

    private static ConfigurableApplicationContext start(Path home) {
        return Contexts.start(PadanProcess.CONFIG.toString(), Map.of("padan.home", home));
    }

    /** Whether the process ends within a minute (the postmaster removes its pid file a moment before it exits). */
    private static boolean exited(long pid) {
        try {
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join());
            return true;
        } catch (java.util.concurrent.CompletionException timedOut) {
            return false;
        }
    }

    private static long serverPid(Path pidFile) throws Exception {
        return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    }
}
