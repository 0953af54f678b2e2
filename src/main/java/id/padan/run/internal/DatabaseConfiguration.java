package id.padan.run.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: the one named by {@code PADAN_DB_URL} / {@code PADAN_DB_USER} / {@code PADAN_DB_PASSWORD}
 * (or {@code padan.db.*}), or, with none set, an embedded PostgreSQL whose data stays in
 * {@code padan.home}/pgdata between runs, so a new user needs nothing but Java. The embedded server is shared by the
 * padan processes of one home ({@link EmbeddedServerLease}) and open to the padan user only ({@link EmbeddedDatabase}).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {
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
            Path homeDir = Path.of(home).toAbsolutePath();
            EmbeddedServerLease lease = EmbeddedServerLease.acquire(homeDir, EmbeddedDatabase::start);
            config.setJdbcUrl(EmbeddedDatabase.jdbcUrl(lease.port()));
            config.setUsername(EmbeddedDatabase.USER);
            // Written before the server first started, under the lease's lock: never missing here.
            config.setPassword(EmbeddedDatabase.existingSecret(homeDir));
            try {
                return new EmbeddedBackedDataSource(pinSchema(config, schema), lease);
            } catch (RuntimeException e) {
                lease.close();
                throw e;
            }
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

    /** A pool on the embedded server that leaves it when closed (the last padan process to leave stops it). */
    static final class EmbeddedBackedDataSource extends HikariDataSource {
        private final EmbeddedServerLease lease;

        EmbeddedBackedDataSource(HikariConfig config, EmbeddedServerLease lease) {
            super(config);
            this.lease = lease;
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                lease.close();
            }
        }
    }
}
