package id.padan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How a stage replaces its own output: before writing, it removes what an earlier attempt of the
 * same run left in its tables, in the same transaction, so a restarted stage never writes a row twice.
 */
public final class RunTables {
    private RunTables() {}

    /** Deletes the run's rows from each table (names are padan's own, never user input). */
    public static void clear(Connection connection, long runId, String... tables) throws SQLException {
        for (String table : tables) {
            try (PreparedStatement ps = connection.prepareStatement("delete from " + table + " where run_id = ?")) {
                ps.setLong(1, runId);
                ps.executeUpdate();
            }
        }
    }
}
