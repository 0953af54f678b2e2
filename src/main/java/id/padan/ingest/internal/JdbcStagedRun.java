package id.padan.ingest.internal;

import id.padan.ingest.StagedRun;
import id.padan.standardise.StagedRow;
import id.padan.store.CopyReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** {@link StagedRun} read from {@code padan.staged_row} with COPY. */
@Component
public final class JdbcStagedRun implements StagedRun {
    private final DataSource dataSource;

    public JdbcStagedRun(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<StagedRow> rows(long runId) {
        List<StagedRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            CopyReader.read(c, "select " + StagingTable.NAMES + " from " + StagingTable.TABLE + " where run_id = " + runId
                    + " order by source collate \"C\", line_no", StagingTable.COUNT, f -> rows.add(StagingTable.read(f)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the staged rows of run " + runId + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
