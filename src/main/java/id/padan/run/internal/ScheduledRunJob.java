package id.padan.run.internal;

import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * The Quartz job behind every definition in {@code jobs/}: it only hands the fire to {@link ScheduledFire}, which
 * starts {@code reconcile} through the launcher. Never two at once for one definition, in the whole cluster.
 * When the daemon firing it dies, another daemon of the cluster fires it again ({@code requestsRecovery}), and the
 * launcher resumes the interrupted run of the same inputs.
 */
@DisallowConcurrentExecution
public class ScheduledRunJob implements Job {
    /** Job data key: the definition's name. */
    public static final String DEFINITION = "definition";

    private final ScheduledFire fire;

    public ScheduledRunJob(ScheduledFire fire) {
        this.fire = fire;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String name = context.getMergedJobDataMap().getString(DEFINITION);
        Instant due = context.getScheduledFireTime() == null ? null : context.getScheduledFireTime().toInstant();
        if (context.isRecovering() && context.getMergedJobDataMap().containsKey(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS)) {
            due = Instant.ofEpochMilli(Long.parseLong(String.valueOf(
                    context.getMergedJobDataMap().get(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS))));
        }
        String node;
        try {
            node = context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            node = "?";
        }
        fire.fire(name, due, context.isRecovering(), node);
    }
}
