package id.padan.run;

import id.padan.ingest.SourceMappings;
import id.padan.run.internal.ScheduleRegistrar;
import id.padan.schedule.JobDefinition;
import id.padan.schedule.JobDefinitions;
import id.padan.schedule.ScheduleLog;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import org.quartz.CronExpression;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padan jobs}: the scheduled jobs, their next fire times and what their last fire did. */
@Command(name = "jobs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the scheduled jobs of the jobs directory: schedule, input, as-of rule and output, the next fire "
                + "times (WIB), whether the daemons have registered the job (and the next fire they hold), and what the "
                + "job's last fire did.",
                "",
                "The definitions are checked as 'padan daemon' checks them: exit status 1 with every problem listed when "
                + "one is broken. --check only checks them (no database needed).",
                ""})
public final class JobsCommand implements Callable<Integer> {
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @Option(names = "--jobs", paramLabel = "DIR", defaultValue = "${env:PADAN_JOBS:-jobs}",
            description = "directory of the job definitions (default: ${DEFAULT-VALUE})")
    Path jobs;

    @Mixin
    ConfigOption config;

    @Option(names = "--check", description = "only check the definitions")
    boolean check;

    @Option(names = "--next", paramLabel = "N", defaultValue = "3", description = "how many next fire times to show (default: ${DEFAULT-VALUE})")
    int next;

    @Override
    public Integer call() throws Exception {
        JobDefinitions definitions = Cli.jobDefinitionsOrReport(jobs, config.dir);
        if (definitions == null) return 1;
        if (definitions.all().isEmpty()) System.out.println("no job definitions (*.yml) in " + jobs.toAbsolutePath());
        for (JobDefinition d : definitions.all()) describe(d);
        if (check) {
            System.out.println(definitions.all().size() + " job definition(s) in " + jobs.toAbsolutePath() + ": OK");
            return 0;
        }
        try (var ctx = config.start()) {
            Scheduler scheduler = ctx.getBean(Scheduler.class);
            ScheduleLog fires = new ScheduleLog(ctx.getBean(JdbcTemplate.class));
            System.out.println("registered with the daemons (Quartz tables of this database):");
            for (JobDefinition d : definitions.all()) {
                Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(d.name(), ScheduleRegistrar.GROUP));
                String state = t == null ? "not registered (starts with the next 'padan daemon')"
                        : "next fire " + time(t.getNextFireTime()) + ", previous " + time(t.getPreviousFireTime())
                        + ", " + scheduler.getTriggerState(t.getKey()).name().toLowerCase(Locale.ROOT).replace("blocked", "running now");
                System.out.printf(Locale.ROOT, "  %-16s %s%n", d.name(), state);
                fires.recent(d.name(), 1).forEach(f -> System.out.printf(Locale.ROOT, "  %-16s last fire %s: %s%s%s%n", "",
                        time(Date.from(f.firedAt())), f.outcome(), f.runId() == null ? "" : " (run " + f.runId() + ")",
                        f.detail() == null ? "" : " " + abbreviate(f.detail())));
            }
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(ScheduleRegistrar.GROUP))) {
                if (definitions.byName(key.getName()).isEmpty()) {
                    System.out.printf(Locale.ROOT, "  %-16s registered but no longer defined (removed at the next daemon start)%n", key.getName());
                }
            }
        }
        return 0;
    }

    private void describe(JobDefinition d) {
        System.out.println(d.name() + (d.description() == null ? "" : ": " + d.description()));
        System.out.println("  file      " + d.file());
        System.out.println("  schedule  " + d.cron() + " (" + d.timeZone().getId() + "), misfire: " + d.misfire().word);
        System.out.println("  input     " + d.inputDirectory() + ", pick " + d.pick().word + ", ready when " + (d.readiness() == JobDefinition.Readiness.MARKER
                ? "NAME.done exists" : "unchanged for " + d.settle().toSeconds() + " s") + ", waits up to " + d.waitForInputs().toMinutes() + " min"
                + (d.requiredSources().isEmpty() ? "" : ", requires " + d.requiredSources()));
        System.out.println("  as-of     " + d.asOf().word);
        System.out.println("  output    " + d.outputDirectory());
        System.out.println("  next      " + String.join(", ", computedFires(d, next)));
    }

    /** The next fire times of a definition's cron, in WIB. */
    static List<String> computedFires(JobDefinition d, int n) {
        List<String> out = new ArrayList<>();
        try {
            CronExpression cron = new CronExpression(d.cron());
            cron.setTimeZone(TimeZone.getTimeZone(d.timeZone()));
            Date t = new Date();
            for (int i = 0; i < n && (t = cron.getNextValidTimeAfter(t)) != null; i++) out.add(time(t) + " WIB");
        } catch (java.text.ParseException e) {
            out.add("(invalid cron)");
        }
        return out;
    }

    /** One line per job with its next fire, as the scheduler holds it. */
    static List<String> nextFires(Scheduler scheduler, JobDefinitions definitions) throws Exception {
        List<String> out = new ArrayList<>();
        for (JobDefinition d : definitions.all()) {
            Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(d.name(), ScheduleRegistrar.GROUP));
            out.add("job " + d.name() + " (" + d.cron() + " " + d.timeZone().getId() + "): next fire " + (t == null ? "-" : time(t.getNextFireTime())) + " WIB");
        }
        return out;
    }

    private static String time(Date d) {
        return d == null ? "-" : TIME.format(Instant.ofEpochMilli(d.getTime()).atZone(WIB));
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }
}
