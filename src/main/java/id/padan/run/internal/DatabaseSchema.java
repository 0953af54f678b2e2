package id.padan.run.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema that holds padan's Flyway history and the tables of Spring Batch and Quartz, whose SQL names
 * them without a schema. padan's own tables are always named with theirs ({@code padan.*}, {@code reconciled.*}).
 *
 * <p>It is pinned, never left to the login's {@code search_path}: with the default {@code search_path}
 * ({@code "$user", public}) and a login named {@code padan}, an unpinned Flyway puts its history in {@code public}
 * on the first start and looks for it in schema {@code padan} (created by migration V3) on every later one, finds
 * none and fails at V3. Every pooled connection gets {@code search_path} set to this schema, and Flyway's
 * default schema is this schema.
 *
 * <p>Which schema: {@code padan.db.schema} when set; else the one schema whose Flyway history holds padan's
 * migration V3 (an existing installation keeps its tables where they are, usually {@code public}, also when
 * they were created in schema {@code padan} by a login of that name before the schema was pinned); else
 * {@code public} (a new database).
 */
public final class DatabaseSchema {
    private static final Logger log = LoggerFactory.getLogger(DatabaseSchema.class);
    static final String DEFAULT = "public";
    /** The migration that creates padan's own tables: a history holding it is padan's. */
    static final String PADAN_MIGRATION = "V3__padan.sql";
    /** The first migration: a history holding it but not V3 was left by a start that failed before V3. */
    static final String FIRST_MIGRATION = "V1__spring_batch.sql";

    private DatabaseSchema() {}

    /** The schema for the database at {@code url}, looked up on a connection of its own (before the pool starts). */
    public static String choose(String url, String user, String password, String configured) {
        Properties props = new Properties();
        if (user != null && !user.isBlank()) props.setProperty("user", user);
        if (password != null && !password.isBlank()) props.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(url, props)) {
            return choose(c, configured == null ? "" : configured.strip());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code configured} when set (refused if padan's history is elsewhere), else the schema whose history holds
     * padan's migrations, else {@code public}; refuses a database with two such histories.
     */
    static String choose(Connection c, String configured) throws SQLException {
        List<String> padan = new ArrayList<>();
        List<String> stray = new ArrayList<>();
        for (String schema : historySchemas(c)) {
            if (holds(c, schema, PADAN_MIGRATION)) padan.add(schema);
            else if (holds(c, schema, FIRST_MIGRATION)) stray.add(schema);
        }
        String schema;
        if (!configured.isEmpty()) {
            if (!padan.isEmpty() && !padan.contains(configured)) {
                throw new IllegalStateException("padan.db.schema (PADAN_DB_SCHEMA) is " + configured + ", but padan's migration history is in schema "
                        + String.join(", ", padan) + "; leave it unset, or set it to that schema");
            }
            schema = configured;
        } else if (padan.size() > 1) {
            throw new IllegalStateException("padan's migration history is in more than one schema of this database (" + String.join(", ", padan)
                    + "); set padan.db.schema (PADAN_DB_SCHEMA) to the one that holds the runs (docs/operations.md, \"Running on your own PostgreSQL\")");
        } else {
            schema = padan.isEmpty() ? DEFAULT : padan.get(0);
        }
        stray.remove(schema);
        for (String s : stray) {
            log.warn("schema {} holds a Flyway history and Spring Batch/Quartz tables left by an earlier start that failed at migration V3; "
                    + "padan does not use them (its tables are in schema {}); they can be dropped, see docs/operations.md, "
                    + "\"Running on your own PostgreSQL\"", s, schema);
        }
        log.info("database schema {} for Flyway's history, Spring Batch and Quartz{}", schema,
                !configured.isEmpty() ? " (padan.db.schema)" : padan.isEmpty() ? " (new database)" : "");
        return schema;
    }

    private static List<String> historySchemas(Connection c) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                select n.nspname from pg_catalog.pg_class t join pg_catalog.pg_namespace n on n.oid = t.relnamespace
                 where t.relname = 'flyway_schema_history' and t.relkind in ('r', 'p')
                   and has_schema_privilege(n.oid, 'USAGE') and has_table_privilege(t.oid, 'SELECT')
                 order by n.nspname""");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) schemas.add(rs.getString(1));
        }
        return schemas;
    }

    private static boolean holds(Connection c, String schema, String script) throws SQLException {
        String table = '"' + schema.replace("\"", "\"\"") + "\".flyway_schema_history";
        try (PreparedStatement st = c.prepareStatement("select exists (select 1 from " + table + " where script = ? and success)")) {
            st.setString(1, script);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
