package id.padan.run.internal;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, locked to the padan user: every connection (TCP on 127.0.0.1 only, or the unix socket in
 * {@code PADAN_HOME/pgsocket}, mode 0700) needs the password in {@code PADAN_HOME/db-secret} (mode 0600, generated at the
 * first start, never logged); {@code pg_hba.conf} has no {@code trust} line; the data directory is 0700; fsync is on.
 *
 * <p>A data directory made by an earlier version (every local connection trusted, no password) is upgraded before its
 * server starts: the password is set in single-user mode (no connection of any kind is possible meanwhile), then
 * {@code pg_hba.conf} is replaced.
 */
final class EmbeddedDatabase {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String USER = "postgres";
    static final String SECRET_FILE = "db-secret";
    static final String SOCKET_DIR = "pgsocket";
    static final String BINARIES_DIR = "pg-binaries";
    /** What a unix socket path may hold (sun_path is 108 bytes with its NUL), with room for "/.s.PGSQL.65535". */
    private static final int SOCKET_DIR_MAX = 107 - "/.s.PGSQL.65535".length();

    static final String PG_HBA = """
            # Written by padan: every connection needs the password in PADAN_HOME/db-secret (SCRAM); nothing is trusted.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            """;

    private EmbeddedDatabase() {}

    /** The secret, created (0600) when missing. {@code created} tells that the server's password must be (re)set. */
    record Secret(String value, boolean created) {}

    static Secret secret(Path home) throws IOException {
        Path file = home.resolve(SECRET_FILE);
        if (Files.exists(file)) {
            PrivateFiles.narrow(file, PrivateFiles.FILE);
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!value.isEmpty()) return new Secret(value, false);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        PrivateFiles.writeSecret(file, value + "\n");
        log.info("generated the embedded database's password into {}", file);
        return new Secret(value, true);
    }

