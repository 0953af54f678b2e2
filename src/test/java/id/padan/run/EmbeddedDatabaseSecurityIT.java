package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded database is the padan user's alone: another local account cannot connect to it without the secret in
 * {@code PADAN_HOME/db-secret}, neither over TCP nor through its unix socket; a data directory made by an earlier
 * version (every local connection trusted) is locked the same way at its next start, with its data kept.
 *
 * <p>The other account is {@code nobody}, through {@code runuser} and {@code psql}: the test needs root and psql and says
 * so (skipped) when either is missing.
 */
class EmbeddedDatabaseSecurityIT {
    private static final Path PSQL = Path.of("/usr/bin/psql");

    @TempDir
    Path work;

    @BeforeEach
    void clearExternalDatabase() throws IOException {
        for (String p : List.of("padan.db.url", "padan.db.user", "padan.db.password")) System.clearProperty(p);
        // Let other accounts walk up to PADAN_HOME: what stops them must be padan's own modes, not the test's folder.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void anotherLocalAccountCannotConnectWithoutTheSecret() throws Exception {
        assumeOtherAccountAvailable();
        Path home = work.resolve(".padan");
        try (ConfigurableApplicationContext ctx = start(home)) {
            int port = port(home);
            String secret = Files.readString(home.resolve("db-secret")).strip();
            assertLockedDown(home, port, secret);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show listen_addresses", String.class)).isEqualTo("127.0.0.1");
            assertThat(jdbc.queryForObject("select count(*) from pg_hba_file_rules where auth_method not in ('scram-sha-256')", Long.class))
                    .as("no trust (or any other method) in pg_hba.conf").isZero();
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionIsLockedAtItsNextStartWithItsDataKept() throws Exception {
        assumeOtherAccountAvailable();
        Path home = work.resolve(".padan");
        Path data = home.resolve("pgdata");
        Files.createDirectories(home);
        // What earlier versions made: the library's defaults, every local connection trusted, no password, no secret.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("create table kept (v text); insert into kept values ('from the earlier version')");
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).containsPattern("(?m)^host\\s+all\\s+all\\s+127.0.0.1/32\\s+trust");
        assertThat(home.resolve("db-secret")).doesNotExist();

        try (ConfigurableApplicationContext ctx = start(home)) {
            assertThat(ctx.getBean(JdbcTemplate.class).queryForObject("select v from kept", String.class)).isEqualTo("from the earlier version");
            String secret = Files.readString(home.resolve("db-secret")).strip();
            assertLockedDown(home, port(home), secret);
        }
        // And again, on the upgraded directory: nothing to upgrade, the same secret works.
        String secret = Files.readString(home.resolve("db-secret")).strip();
        try (ConfigurableApplicationContext ctx = start(home)) {
            assertThat(ctx.getBean(JdbcTemplate.class).queryForObject("select v from kept", String.class)).isEqualTo("from the earlier version");
            assertThat(Files.readString(home.resolve("db-secret")).strip()).isEqualTo(secret);
        }
    }

    private void assertLockedDown(Path home, int port, String secret) throws Exception {
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("pgdata"))).isEqualTo("rwx------");
        assertThat(mode(home.resolve("pgsocket"))).isEqualTo("rwx------");
        assertThat(mode(home.resolve("db-secret"))).isEqualTo("rw-------");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        Path socket = home.resolve("pgsocket/.s.PGSQL." + port);
        assertThat(socket).as("the server's unix socket is in the private folder").exists();
        try (Stream<Path> tmp = Files.list(Path.of("/tmp"))) {
            assertThat(tmp.map(p -> p.getFileName().toString())).as("no socket in /tmp").doesNotContain(".s.PGSQL." + port);
        }
        String query = "select count(*) from pg_authid";

        Result noPassword = psqlAsNobody(null, "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres", "-c", query);
        assertThat(noPassword.exit()).as(noPassword.output()).isNotZero();
        assertThat(noPassword.output()).contains("no password supplied");

        Result wrongPassword = psqlAsNobody("not-the-secret", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres", "-c", query);
        assertThat(wrongPassword.exit()).as(wrongPassword.output()).isNotZero();
        assertThat(wrongPassword.output()).contains("password authentication failed for user \"postgres\"");

        Result viaSocket = psqlAsNobody(null, "-h", home.resolve("pgsocket").toString(), "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres", "-c", query);
        assertThat(viaSocket.exit()).as(viaSocket.output()).isNotZero();
        assertThat(viaSocket.output()).contains("Permission denied");

        // The control: the same account, given the secret, gets in; so what kept it out above was the secret alone.
        Result withSecret = psqlAsNobody(secret, "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres", "-tAc", query);
        assertThat(withSecret.exit()).as(withSecret.output()).isZero();
        assertThat(withSecret.output().strip()).matches("[1-9][0-9]*");

        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", secret)) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(Path home) {
        return Contexts.start(PadanProcess.CONFIG.toString(), Map.of("padan.home", home));
    }

    static int port(Path home) throws IOException {
        return Integer.parseInt(Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(3).strip());
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    record Result(int exit, String output) {}

    private static Result psqlAsNobody(String password, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "nobody", "--", PSQL.toString(), "-X", "-w"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(Path.of("/").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        if (password != null) pb.environment().put("PGPASSWORD", password);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    static void assumeOtherAccountAvailable() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "SKIPPED: connecting as another OS account needs root (runuser); this test runs as " + System.getProperty("user.name"));
        assumeTrue(Files.isExecutable(PSQL), "SKIPPED: no psql at " + PSQL + " (install postgresql-client)");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/usr/bin/runuser")),
                "SKIPPED: no runuser on this machine");
    }
}
