package id.padan.ingest.internal;

import id.padan.standardise.StagedRow;
import id.padan.store.CopyWriter;
import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/** Streams {@link StagedRow}s of one run into {@code padan.staged_row} with COPY. */
final class StagingWriter implements Closeable {
    private final CopyWriter copy;
    private final long runId;

    StagingWriter(Connection connection, long runId) throws SQLException {
        this.copy = new CopyWriter(connection, "padan.staged_row", "run_id, " + StagedRow.COLUMNS);
        this.runId = runId;
    }

    void write(StagedRow r) {
        copy.add(runId).add(r.source()).add(r.recordKey()).add(r.lineNo()).add(r.nikRaw()).add(r.nik()).add(r.nikStatus())
                .add(r.nikProblem()).add(r.kk()).add(r.nameRaw()).add(r.name()).add(r.nameKey()).add(r.nameDeceased())
                .add(r.birthDate()).add(r.birthDateStatus()).add(r.sex()).add(r.relation()).add(r.regionDesa())
                .add(r.regionKec()).add(r.regionKab()).add(r.regionStatus()).add(r.deathDate()).add(r.familyId())
                .add(r.motherName()).add(r.birthPlace()).add(r.programStatus()).add(r.component()).add(r.address());
        copy.endRow();
    }

    @Override
    public void close() throws IOException {
        copy.close();
    }
}
