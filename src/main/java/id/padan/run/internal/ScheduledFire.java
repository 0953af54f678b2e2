package id.padan.run.internal;

import id.padan.ingest.SourceMappings;
import id.padan.run.ReconcileLauncher;
import id.padan.run.ReconcileLauncher.RunAbortedException;
import id.padan.run.ReconcileLauncher.RunInProgressException;
import id.padan.schedule.JobDefinition;
import id.padan.schedule.JobDefinitions;
import id.padan.schedule.NightSelection;
import id.padan.schedule.NightSelector;
import id.padan.schedule.ScheduleLog;
import id.padan.schedule.ScheduleLog.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one fire of a scheduled job does: choose the night's extracts, wait (up to the job's {@code wait-minutes})
 * until every chosen file is completely delivered, every required source has arrived and no other run is writing
 * the database, then hand the files to {@link ReconcileLauncher}, which starts the run, resumes the interrupted
 * run of the same inputs, or recognises them as reconciled already. Every fire is recorded in the schedule log
 * with its outcome, also when it starts no run.
 *
 * <p>The chosen files are hard-linked (symbolic links where hard links are impossible) into
 * {@code <padan.home>/inputs/<job>/<date>/}, which becomes the run's input directory: the run sees exactly the
 * night's files, and a later drop or a cleaned-up drop folder does not change what a restart reads.
 */
public class ScheduledFire {
    private static final Logger log = LoggerFactory.getLogger(ScheduledFire.class);
    private static final int KEEP_STAGED_NIGHTS = 7;

    private final JobDefinitions definitions;
    private final ReconcileLauncher launcher;
    private final ScheduleLog scheduleLog;
    private final NightSelector selector;
    private final DaemonMetrics metrics;
    private final Path home;
    private final Duration poll;

    public ScheduledFire(JobDefinitions definitions, ReconcileLauncher launcher, JdbcTemplate jdbc, SourceMappings mappings,
                         DaemonMetrics metrics, String home, long pollSeconds, long probeMs) {
        this.definitions = definitions;
        this.launcher = launcher;
        this.scheduleLog = new ScheduleLog(jdbc);
        this.selector = new NightSelector(mappings, Duration.ofMillis(probeMs));
        this.metrics = metrics;
        this.home = Path.of(home).toAbsolutePath().normalize();
        this.poll = Duration.ofSeconds(Math.max(1, pollSeconds));
    }

    /**
     * Runs one fire of job {@code name}, due at {@code scheduledAt}, to its end. Never throws: what went wrong is
     * recorded in the schedule log and in the daemon's log.
     */
    public Outcome fire(String name, Instant scheduledAt, boolean recovering, String node) {
        long fireId = scheduleLog.begin(name, scheduledAt, node, ProcessHandle.current().pid(), recovering);
        if (scheduleLog.markAbandoned(name, fireId) > 0) log.info("{}: an earlier fire was left unfinished by a daemon that ended", name);
        JobDefinition job = definitions.byName(name).orElse(null);
        Outcome outcome;
        try {
            if (job == null) {
                outcome = finish(fireId, name, Outcome.ERROR, null, null, "no job named '" + name + "' in this daemon's " + definitions.dir()
                        + " (all daemons of one database must share the same job definitions)");
            } else {
                log.info("{}: fired{} (due {})", name, recovering ? " again, recovering the fire of a daemon that died" : "", scheduledAt);
                outcome = fire(fireId, job, scheduledAt == null ? Instant.now() : scheduledAt);
            }
        } catch (RuntimeException e) {
            log.error("{}: the fire failed: {}", name, FailureReasons.describe(e), e);
            outcome = finish(fireId, name, Outcome.ERROR, null, null, FailureReasons.describe(e));
        }
        return outcome;
    }

