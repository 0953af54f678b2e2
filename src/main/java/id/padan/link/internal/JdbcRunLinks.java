package id.padan.link.internal;

import id.padan.link.MatchMethod;
import id.padan.link.RowLink;
import id.padan.link.RunLinks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** {@link RunLinks} read from {@code padan.row_link}. */
@Component
public final class JdbcRunLinks implements RunLinks {
    private final DataSource dataSource;

    public JdbcRunLinks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<RowLink> links(long runId) {
        List<RowLink> links = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement(
                "select source, record_key, target_source, target_key, method, score from padan.row_link where run_id = ?")) {
            c.setAutoCommit(false); // a cursor: rows come in batches of the fetch size
            ps.setFetchSize(20_000);
            ps.setLong(1, runId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    links.add(new RowLink(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), MatchMethod.valueOf(rs.getString(5)),
                            rs.getDouble(6), null));
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the links of run " + runId + ": " + e.getMessage(), e);
        }
        return links;
    }
}
