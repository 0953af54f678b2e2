package id.padan.publish;

import id.padan.ingest.IngestStage;
import id.padan.ingest.RunRefusedException;
import id.padan.store.RunChecks;
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
 * seeing the previous run. The run enters the contract (and may become the current run) only once deliver has
 * completed too: the views require status COMPLETED. A partial run is published only when allowed.
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
        // A partial run is published only when this attempt allows it (an earlier attempt may have, and ingest is not redone).
        boolean allowed = Boolean.parseBoolean(chunk.getStepContext().getStepExecution().getJobExecution().getJobParameters()
                .getString(IngestStage.ALLOW_PARTIAL));
        if (!allowed && Boolean.TRUE.equals(jdbc.queryForObject("select partial from padan.run where run_id = ?", Boolean.class, scope.runId()))) {
            String notRun = RunChecks.load(jdbc, scope.runId()).describeNotRun();
            throw new RunRefusedException("refused: a partial run (not run: " + notRun + "); nothing is published (padan run --allow-partial "
                    + "publishes a partial run that says so)");
        }
        jdbc.update("update padan.run set published_at = coalesce(published_at, now()) where run_id = ?", scope.runId());
        Long rows = jdbc.queryForObject("select count(*) from padan.source_record where run_id = ?", Long.class, scope.runId());
        metrics.record(scope.runId(), NAME, rows == null ? 0 : rows, start);
        return RepeatStatus.FINISHED;
    }
}
