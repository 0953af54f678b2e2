package id.padan.run.internal;

import id.padan.schedule.JobDefinition;
import id.padan.schedule.JobDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Makes the scheduler's jobs (in the Quartz tables, shared by every daemon of the database) match the
 * definitions in {@code jobs/}: a new definition is added, a changed cron, time zone or misfire policy replaces
 * the stored trigger, a definition whose file is gone is removed. An unchanged trigger is left as it is, on
 * purpose: replacing it (as Spring's {@code overwrite-existing-jobs} does) would compute its next fire time
 * afresh from now, and a fire that was due while every daemon was down would be lost instead of following the
 * misfire policy.
 */
public final class ScheduleRegistrar {
    public static final String GROUP = "padan";
    private static final String SIGNATURE = "signature";

    private ScheduleRegistrar() {}

    /** Registers the definitions; returns one line per change for the daemon's log. */
    public static List<String> register(Scheduler scheduler, JobDefinitions definitions) throws SchedulerException {
        List<String> changes = new ArrayList<>();
        for (JobDefinition d : definitions.all()) {
            JobKey jobKey = JobKey.jobKey(d.name(), GROUP);
            TriggerKey triggerKey = TriggerKey.triggerKey(d.name(), GROUP);
            JobDetail job = JobBuilder.newJob(ScheduledRunJob.class).withIdentity(jobKey)
                    .withDescription(d.description() == null ? "reconcile " + d.inputDirectory() : d.description())
                    .usingJobData(ScheduledRunJob.DEFINITION, d.name())
                    .requestRecovery(true) // a daemon that dies mid-fire: another one fires it again
                    .storeDurably(true)
                    .build();
            CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(d.cron()).inTimeZone(TimeZone.getTimeZone(d.timeZone()));
            cron = d.misfire() == JobDefinition.Misfire.RUN_ONCE ? cron.withMisfireHandlingInstructionFireAndProceed()
                    : cron.withMisfireHandlingInstructionDoNothing();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey).forJob(jobKey).withSchedule(cron)
                    .usingJobData(SIGNATURE, d.triggerSignature()).build();
            Trigger existing = scheduler.getTrigger(triggerKey);
            scheduler.addJob(job, true, true);
            if (existing == null) {
                scheduler.scheduleJob(trigger);
                changes.add(d.name() + ": added (" + d.triggerSignature() + ")");
            } else if (!d.triggerSignature().equals(existing.getJobDataMap().getString(SIGNATURE))) {
                String before = existing instanceof CronTrigger c ? c.getCronExpression() + " " + c.getTimeZone().getID() : existing.getKey().toString();
                scheduler.rescheduleJob(triggerKey, trigger);
                changes.add(d.name() + ": schedule changed from " + before + " to " + d.triggerSignature());
            }
        }
        Set<String> defined = new java.util.HashSet<>(definitions.all().stream().map(JobDefinition::name).toList());
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!defined.contains(key.getName())) {
                scheduler.deleteJob(key);
                changes.add(key.getName() + ": removed (no longer in " + definitions.dir() + ")");
            }
        }
        return changes;
    }
}
