package id.padan.findings;

import id.padan.findings.internal.FindingsWriter;
import id.padan.ingest.SourceMappings;
import id.padan.store.RunScope;
import id.padan.store.StageMetrics;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Stage 4: the findings of a run, as set-based SQL over the resolved rows (one statement per code, each
 * code's SQL and text in its own rule class under {@code internal/rules}), with the rules of {@code config/findings.yml}. Runs in one transaction and replaces any findings
 * an earlier attempt of the same run wrote.
 *
 * <p>Every finding is on a program row and carries the row's own region (desa, else kecamatan, else
 * kabupaten code as sent: the office that sent the row is the one that can fix it), a severity from
 * configuration, an Indonesian {@code detail} text and a {@code detail_json} with the same facts as data
 * (submitted and registry NIK, death date, missing program, differing attributes, link evidence) from
 * which the reports write their text in either language.
 *
 * <p>Checks that need a source are skipped when that source's extract did not load in the run: without
 * a registry extract no row is {@code NOT_IN_DUKCAPIL}, and without a PBI_JKN extract no PKH row has a
 * PBI gap. The link stage drives two codes through keys of the link explanation ({@code padan.row_link}):
 * {@code attribute_mismatch} (the differing fields, comma-separated: NAME, BIRTH_DATE, SEX) gives
 * {@code ATTRIBUTE_MISMATCH}; {@code review} (a reason, on a link of method REVIEW) gives
 * {@code REVIEW_POSSIBLE_MATCH}, with {@code review_candidate} (the candidate row and its score) as evidence.
 */
@Component
public class FindingsStage implements Tasklet {
    public static final String NAME = "findings";
    private final DataSource dataSource;
    private final SourceMappings mappings;
    private final FindingRules rules;
    private final StageMetrics metrics;

    public FindingsStage(DataSource dataSource, SourceMappings mappings, FindingRules rules, StageMetrics metrics) {
        this.dataSource = dataSource;
        this.mappings = mappings;
        this.rules = rules;
        this.metrics = metrics;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        long start = System.nanoTime();
        RunScope scope = RunScope.of(chunk);
        String registry = mappings.registrySource();
        long written, examined;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            written = new FindingsWriter(rules).write(c, scope.runId(), scope.asOf(), registry);
            c.commit();
            // Statistics for the next stages' joins over the findings (the review queue, deliver), in a transaction
            // of their own (an ANALYZE left in an open transaction is rolled back with it): planned without them, the
            // review queue's join of 130,000 findings at 1,000,000 persons ran for more than 25 minutes.
            c.setAutoCommit(true);
            try (var st = c.createStatement()) {
                st.execute("analyze padan.finding");
            }
            try (var ps = c.prepareStatement("select count(*) from padan.source_record where run_id = ?")) {
                ps.setLong(1, scope.runId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    examined = rs.getLong(1);
                }
            }
        }
        // The stage's throughput is the rows it examined; the findings written are in the summary.
        metrics.progress(String.format(java.util.Locale.ROOT, "findings  %,d findings written", written));
        metrics.record(scope.runId(), NAME, examined, start);
        return RepeatStatus.FINISHED;
    }
}
