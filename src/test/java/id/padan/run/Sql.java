package id.padan.run;

import id.padan.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Small JDBC helpers for tests that look into the store behind the product's back. */
final class Sql {
    private Sql() {}

    static long longValue(TestDatabase.Db db, String sql) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            return longValue(c, sql);
        } catch (Exception e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #longValue(TestDatabase.Db, String)}, but -1 when the query fails (tables not created yet, say). */
    static long longOrMinusOne(TestDatabase.Db db, String sql) {
        try {
            return longValue(db, sql);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static String text(TestDatabase.Db db, String sql) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static void execute(TestDatabase.Db db, String sql) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static long longValue(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
