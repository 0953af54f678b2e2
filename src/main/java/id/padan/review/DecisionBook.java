package id.padan.review;

import id.padan.ingest.SourceMappings;
import id.padan.link.KeptApart;
import id.padan.resolve.ReviewerPairs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which decisions hold for a run. Per item the newest decision counts (for a possible match, per candidate); only
 * decisions and approvals made before the run started are seen, so a restarted run sees what its first attempt saw.
 * A decision holds ({@code HELD}) while the fingerprint of the evidence it judged is unchanged in the run; otherwise
 * it is {@code STALE} (the item returns to the queue with the old decision shown). A decision that needs an approver
 * waits ({@code PENDING_APPROVAL}) until one agrees. Pair decisions (SAMA, BERBEDA, TERIMA, TOLAK, GANTI) that
 * contradict each other (A = B, B = C, A ≠ C; one row the same as two registry persons) are all set aside as
 * {@code CONFLICT}, never resolved silently. Resolution gets the must-link and cannot-link pairs of the rest.
 */
@Component
public class DecisionBook implements ReviewerPairs, KeptApart {
    private final DataSource dataSource;
    private final String registrySource;

    public DecisionBook(DataSource dataSource, SourceMappings mappings) {
        this.dataSource = dataSource;
        this.registrySource = mappings.registrySource();
    }

    /** A decision as it stands in a run. */
    public record Standing(long decisionId, Keputusan.Kind kind, Keputusan keputusan, String source, String recordKey, String code,
                           String otherSource, String otherKey, String newKey, String state) {
        Row row() {
            return new Row(source, recordKey);
        }

        /** The registry row this decision joins the row to, or null. */
        Row joins() {
            if (!"HELD".equals(state) && !"CONFLICT".equals(state)) return null;
            return switch (keputusan) {
                case SAMA, TERIMA -> new Row(otherSource, otherKey);
                case GANTI -> new Row(otherSource, newKey);
                default -> null;
            };
        }

        /** The registry row this decision keeps the row apart from, or null. */
        Row separates() {
            if (!"HELD".equals(state) && !"CONFLICT".equals(state)) return null;
            return switch (keputusan) {
                case BERBEDA, TOLAK, GANTI -> new Row(otherSource, otherKey);
                default -> null;
            };
        }
    }

    /** The standing of every decision in the run, and the conflicts among them. */
    public record Book(List<Standing> decisions, List<Conflict> conflicts) {}

    public record Conflict(List<Long> decisionIds, String reason) {}

