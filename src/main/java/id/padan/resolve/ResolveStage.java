package id.padan.resolve;

import id.padan.ingest.SourceMappings;
import id.padan.resolve.internal.JdbcResolution;
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

/**
 * Stage 3: clusters the linked rows into persons, gives each its stable id and writes {@code padan.person} and
 * {@code padan.source_record} for the run, in one transaction. Nothing of the run is held in memory but an
 * {@code int} a row ({@link RowUnion}); rows and links stay in the database ({@link JdbcResolution}), so memory
 * does not grow with anything but the number of rows.
 */
@Component
public class ResolveStage implements Tasklet {
    public static final String NAME = "resolve";
    private final DataSource dataSource;
    private final SourceMappings mappings;
    private final StageMetrics metrics;
    private final ReviewerPairs reviewerPairs;

    public ResolveStage(DataSource dataSource, SourceMappings mappings, StageMetrics metrics, ReviewerPairs reviewerPairs) {
        this.dataSource = dataSource;
        this.mappings = mappings;
        this.metrics = metrics;
        this.reviewerPairs = reviewerPairs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        long start = System.nanoTime();
        long runId = RunScope.of(chunk).runId();
        String registry = mappings.registrySource();
        JdbcResolution.Counts counts;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                counts = new JdbcResolution(c, runId, registry).resolve(mustLink(runId), cannotLink(runId));
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
            // Statistics for the next stages' joins, in a transaction of their own.
            c.setAutoCommit(true);
            try (var st = c.createStatement()) {
                st.execute("analyze padan.person");
                st.execute("analyze padan.source_record");
            }
        }
        metrics.record(runId, NAME, counts.rows(), start);
        return RepeatStatus.FINISHED;
    }

    /** Pairs of rows a reviewer decided are one person, applied before any link (the decisions that hold for the run). */
    protected List<RowPair> mustLink(long runId) {
        return pairs(reviewerPairs.forRun(runId).mustLink());
    }

    /** Pairs of rows a reviewer decided are different people, never joined by any link. */
    protected List<RowPair> cannotLink(long runId) {
        return pairs(reviewerPairs.forRun(runId).cannotLink());
    }

    private static List<RowPair> pairs(List<ReviewerPairs.Pair> pairs) {
        return pairs.stream().map(p -> new RowPair(p.row().source(), p.row().recordKey(), p.other().source(), p.other().recordKey())).toList();
    }
}
