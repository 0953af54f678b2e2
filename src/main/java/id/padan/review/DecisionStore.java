package id.padan.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Writes decisions and audit rows (append-only tables; the database refuses UPDATE and DELETE on them). */
final class DecisionStore {
    private DecisionStore() {}

    /**
     * The fingerprint of a decision's evidence: the kind and code, the judged row's fields and the other row's key and
     * fields ({@code padan.row_evidence}), over {@code i(ord, kind, code, source, record_key, other_source, other_key)};
     * the one formula ({@code padan.evidence_fingerprint}) of import, page and run.
     */
    static final String FINGERPRINT = "padan.evidence_fingerprint(i.kind, i.code, padan.row_evidence(r), i.other_key, padan.row_evidence(o))";

    static void insert(Connection c, List<DecisionChecks.NewDecision> decisions) throws SQLException {
        if (decisions.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("""
                insert into padan.review_decision (reviewer, role, kind, source, record_key, code, other_source, other_key, keputusan, new_key,
                    alasan, fingerprint, run_id, kabupaten, origin, needs_approval)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning decision_id""");
             PreparedStatement audit = c.prepareStatement("insert into padan.review_audit (actor, action, subject, detail) values (?, 'DECIDE', ?, ?)")) {
            for (DecisionChecks.NewDecision d : decisions) {
                int i = 1;
                ps.setString(i++, d.reviewer());
                ps.setString(i++, d.role());
                ps.setString(i++, d.kind().name());
                ps.setString(i++, d.source());
                ps.setString(i++, d.recordKey());
                ps.setString(i++, d.code());
                ps.setString(i++, d.otherSource());
                ps.setString(i++, d.otherKey());
                ps.setString(i++, d.keputusan().name());
                ps.setString(i++, d.newKey());
                ps.setString(i++, d.alasan());
                ps.setString(i++, d.fingerprint());
                ps.setLong(i++, d.runId());
                ps.setString(i++, d.kabupaten());
                ps.setString(i++, d.origin());
                ps.setBoolean(i, d.needsApproval());
                long id;
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                audit.setString(1, d.reviewer());
                audit.setString(2, d.source() + "/" + d.recordKey() + " " + d.code());
                audit.setString(3, "decision " + id + ": " + d.keputusan() + (d.needsApproval() ? " (awaiting an approver)" : "") + ", " + d.origin());
                audit.addBatch();
            }
            audit.executeBatch();
        }
    }

    static void audit(Connection c, String actor, String action, String subject, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into padan.review_audit (actor, action, subject, detail) values (?, ?, ?, ?)")) {
            ps.setString(1, actor);
            ps.setString(2, action);
            ps.setString(3, subject);
            ps.setString(4, detail);
            ps.executeUpdate();
        }
    }
}
