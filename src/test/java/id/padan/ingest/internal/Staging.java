package id.padan.ingest.internal;

import id.padan.TestDatabase;
import id.padan.standardise.StagedRow;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** Writes a run's staged rows as ingest does (same writer, same buckets), for the tests of the stages after ingest. */
public final class Staging {
    private Staging() {}

    public static void write(TestDatabase.Db db, long runId, List<StagedRow> rows) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            c.setAutoCommit(false);
            try (StagingWriter w = new StagingWriter(c, runId)) {
                rows.forEach(w::write);
            }
            c.commit();
        }
    }
}
