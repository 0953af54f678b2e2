package id.padan.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables partitioned by run (LIST on {@code run_id}, V121): a stage writes a run's rows into a fresh table of the
 * run's own, without indexes, then attaches it to its table, which builds the table's indexes over the run's rows at
 * once instead of inserting into them row by row. Writing a run again drops its partition first, in the same
 * transaction, so a restarted stage never leaves a row twice.
 */
public final class RunPartitions {
    /** The tables partitioned by run (names are padan's own, never user input). */
    public static final List<String> TABLES = List.of("padan.source_record", "padan.person");

    private RunPartitions() {}

    /** The name of the run's partition of {@code table}. */
    public static String of(String table, long runId) {
        if (!TABLES.contains(table)) throw new IllegalArgumentException(table + " is not partitioned by run");
        return table + "_r" + runId;
    }

    /**
     * Drops the run's partition of {@code table} if it has one and creates an empty table for its rows, not yet a
     * partition: its name, to insert into, then {@link #attach}.
     */
    public static String fresh(Connection c, String table, long runId) throws SQLException {
        String partition = of(table, runId);
        try (Statement st = c.createStatement()) {
            st.execute("drop table if exists " + partition);
            st.execute("create table " + partition + " (like " + table + " including defaults including constraints)");
        }
        return partition;
    }

    /** Makes the table {@link #fresh} gave the run's partition of {@code table}, building its indexes. */
    public static void attach(Connection c, String table, long runId) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("alter table " + table + " attach partition " + of(table, runId) + " for values in (" + runId + ")");
        }
    }

    /** Drops the run's partition of {@code table}, if it has one; returns the rows it held. */
    public static long drop(Connection c, String table, long runId) throws SQLException {
        String partition = of(table, runId);
        try (Statement st = c.createStatement()) {
            try (var rs = st.executeQuery("select to_regclass('" + partition + "') is not null")) {
                rs.next();
                if (!rs.getBoolean(1)) return 0;
            }
            long rows;
            try (var rs = st.executeQuery("select count(*) from " + partition)) {
                rs.next();
                rows = rs.getLong(1);
            }
            st.execute("drop table " + partition);
            return rows;
        }
    }
}
