package id.padan.run.internal;

import id.padan.deliver.DeliverStage;
import id.padan.findings.FindingsStage;
import id.padan.ingest.IngestStage;
import id.padan.link.LinkStage;
import id.padan.publish.PublishStage;
import id.padan.resolve.ResolveStage;
import id.padan.review.ReviewStage;
import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import java.time.Duration;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job {@code reconcile}: ingest, link (split into partitions, then the search over what they leave, in parts, then
 * the deduplication of what the search leaves unlinked), resolve,
 * findings, review (what reviewers' decisions did), publish, deliver.
 * Every stage replaces its own output for the run when it starts, so a restart resumes at the
 * failed step and nothing is written twice. Before each stage the run checks that it still holds the run lock
 * ({@link RunLock}).
 */
@Configuration(proxyBeanMethods = false)
public class ReconcileJobConfiguration {
    public static final String JOB = "reconcile";
    /**
     * Job parameter (not identifying; a restart keeps it): {@code true} when link's partitions go to {@code padan worker}
     * processes ({@code padan run --remote-workers}) instead of this process's threads.
     */
    public static final String REMOTE_WORKERS = "remoteWorkers";

    @Bean
    public Job reconcileJob(JobRepository repository, RunRegistry registry, RunLock runLock, StageDelayForTests testDelay,
                            IngestStage ingest, LinkStage link, ResolveStage resolve, FindingsStage findings,
                            ReviewStage review, PublishStage publish, DeliverStage deliver, Environment env, javax.sql.DataSource dataSource)
            throws Exception {
        PlatformTransactionManager tx = new ResourcelessTransactionManager();
        List<StepExecutionListener> listeners = listeners(testDelay, runLock);
        return new JobBuilder(JOB, repository)
                .listener(registry)
                .start(step(IngestStage.NAME, ingest, repository, tx, listeners))
                .next(partitioned(LinkStage.NAME, LinkStage.PARTITION_STEP, "link partitions", link, linkPartitionStep(link, repository, tx, listeners),
                        link.partitionsSetting(), repository, listeners, env, dataSource))
                .next(partitioned(LinkStage.SEARCH_STEP, LinkStage.SEARCH_PART_STEP, "search parts", link.searchPartitioner(),
                        searchPartStep(link, repository, tx, listeners), 0, repository, listeners, env, dataSource))
                .next(step(LinkStage.DEDUP_STEP, link.dedupTasklet(), repository, tx, listeners))
                .next(step(ResolveStage.NAME, resolve, repository, tx, listeners))
                .next(step(FindingsStage.NAME, findings, repository, tx, listeners))
                .next(step(ReviewStage.NAME, review, repository, tx, listeners))
                .next(step(PublishStage.NAME, publish, repository, tx, listeners))
                .next(step(DeliverStage.NAME, deliver, repository, tx, listeners))
                .build();
    }

    /**
     * A partitioned step of link, Spring Batch's way: the manager step {@code name} splits the work ({@code splitter}:
     * link's partitions of the run, {@link LinkStage#partition}, or the parts of its search, {@link LinkStage#searchPartitioner})
     * and hands each partition to the step {@code partitionStep}, either on a pool of {@code padan.link.threads}
     * threads of this process (default 1: a partition already uses every core, and each thread holds a partition in
     * memory), or, when the run was started with {@value #REMOTE_WORKERS}, as requests to {@code padan worker} processes
     * on the same database ({@link RemoteLinkPartitions}). Each partition is a step execution of its own, so a resumed run
     * reruns only those that had not completed.
     */
    private static Step partitioned(String name, String partitionName, String what, org.springframework.batch.core.partition.Partitioner splitter,
                                    Step partitionStep, int gridSize, JobRepository repository, List<StepExecutionListener> listeners,
                                    Environment env, javax.sql.DataSource dataSource) throws Exception {
        var threads = new org.springframework.core.task.SimpleAsyncTaskExecutor(partitionName + "-");
        threads.setConcurrencyLimit(Math.max(1, env.getProperty("padan.link.threads", Integer.class, 1)));
        var local = new TaskExecutorPartitionHandler();
        local.setStep(partitionStep);
        local.setTaskExecutor(threads);
        local.setGridSize(gridSize);
        local.afterPropertiesSet();
        var remote = new RemoteLinkPartitions(partitionName, what, repository, dataSource,
                env.getProperty("padan.link.remote.poll", Duration.class, Duration.ofSeconds(5)),
                env.getProperty("padan.link.remote.timeout", Duration.class, Duration.ofHours(6)), gridSize);
        PartitionHandler handler = (stepSplitter, manager) -> Boolean.parseBoolean(manager.getJobParameters().getString(REMOTE_WORKERS, "false"))
                ? remote.handle(stepSplitter, manager) : local.handle(stepSplitter, manager);
        var builder = new StepBuilder(name, repository).partitioner(partitionName, splitter).partitionHandler(handler);
        for (StepExecutionListener l : listeners) builder.listener(l);
        return builder.build();
    }

    /** What listens to every step: the run lock's check, and the test-only delays when set. */
    static List<StepExecutionListener> listeners(StageDelayForTests testDelay, RunLock runLock) {
        return testDelay.enabled() ? List.of(testDelay, runLock) : List.of(runLock);
    }

    /** The step that runs one partition of link in this process (a worker builds its own on the same tasklet and listeners: {@link LinkWorker}). */
    static Step linkPartitionStep(LinkStage link, JobRepository repository, PlatformTransactionManager tx, List<StepExecutionListener> listeners) {
        return step(LinkStage.PARTITION_STEP, link.partitionTasklet(), repository, tx, listeners);
    }

    /** The step that runs one part of link's search in this process (a worker builds its own the same way: {@link LinkWorker}). */
    static Step searchPartStep(LinkStage link, JobRepository repository, PlatformTransactionManager tx, List<StepExecutionListener> listeners) {
        return step(LinkStage.SEARCH_PART_STEP, link.searchPartTasklet(), repository, tx, listeners);
    }

    /** The test-only delays of {@link StageDelayForTests}; inert unless a {@code padan.test.*} property is set. */
    @Bean
    static StageDelayForTests stageDelayForTests(Environment env) {
        return new StageDelayForTests(env.getProperty("padan.test.pause-before-stages", ""), env.getProperty("padan.test.pause-ms", Long.class, 0L),
                env.getProperty("padan.test.slow-stages", ""), env.getProperty("padan.test.slow-connection-ms", Long.class, 0L));
    }

    private static Step step(String name, Tasklet tasklet, JobRepository repository, PlatformTransactionManager tx,
                             List<StepExecutionListener> listeners) {
        // Each stage manages its own transactions on its own connections (COPY, long work, several threads),
        // so the step itself runs without one; Spring Batch's bookkeeping has its own transactions.
        var builder = new StepBuilder(name, repository).tasklet(tasklet, tx);
        for (StepExecutionListener l : listeners) builder.listener(l);
        return builder.build();
    }
}
