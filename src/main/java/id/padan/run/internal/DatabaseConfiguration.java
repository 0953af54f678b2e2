package id.padan.run.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: the one named by {@code PADAN_DB_URL} / {@code PADAN_DB_USER} / {@code PADAN_DB_PASSWORD}
 * (or {@code padan.db.*}), or, with none set, an embedded PostgreSQL whose data stays in
 * {@code padan.home}/pgdata between runs, so a new user needs nothing but Java.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(@Value("${padan.db.url:}") String url,
                                       @Value("${padan.db.user:}") String user,
                                       @Value("${padan.db.password:}") String password,
                                       @Value("${padan.home:.padan}") String home,
                                       @Value("${padan.db.pool-size:8}") int poolSize,
                                       @Value("${padan.db.connection-timeout-ms:30000}") long connectionTimeoutMs,
                                       @Value("${padan.db.schema:}") String schema) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("padan");
        config.setMaximumPoolSize(poolSize);
        // How long a stage waits for a connection before it fails, e.g. while the database is restarting.
        config.setConnectionTimeout(connectionTimeoutMs);
        if (url == null || url.isBlank()) {
            Path dataDir = Path.of(home).toAbsolutePath().resolve("pgdata");
            var running = RunningEmbeddedServer.find(dataDir);
            if (running.isPresent() && running.get().ownerAlive()) {
                // Another padan process (a daemon, say) runs the embedded server on this directory: use it as a guest.
                log.info("using the embedded PostgreSQL of another padan process (data in {}, port {})", dataDir, running.get().port());
                config.setJdbcUrl(running.get().jdbcUrl());
                config.setUsername("postgres");
                return new HikariDataSource(pinSchema(config, schema));
            }
            if (running.isPresent()) {
                log.info("stopping the embedded PostgreSQL (pid {}) left running by a padan process that ended abruptly", running.get().pid());
                running.get().stop();
            }
            EmbeddedPostgres pg = startEmbedded(dataDir);
            config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            return new EmbeddedBackedDataSource(pinSchema(config, schema), pg);
        }
        config.setJdbcUrl(url);
        if (!user.isBlank()) config.setUsername(user);
        if (!password.isBlank()) config.setPassword(password);
        return new HikariDataSource(pinSchema(config, schema));
    }

    /**
     * Every pooled connection's {@code search_path} is the schema of padan's Flyway history, Spring Batch and
     * Quartz ({@link DatabaseSchema}), whatever the login's name and default {@code search_path}.
     */
    private static HikariConfig pinSchema(HikariConfig config, String configured) {
        config.setSchema(DatabaseSchema.choose(config.getJdbcUrl(), config.getUsername(), config.getPassword(), configured));
        return config;
    }

    /** Flyway keeps its history in (and runs the unqualified Batch and Quartz DDL against) the pool's pinned schema. */
    @Bean
    public FlywayConfigurationCustomizer flywaySchema(javax.sql.DataSource dataSource) {
        return flyway -> {
            try {
                String schema = dataSource.unwrap(HikariDataSource.class).getSchema();
                flyway.defaultSchema(schema).schemas(schema);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("padan's database pool is not a HikariCP pool: " + e.getMessage(), e);
            }
        };
    }

    static EmbeddedPostgres startEmbedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir.getParent());
            boolean existing = Files.exists(dataDir.resolve("PG_VERSION"));
            log.info("starting embedded PostgreSQL with data in {}{}", dataDir, existing ? "" : " (new)");
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // Settings for one batch writer on one machine: bulk COPY loads, large joins over a
                    // run's rows and temporary working tables. fsync stays on; a commit that is lost in
                    // a power cut is redone by the restart of the run (each stage replaces its output).
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("shared_buffers", "1GB")
                    .setServerConfig("temp_buffers", "256MB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "512MB")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    .setServerConfig("wal_buffers", "64MB")
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "30min")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir
                    + " (is another padan process using it?): " + e.getMessage(), e);
        }
    }

    /** A pool that stops its embedded server when it is closed. */
    static final class EmbeddedBackedDataSource extends HikariDataSource {
        private final EmbeddedPostgres server;

        EmbeddedBackedDataSource(HikariConfig config, EmbeddedPostgres server) {
            super(config);
            this.server = server;
        }

        @Override
        public void close() {
            super.close();
            try {
                server.close();
            } catch (IOException e) {
                log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}
