package id.padan.publish;

import id.padan.store.RunScope;
import id.padan.store.StageMetrics;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stage 5: makes the run visible in the {@code reconciled} views, all at once: the views show only
 * runs with {@code published_at} set, and setting it is one statement. Until then readers keep
 * seeing the previous run.
 */
@Component
public class PublishStage implements Tasklet {
    public static final String NAME = "publish";
    private final JdbcTemplate jdbc;
    private final StageMetrics metrics;

    public PublishStage(JdbcTemplate jdbc, StageMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        long start = System.nanoTime();
        RunScope scope = RunScope.of(chunk);
        jdbc.update("update padan.run set published_at = coalesce(published_at, now()) where run_id = ?", scope.runId());
        Long rows = jdbc.queryForObject("select count(*) from padan.source_record where run_id = ?", Long.class, scope.runId());
        metrics.record(scope.runId(), NAME, rows == null ? 0 : rows, start);
        return RepeatStatus.FINISHED;
    }
}