    /** The password of a running server started by another padan process (empty when there is none yet). */
    static String existingSecret(Path home) {
        try {
            Path file = home.resolve(SECRET_FILE);
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded database's password in " + home.resolve(SECRET_FILE), e);
        }
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server on {@code home}/pgdata (creating it when new), locked down as described above. */
    static EmbeddedPostgres start(Path home) {
        Path dataDir = home.resolve("pgdata");
        try {
            PrivateFiles.folder(home);
            Secret secret = secret(home);
            Path sockets = PrivateFiles.folder(home.resolve(SOCKET_DIR));
            // The library unpacks PostgreSQL into a folder it makes writable by everyone (/tmp/embedded-pg by default),
            // from which it would run binaries another local account put there; under PADAN_HOME (0700) no one can.
            Path binaries = PrivateFiles.folder(home.resolve(BINARIES_DIR));
            boolean existing = Files.exists(dataDir.resolve("PG_VERSION"));
            log.info("starting embedded PostgreSQL with data in {}{}", dataDir, existing ? "" : " (new)");
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // The server outlives this process while other padan processes use it (EmbeddedServerLease stops it).
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPgBinaryResolver(RecordingResolver.in(binaries))
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .setConnectConfig("password", secret.value())
                    .setDataDirectoryCustomizer(dir -> lockDown(dir.toPath(), secret, RecordingResolver.in(binaries)))
                    // Nobody but the padan user: loopback only, a socket in a private folder, passwords for all.
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", socketDirectories(sockets))
                    .setServerConfig("unix_socket_permissions", "0700")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // Settings for one batch writer on one machine: bulk COPY loads, large joins over a run's rows and
                    // temporary working tables. fsync is on (the embedded library turns it off unless told), so a
                    // power cut cannot corrupt the database; synchronous_commit off may lose the last few hundred
                    // milliseconds of commits in a power cut, which the run's restart redoes (each stage replaces its
                    // output), but never leaves the database inconsistent.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("shared_buffers", "1GB")
                    .setServerConfig("temp_buffers", "256MB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "512MB")
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    .setServerConfig("wal_buffers", "64MB")
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "30min")
                    .start();
            PrivateFiles.narrow(binaries, PrivateFiles.FOLDER); // the library made it writable by all
            return server;
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(),
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
    }

    /**
     * The value of {@code unix_socket_directories}: the private folder, quoted for the shell through which pg_ctl starts
     * the server; empty (no unix socket, TCP only) when its path is too long for a socket or holds characters that
     * would need more quoting than that.
     */
    static String socketDirectories(Path dir) {
        String path = dir.toAbsolutePath().toString();
        if (path.getBytes(StandardCharsets.UTF_8).length > SOCKET_DIR_MAX || path.matches(".*['\",\\\\$`].*")) {
            log.info("no unix socket for the embedded PostgreSQL ({} is too long or unusual a path); it listens on 127.0.0.1 only", dir);
            return "''";
        }
        return "'" + path + "'";
    }

    /** Between initdb (if any) and the server's start: the password set and pg_hba.conf replaced, unless done already. */
    private static void lockDown(Path dataDir, Secret secret, RecordingResolver binaries) {
        try {
            PrivateFiles.narrow(dataDir, PrivateFiles.FOLDER);
            Path hba = dataDir.resolve("pg_hba.conf");
            boolean hbaCurrent = Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA);
            if (hbaCurrent && !secret.created()) return;
            if (!hbaCurrent) log.info("locking the embedded database in {}: password authentication, no trusted connections", dataDir);
            setPassword(binaries.binaries(), dataDir, secret.value());
            PrivateFiles.writeSecret(hba, PG_HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock down the embedded database in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the superuser's password in single-user mode: the server is not running, so no one can connect meanwhile.
     * The password goes through standard input, never the command line; the output (which could quote the statement)
     * is discarded.
     */
    private static void setPassword(Path binaries, Path dataDir, String secret) throws IOException {
        Path postgres = binaries.resolve("bin/postgres");
        List<String> cmd = new ArrayList<>();
        // As root, the embedded library runs PostgreSQL in a user namespace of its own (PostgreSQL refuses root); so do we.
        if (LinuxUtils.isUnshareAvailable()) cmd.addAll(List.of("unshare", "-U"));
        cmd.addAll(List.of(postgres.toString(), "--single", "-D", dataDir.toString(), "-c", "exit_on_error=on",
                "-c", "password_encryption=scram-sha-256", "-c", "log_min_error_statement=panic", USER));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(("ALTER ROLE " + USER + " WITH PASSWORD '" + secret + "';\n").getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("setting the password in single-user mode did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the password", e);
        }
        if (p.exitValue() != 0) throw new IOException("setting the password in single-user mode failed (exit " + p.exitValue() + ")");
    }

    /**
     * The library's own binaries, remembering where it unpacks them: it names the folder after the MD5 of the archive
     * ({@code <working dir>/PG-<md5>}), and single-user mode needs the {@code postgres} binary before any server runs.
     * One per working directory: the library keeps the folder it unpacked into per resolver for the JVM's lifetime.
     */
    static final class RecordingResolver implements PgBinaryResolver {
        private static final java.util.Map<Path, RecordingResolver> BY_DIR = new java.util.concurrent.ConcurrentHashMap<>();
        private final Path workingDir;
        private volatile String digest;

        private RecordingResolver(Path workingDir) {
            this.workingDir = workingDir;
        }

        static RecordingResolver in(Path workingDir) {
            return BY_DIR.computeIfAbsent(workingDir.toAbsolutePath().normalize(), RecordingResolver::new);
        }

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
            if (in == null) return null;
            MessageDigest md5;
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IOException(e);
            }
            return new FilterInputStream(new DigestInputStream(in, md5)) {
                private boolean closed;

                @Override
                public void close() throws IOException {
                    super.close();
                    if (closed) return; // the library closes it twice
                    closed = true;
                    digest = HexFormat.of().formatHex(md5.digest());
                }
            };
        }

        Path binaries() throws IOException {
            if (digest == null) throw new IOException("the embedded PostgreSQL binaries are not unpacked yet");
            Path dir = workingDir.resolve("PG-" + digest);
            if (!Files.isExecutable(dir.resolve("bin/postgres"))) throw new IOException("no PostgreSQL binaries in " + dir);
            return dir;
        }
    }
}
