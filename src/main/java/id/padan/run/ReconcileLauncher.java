package id.padan.run;

import id.padan.findings.CheckPlan;
import id.padan.findings.FindingRules;
import id.padan.ingest.IngestStage;
import id.padan.ingest.InputFiles;
import id.padan.ingest.RunRefusedException;
import id.padan.ingest.SourceCompleteness;
import id.padan.store.RunChecks;
import java.util.List;
import id.padan.ingest.SourceMappings;
import id.padan.run.internal.FailureReasons;
import id.padan.run.internal.ReconcileJobConfiguration;
import id.padan.run.internal.RunLock;
import id.padan.run.internal.RunRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts, resumes and restarts {@code reconcile}. A run is identified by its inputs: the as-of date
 * and the checksums of the extract files. The same inputs again are recognised as the same run
 * (nothing is reconciled twice) unless forced; a failed or interrupted run with the same inputs is
 * resumed from the stage where it stopped. Only one run writes a database at a time ({@link RunLock}).
 *
 * <p>A run whose process was killed (or lost its database) stays STARTED in the job repository. Holding
 * the run lock proves that no process is running it any more, so the launcher first marks such an
 * execution FAILED ({@link JobOperator#recover}, then the exit status and any step Spring Batch's
 * {@code recover} leaves alone, such as one the dying process left UNKNOWN) and then restarts it.
 */
@Component
public class ReconcileLauncher {
    private static final Logger log = LoggerFactory.getLogger(ReconcileLauncher.class);
    /** Key of the advisory lock held while a run writes the database. */
    public static final long RUN_LOCK = RunLock.KEY;
    static final String INTERRUPTED = "interrupted: the process running it ended (killed, crashed, or lost its database connection) before it finished";

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final JdbcTemplate jdbc;
    private final SourceMappings mappings;
    private final RunLock lock;
    private final RunRegistry registry;
    private final FindingRules rules;

    public ReconcileLauncher(JobOperator operator, JobRepository repository, Job reconcileJob, JdbcTemplate jdbc,
                             SourceMappings mappings, RunLock lock, RunRegistry registry, FindingRules rules) {
        this.operator = operator;
        this.repository = repository;
        this.job = reconcileJob;
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.lock = lock;
        this.registry = registry;
        this.rules = rules;
    }

    /** How a launch ended: the run, its status, and whether it was only recognised as done before. */
    public record Outcome(long runId, String status, boolean alreadyDone, String failureReason) {
        public boolean completed() {
            return "COMPLETED".equals(status);
        }
    }

    /**
     * Reconciles the extracts in {@code inputDir} for {@code asOf}: a new run, or the run of these very inputs
     * resumed where it stopped, or nothing when that run completed (unless {@code force}). Of the dated files, only
     * those dated {@code fileDate} are read (null: any date, for a folder that holds one night only); the others
     * are named in the log and in the run's file list.
     *
     * @throws RunInProgressException when another run is writing the database
     * @throws RunAbortedException    when the run stopped without being able to record its end (database gone)
     */
    public Outcome start(Path inputDir, LocalDate asOf, LocalDate fileDate, Path outDir, boolean force) throws Exception {
        return start(inputDir, asOf, fileDate, outDir, force, false);
    }

    /**
     * As {@link #start(Path, LocalDate, LocalDate, Path, boolean)}; {@code allowPartial} lets a run whose checks cannot all be
     * made (a program source missing or not loading) be published as partial, saying which checks did not run.
     *
     * @throws RunRefusedException when a source the checks need is missing (nothing is started)
     */
    public Outcome start(Path inputDir, LocalDate asOf, LocalDate fileDate, Path outDir, boolean force, boolean allowPartial) throws Exception {
        return start(inputDir, asOf, fileDate, outDir, force, allowPartial, false);
    }

    /**
     * As {@link #start(Path, LocalDate, LocalDate, Path, boolean, boolean)}; with {@code remoteWorkers} link's partitions go to
     * {@code padan worker} processes on the same database (a resumed run keeps the choice it was started with).
     */
    public Outcome start(Path inputDir, LocalDate asOf, LocalDate fileDate, Path outDir, boolean force, boolean allowPartial, boolean remoteWorkers)
            throws Exception {
        InputFiles files = InputFiles.scan(inputDir, mappings, fileDate);
        files.ignored().forEach(i -> log.info("input: ignoring {}", i));
        if (files.bySource().isEmpty()) {
            throw new IllegalArgumentException("no extract files in " + inputDir + (fileDate == null ? "" : " dated " + fileDate)
                    + " (expected names starting with " + mappings.all().stream().map(m -> m.filePrefix()).toList() + ")"
                    + (files.ignored().isEmpty() ? "" : "; ignored: " + String.join(", ", files.ignored().stream().map(InputFiles.Ignored::toString).toList())
                    + (fileDate == null ? "" : " (to reconcile files of another date for " + asOf + ": --file-date)")));
        }
        refuseMissingSources(inputDir, files, fileDate, allowPartial);
        JobParametersBuilder params = new JobParametersBuilder()
                .addLocalDate("asOf", asOf, true)
                .addString("inputFingerprint", files.fingerprint(), true)
                .addString("inputDir", inputDir.toAbsolutePath().normalize().toString(), false)
                .addString("outDir", outDir.toAbsolutePath().normalize().toString(), false)
                // Not identifying: a run refused for a source that did not load resumes as the same run when partial is allowed.
                .addString(IngestStage.ALLOW_PARTIAL, Boolean.toString(allowPartial), false)
                // Not identifying either: where the partitions run does not change the run (nor its result).
                .addString(ReconcileJobConfiguration.REMOTE_WORKERS, Boolean.toString(remoteWorkers), false);
        if (fileDate != null) params.addLocalDate(id.padan.ingest.IngestStage.FILE_DATE, fileDate, false);
        if (force) params.addLong("forcedAt", System.currentTimeMillis(), true);
        JobParameters jobParameters = params.toJobParameters();
        Outcome done = completedBefore(jobParameters);
        if (done != null) return done;
        return lock.holding(() -> {
            Outcome meanwhile = completedBefore(jobParameters);
            if (meanwhile != null) return meanwhile;
            JobInstance existing = repository.getJobInstance(ReconcileJobConfiguration.JOB, jobParameters);
            if (existing != null) {
                JobExecution last = repository.getLastJobExecution(existing);
                if (last != null && interrupted(last)) recoverInterrupted(last);
                if (last != null) log.info("resuming run {} (same extracts and as-of date) where it stopped", runIdOf(existing));
            }
            return launch(() -> operator.start(job, jobParameters));
        });
    }

    /**
     * Resumes a failed or interrupted run from the stage where it stopped, with the parameters it was started with.
     *
     * @throws IllegalArgumentException when there is no such run
     * @throws IllegalStateException    when its extracts changed since it started
     */
    public Outcome restart(long runId) throws Exception {
        Long instance = jdbc.query("select job_instance_id from padan.run where run_id = ?", rs -> rs.next() ? rs.getLong(1) : null, runId);
        if (instance == null) throw new IllegalArgumentException("there is no run " + runId);
        if (Boolean.TRUE.equals(jdbc.queryForObject("select pruned_at is not null from padan.run where run_id = ?", Boolean.class, runId))) {
            throw new IllegalArgumentException("run " + runId + " was pruned (padan prune): its rows are gone; reconcile its extracts as a new run");
        }
        JobInstance ji = repository.getJobInstance(instance);
        JobExecution last = ji == null ? null : repository.getLastJobExecution(ji);
        if (last == null) throw new IllegalStateException("run " + runId + " has no execution to restart");
        if (last.getStatus() == BatchStatus.COMPLETED) return new Outcome(runId, "COMPLETED", true, null);
        return lock.holding(() -> {
            JobExecution current = repository.getLastJobExecution(ji);
            if (current.getStatus() == BatchStatus.COMPLETED) return new Outcome(runId, "COMPLETED", true, null);
            if (interrupted(current)) recoverInterrupted(current);
            JobParameters parameters = current.getJobParameters();
            checkInputsUnchanged(runId, parameters);
            return launch(() -> operator.start(job, parameters));
        });
    }

    /** Refuses before anything starts when a source's file is not there at all (the registry always; a program unless partial is allowed). */
    private void refuseMissingSources(Path inputDir, InputFiles files, LocalDate fileDate, boolean allowPartial) {
        List<SourceCompleteness.SourceState> states = mappings.all().stream().map(m -> files.bySource().containsKey(m.source())
                ? new SourceCompleteness.SourceState(m.source(), "LOADED", null)
                : new SourceCompleteness.SourceState(m.source(), "MISSING", "no file starting with '" + m.filePrefix() + "'"
                        + (fileDate == null ? "" : " dated " + fileDate) + " in " + inputDir))
                .sorted(java.util.Comparator.comparing(SourceCompleteness.SourceState::source)).toList();
        RunChecks checks = CheckPlan.plan(mappings, rules, SourceCompleteness.usable(states));
        String refusal = SourceCompleteness.refusal(states, checks, mappings.registry().map(m -> m.source()).orElse(null), allowPartial);
        if (refusal != null) throw new RunRefusedException(refusal.replaceFirst("nothing is published", "no run was started, nothing is published"));
    }

    private Outcome completedBefore(JobParameters parameters) {
        JobInstance existing = repository.getJobInstance(ReconcileJobConfiguration.JOB, parameters);
        if (existing == null) return null;
        JobExecution last = repository.getLastJobExecution(existing);
        if (last == null || last.getStatus() != BatchStatus.COMPLETED) return null;
        return new Outcome(runIdOf(existing), "COMPLETED", true, null);
    }

    private Long runIdOf(JobInstance instance) {
        return jdbc.query("select run_id from padan.run where job_instance_id = ?", rs -> rs.next() ? rs.getLong(1) : null, instance.getInstanceId());
    }

    /** Still marked as running (or left UNKNOWN) in the repository, though no process runs it: we hold the run lock. */
    private static boolean interrupted(JobExecution execution) {
        BatchStatus s = execution.getStatus();
        return s.isRunning() || s == BatchStatus.UNKNOWN
                || execution.getStepExecutions().stream().anyMatch(st -> st.getStatus().isRunning() || st.getStatus() == BatchStatus.UNKNOWN);
    }

    /**
     * Marks a dead execution FAILED so that it can be restarted. {@code JobOperator.recover} (Spring Batch 6) does
     * the job and its running steps, but leaves the exit status as EXECUTING/UNKNOWN (so the history would not say
     * why it stopped) and refuses an execution left UNKNOWN (a process that failed while its database was going
     * away); those are completed here.
     */
    private void recoverInterrupted(JobExecution execution) {
        JobExecution full = repository.getJobExecution(execution.getId());
        if (full == null) full = execution;
        if (full.getStatus().isRunning()) full = operator.recover(full);
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : full.getStepExecutions()) {
            BatchStatus s = step.getStatus();
            boolean dead = s.isRunning() || s == BatchStatus.UNKNOWN
                    || (s == BatchStatus.FAILED && ExitStatus.EXECUTING.getExitCode().equals(step.getExitStatus().getExitCode()));
            if (!dead) continue;
            step.setStatus(BatchStatus.FAILED);
            step.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), INTERRUPTED));
            if (step.getEndTime() == null) step.setEndTime(now);
            repository.update(step);
        }
        full.setStatus(BatchStatus.FAILED);
        full.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), INTERRUPTED));
        if (full.getEndTime() == null) full.setEndTime(now);
        repository.update(full);
        registry.markInterrupted(full, INTERRUPTED);
        log.info("run {} was interrupted; marked FAILED so that it can be resumed", runIdOf(full.getJobInstance()));
    }

    private void checkInputsUnchanged(long runId, JobParameters parameters) {
        String dir = parameters.getString("inputDir");
        String expected = parameters.getString("inputFingerprint");
        if (dir == null || expected == null || !Files.isDirectory(Path.of(dir))) return; // ingest reports a missing directory itself
        String now = InputFiles.scan(Path.of(dir), mappings, parameters.getLocalDate(id.padan.ingest.IngestStage.FILE_DATE)).fingerprint();
        if (!expected.equals(now)) {
            throw new IllegalStateException("the extracts in " + dir + " changed since run " + runId + " started, so it cannot be resumed "
                    + "with the same result; reconcile the new extracts as a new run (padan run --input " + dir + ")");
        }
    }

    private interface Launch {
        JobExecution run() throws Exception;
    }

    private Outcome launch(Launch launch) throws Exception {
        registry.clearCurrentRun();
        try {
            JobExecution execution = launch.run();
            long runId = execution.getExecutionContext().getLong(id.padan.store.RunScope.RUN_ID);
            var row = jdbc.queryForMap("select status, failure_reason from padan.run where run_id = ?", runId);
            return new Outcome(runId, (String) row.get("status"), false, (String) row.get("failure_reason"));
        } catch (Exception | Error e) {
            Long runId = registry.currentRun();
            if (runId == null) throw e;
            throw new RunAbortedException(runId, FailureReasons.describe(e), e);
        } finally {
            registry.clearCurrentRun();
        }
    }

    /** Refusal to start a second run while one is writing the database. */
    public static final class RunInProgressException extends IllegalStateException {
        public RunInProgressException(String message) {
            super(message);
        }
    }

    /** A run that stopped so abruptly (typically: its database went away) that its end could not be recorded. */
    public static final class RunAbortedException extends IllegalStateException {
        private final long runId;

        public RunAbortedException(long runId, String reason, Throwable cause) {
            super("run " + runId + " stopped: " + reason, cause);
            this.runId = runId;
        }

        public long runId() {
            return runId;
        }
    }
}
