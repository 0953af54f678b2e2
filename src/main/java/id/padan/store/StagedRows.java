package id.padan.store;

import id.padan.standardise.StagedRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the standardised rows of one run back from {@code padan.staged_row}, in (source, line) order. */
public final class StagedRows {
    private static final int COLUMNS = StagedRow.COLUMNS.split(",").length;

    /**
     * The run's standardised rows, all columns, as {@link #of} gives them: by source (names as
     * {@link String#compareTo} orders them), then by line.
     */
    public static final RunMemory.Key<List<StagedRow>> ROWS = new RunMemory.Key<>("staged rows");

    private StagedRows() {}

    /**
     * All rows of the run with every column: the ones ingest kept in {@code memory}, else read from
     * {@code padan.staged_row} (and kept for the stages after).
     */
    public static List<StagedRow> of(RunMemory memory, DataSource dataSource, long runId) {
        return memory.find(runId, ROWS, () -> {
            List<StagedRow> rows = read(dataSource, runId);
            memory.keep(runId, ROWS, rows);
            return rows;
        });
    }

    /** Every column of the run's rows from {@code padan.staged_row}, in the order of {@link #ROWS}. */
    private static List<StagedRow> read(DataSource dataSource, long runId) {
        List<StagedRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            CopyReader.read(c, "select " + StagedRow.COLUMNS + " from padan.staged_row where run_id = " + runId + " order by source collate \"C\", line_no",
                    COLUMNS, f -> rows.add(map(f)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read staged rows of run " + runId + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static StagedRow map(String[] f) {
        return new StagedRow(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], "t".equals(f[11]),
                date(f[12]), f[13], f[14] == null ? null : f[14].charAt(0), f[15], f[16], f[17], f[18], f[19], date(f[20]), f[21], f[22],
                f[23], f[24], f[25], f[26]);
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
