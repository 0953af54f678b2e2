package id.padan.run.internal;

import id.padan.link.LinkStage;
import id.padan.store.RunScope;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.support.MessageBuilder;

/**
 * {@code padan worker}: takes link partitions of any run on its database from the channel of {@link PartitionRequests}
 * and runs them with a step on the same tasklet and listeners as a run's in-process one
 * ({@link ReconcileJobConfiguration#linkPartitionStep}), built by Spring Batch's {@link RemotePartitioningWorkerStepBuilder}. The step the builder's request handler runs is
 * {@link #claiming}: it runs a partition only when
 * <ul>
 * <li>it holds the partition's claim (waiting for it while another worker is at the same partition: a request
 *     delivered twice, or handed out again while a worker presumed dead was only slow),</li>
 * <li>the partition's step execution is still STARTING (not done, not run by another worker, not given up by its run),</li>
 * <li>and its run is running, with its process holding the run lock;</li>
 * </ul>
 * otherwise it leaves the request, saying why. It records itself ({@link PartitionRequests#WORKER}) in the partition's
 * step execution. {@link #stop} lets the partition in hand finish; a request taken after it goes back on the channel.
 */
public final class LinkWorker {
    private static final Logger log = LoggerFactory.getLogger(LinkWorker.class);
    private final JobRepository repository;
    private final DataSource dataSource;
    private final RunLock runLock;
    private final IntegrationFlowContext flows;
    private final QueueChannel requests;
    private final Duration poll;
    private final StageDelayForTests testDelay;
    private final String me = PartitionRequests.thisWorker();
    /** The steps a request may name, by name: link's partitions and the parts of its search. */
    private final java.util.Map<String, Step> steps = new java.util.HashMap<>();
    /** What the request handler runs for each of them: {@link Claiming}. */
    private final java.util.Map<String, Step> claiming = new java.util.HashMap<>();
    private final Object monitor = new Object();
    private boolean stopping;
    private boolean inHand;
    private int done;

    LinkWorker(JobRepository repository, DataSource dataSource, RunLock runLock, LinkStage link, StageDelayForTests testDelay,
               BeanFactory beans, IntegrationFlowContext flows, Duration poll) {
        this.repository = repository;
        this.dataSource = dataSource;
        this.runLock = runLock;
        this.flows = flows;
        this.poll = poll;
        this.testDelay = testDelay;
        this.requests = PartitionRequests.channel(dataSource);
        this.taken = new DirectChannel();
        // The builder registers (not started) the flow: requests on `taken` -> its request handler -> the step our locator names.
        // The request handler is the builder's; the search's parts are a second step it finds through the same locator.
        var builder = new RemotePartitioningWorkerStepBuilder(LinkStage.PARTITION_STEP, repository)
                .inputChannel(taken)
                .stepLocator(claiming::get)
                .beanFactory(beans);
        var listeners = ReconcileJobConfiguration.listeners(testDelay, runLock);
        for (var l : listeners) builder.listener(l);
        var tx = new ResourcelessTransactionManager();
        steps.put(LinkStage.PARTITION_STEP, builder.tasklet(link.partitionTasklet(), tx).build());
        steps.put(LinkStage.SEARCH_PART_STEP, ReconcileJobConfiguration.searchPartStep(link, repository, tx, listeners));
        for (String name : steps.keySet()) claiming.put(name, new Claiming(name));
    }

    private final DirectChannel taken;

    /** Who this worker is in the partitions' records: host name and process id. */
    public String name() {
        return me;
    }

    /** Starts taking requests: the builder's flow first, then the poller that moves requests from the database to it. */
    public void start() {
        flows.getRegistry().values().forEach(r -> r.start());
        flows.registration(IntegrationFlow.from(requests)
                        .bridge(e -> e.poller(Pollers.fixedDelay(poll).maxMessagesPerPoll(1)))
                        .channel(taken)
                        .get())
                .id("padan-link-partition-requests").register();
    }

    /** Takes no further partition and waits for the one in hand (if any) to finish. */
    public void stop() throws InterruptedException {
        synchronized (monitor) {
            stopping = true;
            if (inHand) log.info("worker {}: stopping once the partition in hand is done", me);
            while (inHand) monitor.wait();
        }
        log.info("worker {} stopped after {} partition(s)", me, done);
    }

    /** The step the request handler runs for a request of step {@code name}: the checks above, then the partition. */
    private final class Claiming implements Step {
        private final String name;

        Claiming(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public void execute(StepExecution request) throws JobInterruptedException {
            synchronized (monitor) {
                if (stopping) {
                    requests.send(MessageBuilder.withPayload(new StepExecutionRequest(name, request.getId())).build());
                    return;
                }
                inHand = true;
            }
            try {
                runClaimed(request, steps.get(name));
            } catch (JobInterruptedException e) {
                throw e;
            } catch (Exception e) {
                log.warn("worker {}: request for step execution {} not run: {}", me, request.getId(), FailureReasons.describe(e));
            } finally {
                synchronized (monitor) {
                    inHand = false;
                    monitor.notifyAll();
                }
            }
        }
    }

    private void runClaimed(StepExecution request, Step step) throws Exception {
        long runId = request.getJobExecution().getExecutionContext().getLong(RunScope.RUN_ID);
        int p = LinkStage.claimOf(request.getStepName(), request.getExecutionContext());
        String what = (step.getName().equals(LinkStage.SEARCH_PART_STEP) ? "search part " : "partition ")
                + request.getStepName().substring(request.getStepName().indexOf(':') + 1) + " of run " + runId;
        try (Connection claim = dataSource.getConnection()) {
            claim.setAutoCommit(true);
            PartitionRequests.claim(claim, runId, p);
            try {
                StepExecution s = repository.getStepExecution(request.getId());
                if (s == null) {
                    log.info("worker {}: {} no longer exists (pruned); request dropped", me, what);
                    return;
                }
                if (s.getStatus() != BatchStatus.STARTING) {
                    log.info("worker {}: {} is {} already; request dropped", me, what, s.getStatus());
                    return;
                }
                if (!s.getJobExecution().getStatus().isRunning() || !runLock.heldByAnyone()) {
                    log.info("worker {}: run {} is not running any more; request for {} dropped (a restart of the run hands it out again)", me, runId, what);
                    return;
                }
                s.getExecutionContext().putString(PartitionRequests.WORKER, me);
                repository.updateExecutionContext(s);
                log.info("worker {}: running {}", me, what);
                testDelay.afterTaken(step.getName());
                long t0 = System.nanoTime();
                step.execute(s);
                done++;
                log.info("worker {}: {} {} in {} s", me, what, s.getStatus(), String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
            } finally {
                PartitionRequests.release(claim, runId, p);
            }
        }
    }
}
