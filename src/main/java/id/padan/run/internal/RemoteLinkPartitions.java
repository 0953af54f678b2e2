package id.padan.run.internal;

import id.padan.link.LinkStage;
import id.padan.store.RunScope;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.support.MessageBuilder;

/**
 * The run's side of remote partitioning ({@code padan run --remote-workers}), for either partitioned step of link (its
 * exact-NIK partitions, the parts of its search): Spring Batch's
 * {@link MessageChannelPartitionHandler} in its polling mode, exactly as {@code RemotePartitioningManagerStepBuilder}
 * builds it (requests on the channel of {@link PartitionRequests}, the job repository polled every {@code poll} for the
 * partitions' step executions, no reply channel), with two things the builder has no place for:
 * <ul>
 * <li>a partition whose worker died (left STARTED, or STARTING with its request taken, and its claim free:
 *     {@link PartitionRequests}) is handed out again,
 *     on the same step execution, naming the lost worker in its context ({@link PartitionRequests#LOST_WORKERS});</li>
 * <li>the wait is bounded: after {@code timeout} the partitions not done are marked FAILED, each saying whether a worker
 *     had taken it, and the step fails naming them; {@code padan restart} then runs only those again.</li>
 * </ul>
 */
final class RemoteLinkPartitions extends MessageChannelPartitionHandler {
    private static final Logger log = LoggerFactory.getLogger(RemoteLinkPartitions.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private final JobRepository repository;
    private final DataSource dataSource;
    private final MessagingTemplate requests;
    private final Duration poll;
    private final Duration timeout;
    /** The step each partition runs ({@link LinkStage#PARTITION_STEP} or {@link LinkStage#SEARCH_PART_STEP}). */
    private final String stepName;
    /** What the partitions are called in what this says: "link partitions", "search parts". */
    private final String what;

    RemoteLinkPartitions(String stepName, String what, JobRepository repository, DataSource dataSource, Duration poll, Duration timeout, int gridSize) {
        this.stepName = stepName;
        this.what = what;
        this.repository = repository;
        this.dataSource = dataSource;
        this.poll = poll;
        this.timeout = timeout;
        this.requests = new MessagingTemplate(PartitionRequests.channel(dataSource));
        setStepName(stepName);
        setMessagingOperations(requests);
        setJobRepository(repository);
        setPollInterval(poll.toMillis());
        setTimeout(timeout.toMillis());
        setGridSize(gridSize);
        try {
            afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        if (partitions.isEmpty()) return partitions;
        long runId = manager.getJobExecution().getExecutionContext().getLong(RunScope.RUN_ID);
        Set<Long> ids = partitions.stream().map(StepExecution::getId).collect(Collectors.toSet());
        log.info("link: {} {} of run {} handed to workers (padan worker on this database); waiting up to {}", partitions.size(), what, runId,
                describe(timeout));
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, stepName + "-watch");
            t.setDaemon(true);
            return t;
        });
        Set<Long> takenUnclaimed = new java.util.HashSet<>();
        watch.scheduleWithFixedDelay(() -> handOutAgainIfWorkerDied(runId, ids, takenUnclaimed), poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return super.doHandle(manager, partitions);
        } catch (TimeoutException e) {
            watch.shutdownNow();
            watch.awaitTermination(1, TimeUnit.MINUTES);
            throw notDone(runId, ids);
        } finally {
            watch.shutdownNow();
        }
    }

    /**
     * Hands out again each partition whose worker is gone: one left STARTED whose claim is free, and one still STARTING
     * whose request a worker took (it is no longer {@link PartitionRequests#waiting} on the channel) but which nobody
     * claims, seen so at two checks in a row (a worker takes the request a moment before it claims the partition).
     */
    private void handOutAgainIfWorkerDied(long runId, Set<Long> ids, Set<Long> takenUnclaimed) {
        try {
            Set<Long> waiting = null;
            for (Long id : ids) {
                StepExecution s = repository.getStepExecution(id);
                if (s == null) continue;
                BatchStatus seen = s.getStatus();
                if (seen == BatchStatus.STARTING) {
                    if (waiting == null) waiting = PartitionRequests.waiting(dataSource);
                    if (waiting.contains(id)) {
                        takenUnclaimed.remove(id);
                        continue;
                    }
                } else if (seen != BatchStatus.STARTED) {
                    continue;
                }
                int claim = LinkStage.claimOf(s.getStepName(), s.getExecutionContext());
                String worker;
                try (Connection c = dataSource.getConnection()) {
                    if (!PartitionRequests.tryClaim(c, runId, claim)) { // its worker is at it
                        takenUnclaimed.remove(id);
                        continue;
                    }
                    try {
                        StepExecution fresh = repository.getStepExecution(id); // it may have moved on just before the claim was taken
                        if (fresh == null || fresh.getStatus() != seen) continue;
                        if (seen == BatchStatus.STARTING && takenUnclaimed.add(id)) continue; // check again at the next poll
                        takenUnclaimed.remove(id);
                        worker = fresh.getExecutionContext().getString(PartitionRequests.WORKER, "a worker");
                        String lost = fresh.getExecutionContext().getString(PartitionRequests.LOST_WORKERS, "");
                        fresh.getExecutionContext().putString(PartitionRequests.LOST_WORKERS,
                                (lost.isEmpty() ? "" : lost + ", ") + worker + " (gone by " + CLOCK.format(LocalDateTime.now()) + ")");
                        fresh.getExecutionContext().remove(PartitionRequests.WORKER);
                        fresh.setStatus(BatchStatus.STARTING);
                        repository.update(fresh);
                        repository.updateExecutionContext(fresh);
                    } finally {
                        PartitionRequests.release(c, runId, claim);
                    }
                }
                log.warn("link: worker {} stopped {} {} {} of run {}; handing it out again", worker,
                        seen == BatchStatus.STARTED ? "while running" : "after taking", stepName, partitionName(s), runId);
                requests.send(MessageBuilder.withPayload(new StepExecutionRequest(stepName, id))
                        .setCorrelationId(s.getJobExecutionId() + ":" + stepName).build());
            }
        } catch (Exception e) {
            log.warn("link: could not check the workers of run {}'s {} ({}); trying again in {}", runId, what, e.getMessage(), describe(poll));
        }
    }

    /** Marks the partitions not done FAILED (so that a restart runs them again) and says which they were. */
    private IllegalStateException notDone(long runId, Set<Long> ids) {
        List<String> open = new ArrayList<>();
        LocalDateTime now = LocalDateTime.now();
        for (Long id : ids) {
            StepExecution s = repository.getStepExecution(id);
            if (s == null || !s.getStatus().isRunning()) continue;
            String worker = s.getExecutionContext().getString(PartitionRequests.WORKER, null);
            String state = s.getStatus() == BatchStatus.STARTED ? "taken by " + (worker == null ? "a worker" : worker) + ", not finished"
                    : worker != null ? "taken by " + worker + ", not started" : "taken by no worker";
            open.add(partitionName(s) + " (" + state + ")");
            s.setStatus(BatchStatus.FAILED);
            s.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), "not done by a worker within " + describe(timeout) + ": " + state));
            if (s.getEndTime() == null) s.setEndTime(now);
            try {
                repository.update(s);
            } catch (RuntimeException raced) {
                log.debug("link: partition {} changed while being marked failed: {}", partitionName(s), raced.getMessage());
            }
        }
        open.sort(null);
        return new IllegalStateException(String.format(Locale.ROOT, "%d of %d " + what + " not done by a worker within %s: %s; "
                + "with padan worker running against this database, padan restart %d runs them", open.size(), ids.size(), describe(timeout),
                String.join(", ", open), runId));
    }

    private static String partitionName(StepExecution s) {
        String name = s.getStepName();
        return name.substring(name.indexOf(':') + 1);
    }

    static String describe(Duration d) {
        long s = d.toSeconds();
        if (s < 120) return s + " s";
        if (s < 7200) return (s / 60) + " min";
        return String.format(Locale.ROOT, "%dh%02d", s / 3600, (s % 3600) / 60);
    }
}
