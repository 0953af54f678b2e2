package id.padan.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * A second person's agreement with a decision that needs one (a NIK correction, a DECEASED_BENEFICIARY explained):
 * {@code SETUJU} makes it take effect from the next run, {@code TOLAK} keeps it from ever taking effect. A reviewer
 * cannot approve their own decision (refused here and by the database).
 */
@Component
public class ReviewApprovals {
    private final DataSource dataSource;

    public ReviewApprovals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the approver's verdict on a decision; refused (IllegalArgumentException with the reason) when it cannot stand. */
    public void approve(long decisionId, String approver, boolean agree, String note) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String reviewer;
            boolean needs;
            try (PreparedStatement ps = c.prepareStatement("select reviewer, needs_approval from padan.review_decision where decision_id = ?")) {
                ps.setLong(1, decisionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new IllegalArgumentException("no decision " + decisionId);
                    reviewer = rs.getString(1);
                    needs = rs.getBoolean(2);
                }
            }
            if (!needs) throw new IllegalArgumentException("decision " + decisionId + " needs no approval");
            if (reviewer.equalsIgnoreCase(approver)) {
                throw new IllegalArgumentException("decision " + decisionId + " was made by " + reviewer + ": a second person must approve it");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into padan.review_approval (decision_id, approver, verdict, note) values (?, ?, ?, ?)")) {
                ps.setLong(1, decisionId);
                ps.setString(2, approver);
                ps.setString(3, agree ? "SETUJU" : "TOLAK");
                ps.setString(4, note);
                ps.executeUpdate();
            }
            DecisionStore.audit(c, approver, "APPROVE", "decision " + decisionId, agree ? "SETUJU" : "TOLAK");
            c.commit();
        }
    }
}
