package id.padan.run;

import id.padan.ingest.InputFiles;
import id.padan.ingest.SourceMappings;
import id.padan.run.internal.ReconcileJobConfiguration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts, resumes and restarts {@code reconcile}. A run is identified by its inputs: the as-of date
 * and the checksums of the extract files. The same inputs again are recognised as the same run
 * (nothing is reconciled twice) unless forced; a failed run with the same inputs is resumed from
 * the failed stage. Only one run writes a database at a time (a PostgreSQL advisory lock).
 */
@Component
public class ReconcileLauncher {
    /** Key of the advisory lock held while a run writes the database. */
    public static final long RUN_LOCK = 0x7061_6461_6eL; // "padan"

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final SourceMappings mappings;

    public ReconcileLauncher(JobOperator operator, JobRepository repository, Job reconcileJob, DataSource dataSource,
                             JdbcTemplate jdbc, SourceMappings mappings) {
        this.operator = operator;
        this.repository = repository;
        this.job = reconcileJob;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.mappings = mappings;
    }

    /** How a launch ended: the run, its status, and whether it was only recognised as done before. */
    public record Outcome(long runId, String status, boolean alreadyDone, String failureReason) {
        public boolean completed() {
            return "COMPLETED".equals(status);
        }
    }

    public Outcome start(Path inputDir, LocalDate asOf, Path outDir, boolean force) throws Exception {
        InputFiles files = InputFiles.scan(inputDir, mappings);
        if (files.bySource().isEmpty()) {
            throw new IllegalArgumentException("no extract files in " + inputDir + " (expected names starting with "
                    + mappings.all().stream().map(m -> m.filePrefix()).toList() + ")");
        }
        JobParametersBuilder params = new JobParametersBuilder()
                .addLocalDate("asOf", asOf, true)
                .addString("inputFingerprint", files.fingerprint(), true)
                .addString("inputDir", inputDir.toAbsolutePath().normalize().toString(), false)
                .addString("outDir", outDir.toAbsolutePath().normalize().toString(), false);
        if (force) params.addLong("forcedAt", System.currentTimeMillis(), true);
        JobParameters jobParameters = params.toJobParameters();
        JobInstance existing = repository.getJobInstance(ReconcileJobConfiguration.JOB, jobParameters);
        if (existing != null) {
            JobExecution last = repository.getLastJobExecution(existing);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                Long runId = jdbc.queryForObject("select run_id from padan.run where job_instance_id = ?", Long.class, existing.getInstanceId());
                return new Outcome(runId, "COMPLETED", true, null);
            }
        }
        return underLock(() -> finish(operator.start(job, jobParameters)));
    }

    /** Resumes a failed or interrupted run from the stage where it stopped. */
    public Outcome restart(long runId) throws Exception {
        Long instance = jdbc.query("select job_instance_id from padan.run where run_id = ?", rs -> rs.next() ? rs.getLong(1) : null, runId);
        if (instance == null) throw new IllegalArgumentException("there is no run " + runId);
        JobInstance ji = repository.getJobInstance(instance);
        JobExecution last = repository.getLastJobExecution(ji);
        if (last == null) throw new IllegalStateException("run " + runId + " has no execution to restart");
        if (last.getStatus() == BatchStatus.COMPLETED) return new Outcome(runId, "COMPLETED", true, null);
        return underLock(() -> {
            JobExecution current = repository.getLastJobExecution(ji);
            if (current.getStatus().isRunning()) {
                // The process that ran it is gone (we hold the run lock): mark it so it can be restarted.
                operator.recover(current);
                current = repository.getLastJobExecution(ji);
            }
            return finish(operator.restart(current));
        });
    }

    private Outcome finish(JobExecution execution) {
        long runId = execution.getExecutionContext().getLong(id.padan.store.RunScope.RUN_ID);
        var row = jdbc.queryForMap("select status, failure_reason from padan.run where run_id = ?", runId);
        return new Outcome(runId, (String) row.get("status"), false, (String) row.get("failure_reason"));
    }

    private interface Work {
        Outcome run() throws Exception;
    }

    private Outcome underLock(Work work) throws Exception {
        try (Connection lock = dataSource.getConnection(); Statement st = lock.createStatement()) {
            lock.setAutoCommit(true);
            try (ResultSet rs = st.executeQuery("select pg_try_advisory_lock(" + RUN_LOCK + ")")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    String running = jdbc.query("select string_agg('run ' || run_id || ' (started ' || to_char(started_at, 'YYYY-MM-DD HH24:MI') || ')', ', ') "
                            + "from padan.run where status = 'RUNNING'", r -> r.next() ? r.getString(1) : null);
                    throw new RunInProgressException("another padan run is writing to this database"
                            + (running == null ? "" : ": " + running) + "; try again when it has finished");
                }
            }
            try {
                return work.run();
            } finally {
                st.execute("select pg_advisory_unlock(" + RUN_LOCK + ")");
            }
        }
    }

    /** Refusal to start a second run while one is writing the database. */
    public static final class RunInProgressException extends IllegalStateException {
        public RunInProgressException(String message) {
            super(message);
        }
    }
}
