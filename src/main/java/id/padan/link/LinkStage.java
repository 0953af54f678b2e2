package id.padan.link;

import id.padan.ingest.SourceMappings;
import id.padan.link.internal.ProbabilisticLinker;
import id.padan.ingest.StagedRun;
import id.padan.standardise.StagedRow;
import id.padan.store.ParallelCopy;
import id.padan.store.RunScope;
import id.padan.store.StageMetrics;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Stage 2: decides which rows belong to the same person and stores the links with their explanation. */
@Component
public class LinkStage implements Tasklet {
    public static final String NAME = "link";
    private final DataSource dataSource;
    private final SourceMappings mappings;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LinkStage.class);
    private final StageMetrics metrics;
    private final MatchSettings settings;
    private final StagedRun staged;

    public LinkStage(DataSource dataSource, SourceMappings mappings, StageMetrics metrics, MatchSettings settings,
                     StagedRun staged) {
        this.dataSource = dataSource;
        this.mappings = mappings;
        this.metrics = metrics;
        this.settings = settings;
        this.staged = staged;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        long start = System.nanoTime();
        RunScope scope = RunScope.of(chunk);
        List<StagedRow> rows = staged.rows(scope.runId());
        String registry = mappings.registry().map(m -> m.source()).orElse("");
        // The estimated model and the linker's counters are for whoever debugs a run, not for the operator's console.
        ProbabilisticLinker linker = new ProbabilisticLinker(registry, settings, log::debug);
        linker.progress(total -> metrics.start(NAME, total));
        List<RowLink> links = linker.link(rows);
        linker.stats().forEach((k, v) -> log.debug("link: {} = {}", k, v));
        long runId = scope.runId();
        ParallelCopy.replace(dataSource, runId, "padan.row_link",
                "run_id, source, record_key, target_source, target_key, method, score, explanation", links, 2,
                (w, l) -> w.add(runId).add(l.source()).add(l.recordKey()).add(l.targetSource()).add(l.targetKey())
                        .add(l.method().name()).add(l.score()).add(l.explanation()));
        // Statistics for the next stages' joins over the run's links.
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("analyze padan.row_link");
        }
        metrics.record(scope.runId(), NAME, rows.size(), start);
        return RepeatStatus.FINISHED;
    }
}
