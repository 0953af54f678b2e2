package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Night after night on an operator's own PostgreSQL: a database and a login both named {@code padan}, the login no
 * superuser, reached with a password. Five consecutive nights, each with that night's extracts dropped next to the
 * earlier ones, run through the command line as an operator runs them; every night completes and publishes, and
 * Flyway's history (with Spring Batch's and Quartz's tables) stays in one schema.
 *
 * <p>The server: {@code PADAN_OPERATOR_DB_URL} / {@code _USER} / {@code _PASSWORD} (set by {@code .ci/run}, which
 * starts Debian's PostgreSQL for it); without them, this test starts Debian's PostgreSQL itself the same way
 * ({@code .ci/debian-postgres}) when it runs as root on a machine with the server installed, and is skipped, saying
 * why, otherwise. Under CI ({@code CI=true}) a missing server fails the test instead.
 */
class OperatorDatabaseIT {
    static final int NIGHTS = 5;
    static final DateTimeFormatter STAMP = DateTimeFormatter.BASIC_ISO_DATE;
    static final Path SCRIPT = Path.of(".ci/debian-postgres").toAbsolutePath();

    static TestDatabase.Db db;
    static Path startedServer;

    @BeforeAll
    static void operatorDatabase() throws Exception {
        String url = System.getenv("PADAN_OPERATOR_DB_URL");
        if (url != null && !url.isBlank()) {
            db = new TestDatabase.Db(url, System.getenv("PADAN_OPERATOR_DB_USER"), System.getenv("PADAN_OPERATOR_DB_PASSWORD"));
            return;
        }
        String why = whyDebianPostgresCannotStart();
        if (why != null) {
            String message = "no operator PostgreSQL: PADAN_OPERATOR_DB_URL is not set and " + why;
            if ("true".equals(System.getenv("CI"))) throw new AssertionError(message + " (CI must provide one: see .ci/run)");
            Assumptions.abort(message);
        }
        Path dir = Files.createTempDirectory("padan-operator-pg-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        startedServer = dir.resolve("pg");
        // Also when the test JVM is stopped before @AfterAll (the build interrupted): no server left running.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (startedServer != null) script("stop");
            } catch (Exception ignored) {
                // the JVM is ending; nothing more can be done
            }
        }, "operator-postgres-stop"));
        Map<String, String> env = new HashMap<>();
        for (String line : script("start").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        db = new TestDatabase.Db(env.get("PADAN_OPERATOR_DB_URL"), env.get("PADAN_OPERATOR_DB_USER"), env.get("PADAN_OPERATOR_DB_PASSWORD"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (startedServer != null) script("stop");
        startedServer = null;
        System.clearProperty("padan.db.url");
        System.clearProperty("padan.db.user");
        System.clearProperty("padan.db.password");
    }

    @Test
    void fiveConsecutiveNightsCompleteAndPublishWithTheMigrationHistoryInOnePlace(@TempDir Path work) throws Exception {
        try (Connection c = connect()) {
            assertThat(text(c, "select current_user")).as("the login is named like padan's schema, as an operator's would be").isEqualTo("padan");
            assertThat(text(c, "select current_database()")).isEqualTo("padan");
            assertThat(text(c, "select rolsuper::text from pg_roles where rolname = current_user")).as("the login is no superuser").isEqualTo("false");
            assertThat(text(c, "select current_setting('search_path')")).as("the login's search_path is PostgreSQL's default")
                    .isEqualTo("\"$user\", public");
        }
        Path incoming = Files.createDirectories(work.resolve("incoming"));
        Path out = work.resolve("out");
        LocalDate first = firstNight();
        List<Long> published = new ArrayList<>();
        Long historyRows = null;
        for (int night = 0; night < NIGHTS; night++) {
            LocalDate asOf = first.plusDays(night);
            deliverSampleExtracts(incoming, asOf);
            InProcess.Result r = InProcess.padan(db, "run", "--input", incoming.toString(), "--as-of", asOf.toString(),
                    "--out", out.toString(), "--config", PadanProcess.CONFIG.toString());
            assertThat(r.exit()).as("night %s:%n%s", asOf, r.output()).isZero();
            try (Connection c = connect()) {
                long run = Long.parseLong(text(c, "select max(run_id) from padan.run"));
                assertThat(text(c, "select status || ' ' || as_of || ' ' || (published_at is not null) from padan.run where run_id = " + run))
                        .as("night %s", asOf).isEqualTo("COMPLETED " + asOf + " true");
                assertThat(text(c, "select string_agg(status, ',' order by source) from padan.input_file where run_id = " + run))
                        .as("each source read from that night's file").isEqualTo("LOADED,LOADED,LOADED,LOADED");
                assertThat(text(c, "select string_agg(file_name, ',' order by source) from padan.input_file where run_id = " + run))
                        .contains("_" + STAMP.format(asOf) + ".");
                assertThat(text(c, "select run_id from reconciled.current_run")).as("night %s is the published run", asOf).isEqualTo(Long.toString(run));
                assertThat(Files.exists(out.resolve("run-" + run).resolve("manifest.csv"))).as("night %s delivered", asOf).isTrue();
                published.add(run);

                assertThat(text(c, """
                        select string_agg(n.nspname, ',') from pg_class t join pg_namespace n on n.oid = t.relnamespace
                         where t.relname = 'flyway_schema_history'""")).as("Flyway's history after night %s", asOf).isEqualTo("public");
                assertThat(text(c, """
                        select count(*) from information_schema.tables
                         where (table_name like 'batch\\_%' or table_name like 'qrtz\\_%') and table_schema <> 'public'"""))
                        .as("Spring Batch and Quartz tables only in the schema of the history").isEqualTo("0");
                assertThat(text(c, "select count(*) from public.flyway_schema_history where not success")).isEqualTo("0");
                long rows = Long.parseLong(text(c, "select count(*) from public.flyway_schema_history"));
                if (historyRows != null) assertThat(rows).as("no migration is applied again on night %s", asOf).isEqualTo(historyRows);
                historyRows = rows;
            }
        }
        assertThat(published).as("five runs, one per night").doesNotHaveDuplicates().hasSize(NIGHTS);
    }

    /** The night after the newest run already in the database (a reused server), else the sample's date. */
    private static LocalDate firstNight() throws Exception {
        try (Connection c = connect()) {
            String newest = text(c, "select to_regclass('padan.run')") == null ? null : text(c, "select max(as_of)::text from padan.run");
            return newest == null ? LocalDate.of(2026, 11, 23) : LocalDate.parse(newest).plusDays(1);
        }
    }

    /** The committed sample extracts as that night's delivery: the same files, named with the night's date. */
    private static void deliverSampleExtracts(Path incoming, LocalDate night) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sample-data"))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.contains("_20261123.")) continue; // the extracts, not the ground truth
                Files.copy(f, incoming.resolve(name.replace("_20261123.", "_" + STAMP.format(night) + ".")));
            }
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private static String text(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Null when {@code .ci/debian-postgres} can start a server here, else why not. */
    private static String whyDebianPostgresCannotStart() throws Exception {
        if (!Files.isExecutable(SCRIPT)) return SCRIPT + " is missing";
        boolean binaries;
        try (Stream<Path> versions = Files.exists(Path.of("/usr/lib/postgresql")) ? Files.list(Path.of("/usr/lib/postgresql")) : Stream.empty()) {
            binaries = versions.anyMatch(v -> Files.isExecutable(v.resolve("bin/initdb")));
        }
        if (!binaries) return "Debian's PostgreSQL server is not installed (apt-get install postgresql)";
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!"0".equals(uid)) return "this test is not running as root, which it needs to start Debian's PostgreSQL as OS user postgres";
        return null;
    }

    private static String script(String command) throws Exception {
        Process p = new ProcessBuilder(SCRIPT.toString(), command, startedServer.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(SCRIPT + " " + command + " failed (exit " + (p.isAlive() ? "none" : p.exitValue()) + "): " + out);
        }
        return out;
    }
}