    private Outcome fire(long fireId, JobDefinition job, Instant scheduledAt) {
        Instant deadline = Instant.now().plus(job.waitForInputs());
        NightSelection night;
        boolean announced = false;
        while (true) {
            night = selector.select(job);
            if (!night.problems().isEmpty()) {
                return finish(fireId, job.name(), Outcome.INPUT_PROBLEM, null, night.inputDate(), night.describe());
            }
            List<String> missing = night.missingRequired(job.requiredSources());
            boolean complete = missing.isEmpty() && !night.files().isEmpty();
            if (complete && night.ready()) break;
            if (!Instant.now().isBefore(deadline)) {
                Outcome why = complete ? Outcome.NOT_READY : Outcome.MISSING_SOURCE;
                String detail = (complete ? "files not completely delivered after " : "required source(s) " + (missing.isEmpty() ? "(all)" : missing)
                        + " still missing after ") + minutes(job.waitForInputs()) + ": " + night.describe();
                log.warn("{}: no run: {}", job.name(), detail);
                return finish(fireId, job.name(), why, null, night.inputDate(), detail);
            }
            if (!announced) {
                log.info("{}: waiting (up to {}) for the night's extracts: {}", job.name(), minutes(job.waitForInputs()), night.describe());
                scheduleLog.update(fireId, Outcome.WAITING, null, night.inputDate(), night.describe(), false);
                announced = true;
            }
            sleep(poll);
        }
        ZonedDateTime due = scheduledAt.atZone(job.timeZone());
        LocalDate asOf = job.asOf().dateFor(due, night.inputDate());
        if (asOf == null) asOf = due.toLocalDate();
        Path staged = stage(job, night, due.toLocalDate());
        scheduleLog.update(fireId, Outcome.RUNNING, null, night.inputDate(), "as-of " + asOf + ": " + night.describe(), false);
        log.info("{}: reconciling {} file(s) as of {}", job.name(), night.files().size(), asOf);
        while (true) {
            try {
                long start = System.nanoTime();
                ReconcileLauncher.Outcome run = launcher.start(staged, asOf, null, job.outputDirectory(), false, job.allowPartial()); // staged holds the chosen files only
                if (run.alreadyDone()) {
                    log.info("{}: these extracts were already reconciled as of {} by run {}; no new run", job.name(), asOf, run.runId());
                    return finish(fireId, job.name(), Outcome.ALREADY_DONE, run.runId(), night.inputDate(), "already reconciled by run " + run.runId());
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                metrics.runFinished(job.name(), run.status(), took);
                if (run.completed()) {
                    log.info("{}: run {} COMPLETED in {} s", job.name(), run.runId(), took.toSeconds());
                    return finish(fireId, job.name(), Outcome.COMPLETED, run.runId(), night.inputDate(), "as-of " + asOf + ": " + night.describe());
                }
                log.warn("{}: run {} FAILED: {} (resume: padan restart {})", job.name(), run.runId(), run.failureReason(), run.runId());
                return finish(fireId, job.name(), Outcome.FAILED, run.runId(), night.inputDate(), run.failureReason());
            } catch (RunInProgressException busy) {
                if (!Instant.now().isBefore(deadline)) {
                    return finish(fireId, job.name(), Outcome.REFUSED, null, night.inputDate(), busy.getMessage());
                }
                log.info("{}: another run is writing the database; waiting", job.name());
                sleep(poll);
            } catch (id.padan.ingest.RunRefusedException refused) {
                log.warn("{}: {}", job.name(), refused.getMessage());
                return finish(fireId, job.name(), Outcome.REFUSED, null, night.inputDate(), refused.getMessage());
            } catch (RunAbortedException aborted) {
                log.error("{}: {}; resume with: padan restart {}", job.name(), aborted.getMessage(), aborted.runId());
                return finish(fireId, job.name(), Outcome.FAILED, aborted.runId(), night.inputDate(), aborted.getMessage());
            } catch (Exception e) {
                throw new IllegalStateException(FailureReasons.describe(e), e);
            }
        }
    }

    private Outcome finish(long fireId, String job, Outcome outcome, Long runId, LocalDate inputDate, String detail) {
        try {
            scheduleLog.update(fireId, outcome, runId, inputDate, detail, true);
        } catch (RuntimeException e) {
            log.error("{}: cannot record the fire's outcome {} ({}): {}", job, outcome, detail, FailureReasons.describe(e));
        }
        metrics.fired(job, outcome.name());
        return outcome;
    }

    /** Links the chosen files into this night's input directory of the job, replacing what an earlier fire put there. */
    Path stage(JobDefinition job, NightSelection night, LocalDate fireDate) {
        Path jobDir = home.resolve("inputs").resolve(job.name());
        Path dir = jobDir.resolve(night.inputDate() != null ? night.inputDate().toString() : fireDate.toString());
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) Files.deleteIfExists(p);
            }
            for (Path f : night.files().values()) {
                Path link = dir.resolve(f.getFileName());
                try {
                    Files.createLink(link, f);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.createSymbolicLink(link, f.toAbsolutePath());
                }
            }
            prune(jobDir, dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the input directory " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** Keeps the newest nights' input directories (a restart of an older run then reports that its files are gone). */
    private static void prune(Path jobDir, Path keep) throws IOException {
        List<Path> nights;
        try (Stream<Path> s = Files.list(jobDir)) {
            nights = s.filter(Files::isDirectory).sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
        for (Path old : nights.stream().skip(KEEP_STAGED_NIGHTS).toList()) {
            if (old.equals(keep)) continue;
            try (Stream<Path> files = Files.list(old)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(old);
        }
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + " min";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the daemon is shutting down", e);
        }
    }
}
