package id.padan.ingest.internal;

import id.padan.ingest.RowBuckets;
import id.padan.standardise.StagedRow;
import id.padan.store.CopyWriter;
import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/** Streams {@link StagedRow}s of one run into {@code padan.staged_row} with COPY, each with its {@link RowBuckets bucket}; nothing is kept. */
final class StagingWriter implements Closeable {
    private final CopyWriter copy;
    private final long runId;

    StagingWriter(Connection connection, long runId) throws SQLException {
        this.copy = new CopyWriter(connection, StagingTable.TABLE, "run_id, bucket, " + StagingTable.NAMES);
        this.runId = runId;
    }

    void write(StagedRow r) {
        copy.add(runId).add(RowBuckets.of(r));
        StagingTable.write(copy, r);
        copy.endRow();
    }

    @Override
    public void close() throws IOException {
        copy.close();
    }
}
