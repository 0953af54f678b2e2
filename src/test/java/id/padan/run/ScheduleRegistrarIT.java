package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import id.padan.run.internal.ScheduleRegistrar;
import id.padan.schedule.JobDefinitions;
import id.padan.ingest.SourceMappings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

/**
 * The scheduler's jobs follow jobs/ (a changed cron replaces the trigger, an unchanged one is kept, a removed file
 * removes its job), and a fire missed while no daemon ran follows the job's misfire policy.
 */
class ScheduleRegistrarIT {
    private static final SourceMappings SOURCES = SourceMappings.load(PadanProcess.CONFIG);

    @TempDir
    Path work;

    @Test
    void triggersFollowTheDefinitionsAndAnUnchangedOneKeepsItsFireTimes() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        Path jobs = Files.createDirectories(work.resolve("jobs"));
        Files.createDirectories(work.resolve("drop"));
        write(jobs, "nightly", "0 30 1 * * ?", "run-once");
        write(jobs, "weekly", "0 0 3 ? * SUN", "skip");
        db.useForProduct();
        try (var ctx = Contexts.start(PadanProcess.CONFIG.toString(), Map.of())) {
            Scheduler scheduler = ctx.getBean(Scheduler.class);
            assertThat(ScheduleRegistrar.register(scheduler, load(jobs))).containsExactly(
                    "nightly: added (0 30 1 * * ? Asia/Jakarta run-once)", "weekly: added (0 0 3 ? * SUN Asia/Jakarta skip)");
            CronTrigger nightly = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("nightly", ScheduleRegistrar.GROUP));
            assertThat(nightly.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
            assertThat(nightly.getTimeZone().getID()).isEqualTo("Asia/Jakarta");
            assertThat(nightly.getNextFireTime().toInstant().atZone(ZoneId.of("Asia/Jakarta")).toLocalTime()).hasToString("01:30");
            assertThat(((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("weekly", ScheduleRegistrar.GROUP))).getMisfireInstruction())
                    .isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
            assertThat(scheduler.getJobDetail(JobKey.jobKey("nightly", ScheduleRegistrar.GROUP)).requestsRecovery()).isTrue();

            Date start = nightly.getStartTime();
            assertThat(ScheduleRegistrar.register(scheduler, load(jobs))).as("nothing changed").isEmpty();
            assertThat(scheduler.getTrigger(TriggerKey.triggerKey("nightly", ScheduleRegistrar.GROUP)).getStartTime()).as("trigger kept").isEqualTo(start);

            write(jobs, "nightly", "0 0 2 * * ?", "run-once");
            Files.delete(jobs.resolve("weekly.yml"));
            assertThat(ScheduleRegistrar.register(scheduler, load(jobs))).containsExactly(
                    "nightly: schedule changed from 0 30 1 * * ? Asia/Jakarta to 0 0 2 * * ? Asia/Jakarta run-once",
                    "weekly: removed (no longer in " + jobs + ")");
            assertThat(((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("nightly", ScheduleRegistrar.GROUP))).getCronExpression()).isEqualTo("0 0 2 * * ?");
            assertThat(scheduler.checkExists(JobKey.jobKey("weekly", ScheduleRegistrar.GROUP))).isFalse();
        }
    }

    @Test
    void aFireMissedWhileNoDaemonRanHappensOnceWithRunOnceAndNotWithSkip() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        Path jobs = Files.createDirectories(work.resolve("jobs"));
        Files.createDirectories(work.resolve("drop")); // empty: a fire finds every source missing and reports it at once
        ZonedDateTime soon = ZonedDateTime.now(ZoneId.of("Asia/Jakarta")).plusSeconds(20);
        String cron = soon.getSecond() + " " + soon.getMinute() + " " + soon.getHour() + " * * ?";
        write(jobs, "catch-up", cron, "run-once");
        write(jobs, "skipper", cron, "skip");
        db.useForProduct();
        try (var ctx = Contexts.start(PadanProcess.CONFIG.toString(), Map.of("padan.daemon", true, "padan.jobs-dir", jobs.toString(),
                "padan.jobs-base", work.toString(), "padan.daemon.misfire-threshold-ms", 1000, "padan.schedule.probe-ms", 100))) {
            Scheduler scheduler = ctx.getBean(Scheduler.class);
            ScheduleRegistrar.register(scheduler, ctx.getBean(JobDefinitions.class));
            // No daemon runs when the fires are due; one starts more than the misfire threshold later.
            // The due time is 20 s ahead, more than the context takes to start on a busy machine: a trigger registered after its
            // due time would simply wait for the next day, and no fire would be missed.
            Thread.sleep(Math.max(0, java.time.Duration.between(ZonedDateTime.now(soon.getZone()), soon).toMillis()) + 2500);
            assertThat(Sql.longValue(db, "select count(*) from padan.schedule_fire")).isZero();
            scheduler.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (Sql.longValue(db, "select count(*) from padan.schedule_fire where finished_at is not null") < 1 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1500); // time for a wrong second fire
            assertThat(Sql.text(db, "select string_agg(job_name || ':' || outcome, ',') from padan.schedule_fire"))
                    .isEqualTo("catch-up:MISSING_SOURCE");
            Date next = scheduler.getTrigger(TriggerKey.triggerKey("skipper", ScheduleRegistrar.GROUP)).getNextFireTime();
            assertThat(next).as("skipped to the next day").isAfter(Date.from(soon.plusHours(23).toInstant()));
        }
    }

    private static void write(Path jobs, String name, String cron, String misfire) throws Exception {
        Files.writeString(jobs.resolve(name + ".yml"), """
                cron: "%s"
                input: {directory: drop, require: all, wait-minutes: 0}
                output: out
                misfire: %s
                """.formatted(cron, misfire));
    }

    private JobDefinitions load(Path jobs) {
        return JobDefinitions.load(jobs, work, SOURCES);
    }
}
