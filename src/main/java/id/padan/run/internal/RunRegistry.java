package id.padan.run.internal;

import id.padan.run.RunStatus;

import id.padan.store.RunScope;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code padan.run} in step with the {@code reconcile} job: one run per job instance, so a
 * restarted job continues the same run; status, finish time and failure reason follow each execution.
 */
@Component
public class RunRegistry implements JobExecutionListener {
    private final JdbcTemplate jdbc;
    /** The run the current thread's job is working on, for a launcher whose job ended without a recorded end. */
    private final ThreadLocal<Long> currentRun = new ThreadLocal<>();

    public RunRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long instance = execution.getJobInstance().getInstanceId();
        var params = execution.getJobParameters();
        Long runId = jdbc.query("select run_id from padan.run where job_instance_id = ?", rs -> rs.next() ? rs.getLong(1) : null, instance);
        if (runId == null) {
            runId = jdbc.queryForObject("""
                    insert into padan.run (job_instance_id, as_of, input_dir, out_dir, input_fingerprint, status)
                    values (?, ?, ?, ?, ?, 'RUNNING') returning run_id""", Long.class,
                    instance, params.getLocalDate("asOf"), params.getString("inputDir"), params.getString("outDir"),
                    params.getString("inputFingerprint"));
        } else {
            jdbc.update("update padan.run set status = 'RUNNING', failure_reason = null, finished_at = null where run_id = ?", runId);
        }
        execution.getExecutionContext().putLong(RunScope.RUN_ID, runId);
        currentRun.set(runId);
    }

    /** The run the current thread's job started or resumed last, or null. */
    public Long currentRun() {
        return currentRun.get();
    }

    public void clearCurrentRun() {
        currentRun.remove();
    }

    /** Records that a run's process died before the run ended (found when it is resumed). */
    public void markInterrupted(JobExecution execution, String reason) {
        jdbc.update("update padan.run set status = 'FAILED', failure_reason = ?, finished_at = coalesce(finished_at, now()) "
                + "where job_instance_id = ? and status = 'RUNNING'", reason, execution.getJobInstance().getInstanceId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        long runId = execution.getExecutionContext().getLong(RunScope.RUN_ID);
        boolean ok = execution.getStatus() == BatchStatus.COMPLETED;
        String reason = ok ? null : failureReason(execution);
        jdbc.update("update padan.run set status = ?, finished_at = now(), failure_reason = ? where run_id = ?",
                (ok ? RunStatus.COMPLETED : RunStatus.FAILED).name(), reason, runId);
    }

    static String failureReason(JobExecution execution) {
        Throwable t = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        if (t == null) return "stopped with status " + execution.getStatus();
        String where = execution.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.FAILED)
                .map(s -> "stage " + s.getStepName() + ": ").findFirst().orElse("");
        return where + FailureReasons.describe(t);
    }
}