    @Override
    public Constraints forRun(long runId) {
        try (Connection c = dataSource.getConnection()) {
            Book book = evaluate(c, runId, false);
            List<Pair> must = new ArrayList<>(), cannot = new ArrayList<>();
            for (Standing s : book.decisions()) {
                if (!"HELD".equals(s.state())) continue;
                if (s.joins() != null) must.add(new Pair(s.row(), s.joins()));
                if (s.separates() != null) cannot.add(new Pair(s.row(), s.separates()));
            }
            return new Constraints(must, cannot);
        } catch (SQLException e) {
            throw new IllegalStateException("reading reviewers' decisions for run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** The held cannot-link pairs to registry rows: the link stage removes them from the rows' candidates. */
    @Override
    public KeptApart.Pairs apartFor(long runId) {
        KeptApart.Pairs pairs = KeptApart.Pairs.none();
        for (Pair p : forRun(runId).cannotLink()) {
            if (p.other().source().equals(registrySource)) pairs.add(p.row().source(), p.row().recordKey(), p.other().recordKey());
        }
        return pairs;
    }

    /**
     * Every decision's standing in run {@code runId}. {@code findingsToo}: also the finding decisions, whose evidence
     * includes the row's person in the run (so only once resolution has written it).
     */
    public Book evaluate(Connection c, long runId, boolean findingsToo) throws SQLException {
        List<Standing> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(EVALUATE)) {
            int i = 1;
            ps.setLong(i++, runId);
            ps.setBoolean(i++, findingsToo);
            ps.setString(i++, registrySource);
            ps.setLong(i++, runId);
            ps.setString(i++, registrySource);
            for (int k = 0; k < 3; k++) ps.setLong(i++, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Keputusan k = Keputusan.valueOf(rs.getString("keputusan"));
                    String state;
                    if (k == Keputusan.BATAL) state = "WITHDRAWN";
                    else if (!rs.getBoolean("present")) state = "GONE";
                    else if (!rs.getBoolean("same")) state = "STALE";
                    else if (rs.getBoolean("needs_approval") && rs.getString("verdict") == null) state = "PENDING_APPROVAL";
                    else if (rs.getBoolean("needs_approval") && !"SETUJU".equals(rs.getString("verdict"))) state = "REFUSED_APPROVAL";
                    else state = "HELD";
                    all.add(new Standing(rs.getLong("decision_id"), Keputusan.Kind.valueOf(rs.getString("kind")), k, rs.getString("source"),
                            rs.getString("record_key"), rs.getString("code"), rs.getString("judged_other_source"), rs.getString("judged_other_key"),
                            rs.getString("new_key"), state));
                }
            }
        }
        List<Conflict> conflicts = conflicts(all);
        Map<Long, Boolean> inConflict = new HashMap<>();
        for (Conflict cf : conflicts) for (long id : cf.decisionIds()) inConflict.put(id, true);
        List<Standing> out = new ArrayList<>(all.size());
        for (Standing s : all) {
            out.add(inConflict.containsKey(s.decisionId())
                    ? new Standing(s.decisionId(), s.kind(), s.keputusan(), s.source(), s.recordKey(), s.code(), s.otherSource(), s.otherKey(), s.newKey(), "CONFLICT")
                    : s);
        }
        return new Book(out, conflicts);
    }

    /** Groups of held pair decisions that cannot all be true. */
    static List<Conflict> conflicts(List<Standing> held) {
        Map<Row, Row> parent = new HashMap<>();
        List<Standing> joining = new ArrayList<>(), separating = new ArrayList<>();
        for (Standing s : held) {
            if (!"HELD".equals(s.state())) continue;
            if (s.joins() != null) {
                joining.add(s);
                union(parent, s.row(), s.joins());
            }
            if (s.separates() != null) separating.add(s);
        }
        Map<Row, List<Long>> byGroup = new LinkedHashMap<>();
        Map<Row, java.util.Set<Row>> registryRows = new HashMap<>();
        for (Standing s : joining) {
            Row root = find(parent, s.row());
            byGroup.computeIfAbsent(root, k -> new ArrayList<>()).add(s.decisionId());
            registryRows.computeIfAbsent(root, k -> new java.util.HashSet<>()).add(s.joins());
        }
        Map<Row, List<Long>> separatingIn = new HashMap<>();
        for (Standing s : separating) {
            Row a = find(parent, s.row()), b = find(parent, s.separates());
            if (a.equals(b)) separatingIn.computeIfAbsent(a, k -> new ArrayList<>()).add(s.decisionId());
        }
        List<Conflict> out = new ArrayList<>();
        for (var e : byGroup.entrySet()) {
            List<Long> against = separatingIn.getOrDefault(e.getKey(), List.of());
            boolean twoPersons = registryRows.get(e.getKey()).size() > 1;
            if (against.isEmpty() && !twoPersons) continue;
            List<Long> ids = new ArrayList<>(e.getValue());
            ids.addAll(against);
            ids.sort(null);
            String reason = !against.isEmpty()
                    ? "keputusan SAMA/TERIMA/GANTI menyatukan baris yang diputuskan berbeda (BERBEDA/TOLAK)"
                    : "satu orang diputuskan sama dengan dua orang Dukcapil yang berbeda";
            out.add(new Conflict(List.copyOf(new java.util.TreeSet<>(ids)), reason));
        }
        return out;
    }

    private static Row find(Map<Row, Row> parent, Row r) {
        Row p = parent.getOrDefault(r, r);
        if (p.equals(r)) return r;
        Row root = find(parent, p);
        parent.put(r, root);
        return root;
    }

    private static void union(Map<Row, Row> parent, Row a, Row b) {
        Row ra = find(parent, a), rb = find(parent, b);
        if (!ra.equals(rb)) parent.put(ra, rb);
    }

    /**
     * The newest decision per item seen by the run (made before it started), its approval, and whether its evidence is
     * still there and unchanged. For a finding decision the other row is the registry row of the row's person in this
     * run (so a row that now belongs to another person makes it stale). Parameters: run, findingsToo, registry, run,
     * registry, run, run, run.
     */
    private static final String EVALUATE = """
            with r0 as (select started_at from padan.run where run_id = ?),
            latest as (
                select distinct on (d.source, d.record_key, d.code, case when d.kind = 'PAIR' then d.other_key end) d.*
                from padan.review_decision d, r0
                where d.decided_at <= r0.started_at and (? or d.kind <> 'FINDING')
                order by d.source, d.record_key, d.code, case when d.kind = 'PAIR' then d.other_key end, d.decision_id desc),
            appr as (
                select distinct on (a.decision_id) a.decision_id, a.verdict from padan.review_approval a, r0
                where a.approved_at <= r0.started_at order by a.decision_id, a.approval_id desc),
            i as (
                select d.decision_id, d.kind, d.keputusan, d.source, d.record_key, d.code, d.new_key, d.needs_approval, d.fingerprint,
                       d.other_source as judged_other_source, d.other_key as judged_other_key,
                       case when d.kind = 'FINDING' then case when reg.record_key is not null then ?::text end else d.other_source end as other_source,
                       case when d.kind = 'FINDING' then reg.record_key else d.other_key end as other_key
                from latest d
                left join padan.source_record sr on d.kind = 'FINDING' and sr.run_id = ? and sr.source = d.source and sr.record_key = d.record_key
                left join lateral (select x.record_key from padan.source_record x where x.run_id = sr.run_id and x.person_id = sr.person_id
                                   and x.source = ? order by x.record_key limit 1) reg on true)
            select i.*, ap.verdict,
                   (r.record_key is not null and (i.kind = 'FINDING' or o.record_key is not null) and (i.new_key is null or n.record_key is not null)) as present,
                   i.fingerprint = %s as same
            from i
            left join appr ap on ap.decision_id = i.decision_id
            left join padan.staged_row r on r.run_id = ? and r.source = i.source and r.record_key = i.record_key
            left join padan.staged_row o on o.run_id = ? and o.source = i.other_source and o.record_key = i.other_key
            left join padan.staged_row n on n.run_id = ? and n.source = i.judged_other_source and n.record_key = i.new_key
            order by i.decision_id""".formatted(DecisionStore.FINGERPRINT);
}
