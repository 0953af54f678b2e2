package id.padan.review;

import id.padan.store.RunScope;
import id.padan.store.StageMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * The step after findings: records what every reviewer's decision did in the run ({@code padan.review_effect}: held,
 * stale, in conflict, awaiting approval, withdrawn, gone), the conflict queue ({@code padan.review_conflict}) and how
 * often the model, before the decisions were applied, agreed with the reviewers' pair decisions
 * ({@code padan.review_run}). Replaces its own rows for the run, so a restart writes them once.
 */
@Component
public class ReviewStage implements Tasklet {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReviewStage.class);
    public static final String NAME = "review";
    private final DataSource dataSource;
    private final DecisionBook book;
    private final StageMetrics metrics;

    private final String registrySource;

    public ReviewStage(DataSource dataSource, DecisionBook book, StageMetrics metrics, id.padan.ingest.SourceMappings mappings) {
        this.registrySource = mappings.registrySource();
        this.dataSource = dataSource;
        this.book = book;
        this.metrics = metrics;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        long start = System.nanoTime();
        long runId = RunScope.of(chunk).runId();
        RunOutcome o = record(runId);
        if (o.decisions() > 0) {
            log.info(String.format(Locale.ROOT, "review: %,d decisions: %,d held, %,d stale, %,d in %,d conflict(s), %,d awaiting an approver; "
                            + "the model agreed with %,d of %,d pair decisions%s", o.decisions(), o.held(), o.stale(), o.inConflict(), o.conflicts(),
                    o.pending(), o.modelAgreed(), o.pairLabels(),
                    o.pairLabels() > 0 ? String.format(Locale.ROOT, " (%.1f %%)", 100.0 * o.modelAgreed() / o.pairLabels()) : ""));
        }
        metrics.record(runId, NAME, o.decisions(), start);
        return RepeatStatus.FINISHED;
    }

    /**
     * The findings that ask a reviewer for a decision, most harmful first: the review page's queue order (the
     * reports' default {@code decision-codes}).
     */
    public static final java.util.List<String> HARM = java.util.List.of("DECEASED_BENEFICIARY", "REVIEW_POSSIBLE_MATCH", "DUPLICATE_IN_PROGRAM",
            "NIK_CORRECTED", "ATTRIBUTE_MISMATCH");

    /** The review page's items of the run, with the row as sent, its registry person and the candidate of a possible match. */
    private static final String QUEUE = """
            insert into padan.review_queue_item (run_id, source, record_key, code, kabupaten, severity, harm, person_id, candidate_person_id,
                sent_nik, sent_name, sent_birth, sent_sex, sent_region, reg_nik, reg_kk, reg_name, reg_birth, reg_sex, reg_region, reg_death,
                cand_source, cand_key, cand_nik, cand_kk, cand_name, cand_birth, cand_sex, cand_region, cand_death, detail,
                reg_source, reg_key, sent_evidence, reg_evidence, cand_evidence)
            select distinct on (f.source, f.record_key, f.code)
                   f.run_id, f.source, f.record_key, f.code, coalesce(left(f.region_code, 4), ''), f.severity, array_position(?::text[], f.code), f.person_id, cs.person_id,
                   s.nik_raw, s.name_raw, s.birth_date, s.sex, coalesce(s.region_desa, s.region_kec, s.region_kab),
                   reg.nik, reg.kk, reg.name_raw, reg.birth_date, reg.sex, coalesce(reg.region_desa, reg.region_kec, reg.region_kab), reg.death_date,
                   cs.source, cs.record_key, cr.nik, cr.kk, cr.name_raw, cr.birth_date, cr.sex, coalesce(cr.region_desa, cr.region_kec, cr.region_kab),
                   cr.death_date, f.detail,
                   reg.source, rk.record_key, padan.row_evidence(s), padan.row_evidence(reg), padan.row_evidence(cr)
            from padan.finding f
            join padan.staged_row s on s.run_id = f.run_id and s.source = f.source and s.record_key = f.record_key
            left join lateral (select x.record_key from padan.source_record x where x.run_id = f.run_id and x.person_id = f.person_id and x.source = ?
                               order by x.record_key limit 1) rk on true
            left join padan.staged_row reg on reg.run_id = f.run_id and reg.source = ? and reg.record_key = rk.record_key
            left join padan.source_record cs on f.code = 'REVIEW_POSSIBLE_MATCH' and cs.run_id = f.run_id
                 and cs.source = f.detail_json->'candidate'->>'source' and cs.record_key = f.detail_json->'candidate'->>'record_key'
            left join padan.staged_row cr on cr.run_id = cs.run_id and cr.source = cs.source and cr.record_key = cs.record_key
            where f.run_id = ? and f.code = any(?)
            order by f.source, f.record_key, f.code""";

    /** The run's items per kabupaten and program, which the page adds up for its count of open items. */
    public static final String QUEUE_COUNTS = """
            insert into padan.review_queue_count (run_id, kabupaten, source, items)
            select run_id, kabupaten, source, count(*) from padan.review_queue_item where run_id = ? group by run_id, kabupaten, source""";

    public record RunOutcome(int decisions, int held, int stale, int inConflict, int conflicts, int pending, int pairLabels, int modelAgreed) {}

    /** Evaluates the decisions for the run and stores their effects; what it found. */
    public RunOutcome record(long runId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (String t : new String[] {"padan.review_effect", "padan.review_conflict", "padan.review_run", "padan.review_queue_item",
                    "padan.review_queue_count"}) {
                try (PreparedStatement ps = c.prepareStatement("delete from " + t + " where run_id = ?")) {
                    ps.setLong(1, runId);
                    ps.executeUpdate();
                }
            }
            DecisionBook.Book b = book.evaluate(c, runId, true);
            int held = 0, stale = 0, conflict = 0, pending = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into padan.review_effect (run_id, decision_id, source, record_key, code, state) values (?, ?, ?, ?, ?, ?)")) {
                for (DecisionBook.Standing s : b.decisions()) {
                    ps.setLong(1, runId);
                    ps.setLong(2, s.decisionId());
                    ps.setString(3, s.source());
                    ps.setString(4, s.recordKey());
                    ps.setString(5, s.code());
                    ps.setString(6, s.state());
                    ps.addBatch();
                    switch (s.state()) {
                        case "HELD" -> held++;
                        case "STALE" -> stale++;
                        case "CONFLICT" -> conflict++;
                        case "PENDING_APPROVAL" -> pending++;
                        default -> {}
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into padan.review_conflict (run_id, conflict_no, decision_ids, reason) values (?, ?, ?, ?)")) {
                int no = 0;
                for (DecisionBook.Conflict cf : b.conflicts()) {
                    ps.setLong(1, runId);
                    ps.setInt(2, ++no);
                    ps.setArray(3, c.createArrayOf("bigint", cf.decisionIds().toArray()));
                    ps.setString(4, cf.reason());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            // The model's own view of each held pair decision: did link (before the decisions) join the row to the candidate?
            // A kept-apart candidate is no candidate of link's, which records what the model alone would have done.
            try (PreparedStatement ps = c.prepareStatement("""
                    update padan.review_effect e set model_same = exists (
                        select 1 from padan.row_link l where l.run_id = e.run_id and l.source = e.source and l.record_key = e.record_key
                        and l.method <> 'REVIEW' and l.target_source = d.other_source and l.target_key = d.other_key) or exists (
                        select 1 from padan.link_apart a where a.run_id = e.run_id and a.source = e.source and a.record_key = e.record_key
                        and a.target_source = d.other_source and a.target_key = d.other_key and a.model_linked)
                    from padan.review_decision d
                    where d.decision_id = e.decision_id and e.run_id = ? and d.kind = 'PAIR' and e.state = 'HELD'""")) {
                ps.setLong(1, runId);
                ps.executeUpdate();
            }
            int labels = 0, agreed = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    select count(*), count(*) filter (where (d.keputusan = 'SAMA') = e.model_same)
                    from padan.review_effect e join padan.review_decision d using (decision_id)
                    where e.run_id = ? and e.model_same is not null""")) {
                ps.setLong(1, runId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    labels = rs.getInt(1);
                    agreed = rs.getInt(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(QUEUE)) {
                ps.setArray(1, c.createArrayOf("text", HARM.toArray()));
                ps.setString(2, registrySource);
                ps.setString(3, registrySource);
                ps.setLong(4, runId);
                ps.setArray(5, c.createArrayOf("text", HARM.toArray()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(QUEUE_COUNTS)) {
                ps.setLong(1, runId);
                ps.executeUpdate();
            }
            RunOutcome o = new RunOutcome(b.decisions().size(), held, stale, conflict, b.conflicts().size(), pending, labels, agreed);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into padan.review_run (run_id, decisions, held, stale, conflicts, pending, pair_labels, model_agreed)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, runId);
                ps.setInt(2, o.decisions());
                ps.setInt(3, held);
                ps.setInt(4, stale);
                ps.setInt(5, b.conflicts().size());
                ps.setInt(6, pending);
                ps.setInt(7, labels);
                ps.setInt(8, agreed);
                ps.executeUpdate();
            }
            c.commit();
            return o;
        }
    }
}
