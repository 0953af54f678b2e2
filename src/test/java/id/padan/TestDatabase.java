package id.padan;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests, chosen once per test JVM: the server named by {@code PADAN_TEST_DB_URL}
 * (with {@code PADAN_TEST_DB_USER}/{@code PADAN_TEST_DB_PASSWORD}; the user must be allowed to create
 * databases) if given, else a Testcontainers PostgreSQL if Docker is present, else an embedded
 * PostgreSQL (zonky). Each caller gets a fresh, empty database on it, so tests never see each other's runs.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    private record Server(String adminUrl, String user, String password, String urlPrefix) {}

    private TestDatabase() {}

    /** JDBC URL, user and password of a new empty database. */
    public record Db(String url, String user, String password) {
        /** Sets the system properties the product reads, so commands started in this JVM use this database. */
        public Db useForProduct() {
            System.setProperty("padan.db.url", url);
            System.setProperty("padan.db.user", user);
            System.setProperty("padan.db.password", password == null ? "" : password);
            return this;
        }

        /** A data source on this database with padan's schema migrated into it, for tests of one store class. */
        public javax.sql.DataSource migratedDataSource() {
            org.flywaydb.core.Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
            org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
            ds.setUrl(url);
            ds.setUser(user);
            ds.setPassword(password);
            return ds;
        }
    }

    public static synchronized Db newDatabase() {
        Server s = server();
        String name = "padan_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password()); Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
        }
        return new Db(s.urlPrefix() + name, s.user(), s.password());
    }

    private static Server server() {
        if (server != null) return server;
        String url = System.getenv("PADAN_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String prefix = url.substring(0, url.lastIndexOf('/') + 1);
            server = new Server(url, env("PADAN_TEST_DB_USER", "postgres"), env("PADAN_TEST_DB_PASSWORD", ""), prefix);
        } else if (dockerAvailable()) {
            var pg = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:15-alpine");
            pg.start();
            String u = pg.getJdbcUrl();
            server = new Server(u, pg.getUsername(), pg.getPassword(), u.substring(0, u.lastIndexOf('/') + 1));
        } else {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("shared_buffers", "256MB")
                        .setServerConfig("max_connections", "200")
                        .start();
                String u = pg.getJdbcUrl("postgres", "postgres");
                server = new Server(u, "postgres", "", u.substring(0, u.lastIndexOf('/') + 1));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (Exception ignored) {
                        // the JVM is ending; the server's temporary directory goes with it
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
        return server;
    }

    private static boolean dockerAvailable() {
        if ("false".equals(System.getenv("PADAN_TEST_DOCKER"))) return false;
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
