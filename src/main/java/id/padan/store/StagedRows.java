package id.padan.store;

import id.padan.standardise.StagedRow;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the standardised rows of one run back from {@code padan.staged_row}, in (source, line) order. */
public final class StagedRows {
    private StagedRows() {}

    public static List<StagedRow> read(DataSource dataSource, long runId) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(20_000);
        List<StagedRow> rows = new ArrayList<>();
        // Fetching with a cursor needs a transaction; the template runs one statement, so open one here.
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("select " + StagedRow.COLUMNS + " from padan.staged_row where run_id = ? order by source, line_no")) {
                ps.setFetchSize(20_000);
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(map(rs));
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read staged rows of run " + runId + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static StagedRow map(ResultSet rs) throws SQLException {
        String sex = rs.getString(15);
        return new StagedRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getBoolean(12),
                date(rs.getDate(13)), rs.getString(14), sex == null ? null : sex.charAt(0), rs.getString(16), rs.getString(17),
                rs.getString(18), rs.getString(19), rs.getString(20), date(rs.getDate(21)), rs.getString(22), rs.getString(23),
                rs.getString(24), rs.getString(25), rs.getString(26));
    }

    private static java.time.LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
