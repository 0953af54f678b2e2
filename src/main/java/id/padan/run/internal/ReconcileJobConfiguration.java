package id.padan.run.internal;

import id.padan.deliver.DeliverStage;
import id.padan.findings.FindingsStage;
import id.padan.ingest.IngestStage;
import id.padan.link.LinkStage;
import id.padan.publish.PublishStage;
import id.padan.resolve.ResolveStage;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job {@code reconcile}: ingest, link, resolve, findings, publish, deliver, one step each.
 * Every stage replaces its own output for the run when it starts, so a restart resumes at the
 * failed step and nothing is written twice.
 */
@Configuration(proxyBeanMethods = false)
public class ReconcileJobConfiguration {
    public static final String JOB = "reconcile";

    @Bean
    public Job reconcileJob(JobRepository repository, RunRegistry registry,
                            IngestStage ingest, LinkStage link, ResolveStage resolve, FindingsStage findings,
                            PublishStage publish, DeliverStage deliver) {
        PlatformTransactionManager tx = new ResourcelessTransactionManager();
        return new JobBuilder(JOB, repository)
                .listener(registry)
                .start(step(IngestStage.NAME, ingest, repository, tx))
                .next(step(LinkStage.NAME, link, repository, tx))
                .next(step(ResolveStage.NAME, resolve, repository, tx))
                .next(step(FindingsStage.NAME, findings, repository, tx))
                .next(step(PublishStage.NAME, publish, repository, tx))
                .next(step(DeliverStage.NAME, deliver, repository, tx))
                .build();
    }

    private static Step step(String name, Tasklet tasklet, JobRepository repository, PlatformTransactionManager tx) {
        // Each stage manages its own transactions on its own connections (COPY, long work, several threads),
        // so the step itself runs without one; Spring Batch's bookkeeping has its own transactions.
        return new StepBuilder(name, repository).tasklet(tasklet, tx).build();
    }
}
