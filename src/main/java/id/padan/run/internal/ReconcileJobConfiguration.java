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
 * The job {@code reconcile}: ingest, link (split into partitions, then the search over what they leave), resolve,
 * findings, review (what reviewers' decisions did), publish, deliver.
 * Every stage replaces its own output for the run when it starts, so a restart resumes at the
 * failed step and nothing is written twice. Before each stage the run checks that it still holds the run lock
 * ({@link RunLock}).
 */
@Configuration(proxyBeanMethods = false)
public class ReconcileJobConfiguration {
    public static final String JOB = "reconcile";

    @Bean
    public Job reconcileJob(JobRepository repository, RunRegistry registry, RunLock runLock, StageDelayForTests testDelay,
                            IngestStage ingest, LinkStage link, ResolveStage resolve, FindingsStage findings,
                            ReviewStage review, PublishStage publish, DeliverStage deliver, Environment env) {
        PlatformTransactionManager tx = new ResourcelessTransactionManager();
        List<StepExecutionListener> listeners = testDelay.enabled() ? List.of(testDelay, runLock) : List.of(runLock);
        return new JobBuilder(JOB, repository)
                .listener(registry)
                .start(step(IngestStage.NAME, ingest, repository, tx, listeners))
                .next(linkPartitions(link, repository, tx, listeners, env))
                .next(step(LinkStage.SEARCH_STEP, link.searchTasklet(), repository, tx, listeners))
                .next(step(ResolveStage.NAME, resolve, repository, tx, listeners))
                .next(step(FindingsStage.NAME, findings, repository, tx, listeners))
                .next(step(ReviewStage.NAME, review, repository, tx, listeners))
                .next(step(PublishStage.NAME, publish, repository, tx, listeners))
                .next(step(DeliverStage.NAME, deliver, repository, tx, listeners))
                .build();
    }

    /**
     * Link's partitions, Spring Batch's way: the step {@value LinkStage#NAME} splits the run ({@link LinkStage#partition})
     * and hands each partition to the step {@value LinkStage#PARTITION_STEP} on a pool of {@code padan.link.threads}
     * threads (default 1: a partition already uses every core, and each thread holds a partition in memory). Each
     * partition is a step execution of its own, so a resumed run reruns only those that had not completed.
     */
    private static Step linkPartitions(LinkStage link, JobRepository repository, PlatformTransactionManager tx, List<StepExecutionListener> listeners,
                                       Environment env) {
        Step worker = step(LinkStage.PARTITION_STEP, link.partitionTasklet(), repository, tx, listeners);
        var threads = new org.springframework.core.task.SimpleAsyncTaskExecutor("link-partition-");
        threads.setConcurrencyLimit(Math.max(1, env.getProperty("padan.link.threads", Integer.class, 1)));
        var builder = new StepBuilder(LinkStage.NAME, repository).partitioner(LinkStage.PARTITION_STEP, link).step(worker)
                .gridSize(link.partitionsSetting()).taskExecutor(threads);
        for (StepExecutionListener l : listeners) builder.listener(l);
        return builder.build();
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
