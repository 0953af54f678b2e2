package id.padan.run.internal;

import id.padan.schedule.JobDefinition;
import id.padan.schedule.JobDefinitions;
import id.padan.schedule.ScheduleLog;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health of the daemon's scheduling ({@code /actuator/health}, component {@code schedule}): UP while the
 * scheduler runs; details give each job's next and previous fire (WIB) and what its last fire did.
 */
public class ScheduleHealthIndicator extends AbstractHealthIndicator {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.of("Asia/Jakarta"));
    private final Scheduler scheduler;
    private final JobDefinitions definitions;
    private final ScheduleLog scheduleLog;

    public ScheduleHealthIndicator(Scheduler scheduler, JobDefinitions definitions, JdbcTemplate jdbc) {
        super("schedule health check failed");
        this.scheduler = scheduler;
        this.definitions = definitions;
        this.scheduleLog = new ScheduleLog(jdbc);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        boolean running = scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
        builder.status(running ? "UP" : "DOWN").withDetail("node", scheduler.getSchedulerInstanceId());
        Map<String, Object> jobs = new LinkedHashMap<>();
        for (JobDefinition d : definitions.all()) {
            Map<String, Object> j = new LinkedHashMap<>();
            Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(d.name(), ScheduleRegistrar.GROUP));
            j.put("cron", d.cron() + " " + d.timeZone().getId());
            j.put("nextFire", t == null || t.getNextFireTime() == null ? "-" : TIME.format(t.getNextFireTime().toInstant()));
            j.put("previousFire", t == null || t.getPreviousFireTime() == null ? "-" : TIME.format(t.getPreviousFireTime().toInstant()));
            scheduleLog.recent(d.name(), 1).stream().findFirst().ifPresent(f -> {
                j.put("lastOutcome", f.outcome());
                if (f.runId() != null) j.put("lastRun", f.runId());
            });
            jobs.put(d.name(), j);
        }
        builder.withDetail("jobs", jobs);
    }
}
