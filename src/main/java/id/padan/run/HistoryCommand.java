package id.padan.run;

import id.padan.store.RunChecks;
import id.padan.run.internal.RunLock;
import id.padan.schedule.ScheduleLog;
import id.padan.store.RunSummary;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padan history}: what the runs and the scheduled fires did, for the operator in the morning. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows the newest runs: status, as-of date, start and finish (WIB), duration, rows read, loaded and "
                + "rejected, persons and findings, rows and seconds per stage, and the reason of each failed run.",
                "",
                "RUNNING means the run is in progress now; INTERRUPTED means its process ended without finishing it "
                + "(killed, crashed, database gone): resume it with 'padan restart RUN'.",
                "",
                "--run N shows one run in full: files, findings by code, stages, and every attempt with its failure. "
                + "--fires shows what the scheduler did at each fire, also when it started no run (inputs not ready, "
                + "a required source missing, another run in progress).",
                ""})
public final class HistoryCommand implements Callable<Integer> {
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(WIB);

    @Option(names = "--run", paramLabel = "N", description = "show this run in full")
    Long run;

    @Option(names = "--fires", description = "show the scheduler's fires instead of the runs")
    boolean fires;

    @Option(names = "--job", paramLabel = "NAME", description = "with --fires: only this scheduled job")
    String job;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "how many to show (default: ${DEFAULT-VALUE})")
    int limit;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        try (var ctx = config.start()) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            boolean writing = ctx.getBean(RunLock.class).heldByAnyone();
            if (fires) {
                printFires(new ScheduleLog(jdbc).recent(job, limit));
                return 0;
            }
            if (run != null) {
                Integer exists = jdbc.queryForObject("select count(*) from padan.run where run_id = ?", Integer.class, run);
                if (exists == null || exists == 0) return Cli.fail("there is no run " + run);
                printRun(jdbc, ctx.getBean(org.springframework.batch.core.repository.JobRepository.class), run, writing);
                return 0;
            }
            printRuns(jdbc, writing);
            return 0;
        }
    }

    private void printRuns(JdbcTemplate jdbc, boolean writing) {
        List<Map<String, Object>> runs = jdbc.queryForList("""
                select r.run_id, r.as_of, r.status, r.started_at, r.finished_at, r.failure_reason, r.published_at is not null as published,
                       coalesce((select sum(rows_read) from padan.input_file f where f.run_id = r.run_id), 0) as read,
                       coalesce((select sum(rows_loaded) from padan.input_file f where f.run_id = r.run_id), 0) as loaded,
                       coalesce((select sum(rows_rejected) from padan.input_file f where f.run_id = r.run_id), 0) as rejected,
                       (select count(*) from padan.person p where p.run_id = r.run_id) as persons,
                       (select count(*) from padan.finding f where f.run_id = r.run_id) as findings,
                       (select string_agg(f.source, ',' order by f.source) from padan.input_file f where f.run_id = r.run_id and f.status <> 'LOADED') as not_loaded,
                       coalesce(r.partial, false) as partial, r.pruned_at, r.run_id = (select c.run_id from reconciled.current_run c) as current
                from padan.run r order by r.run_id desc limit ?""", limit);
        if (runs.isEmpty()) {
            System.out.println("no runs yet");
            return;
        }
        System.out.printf(Locale.ROOT, "%5s  %-10s  %-11s  %-19s  %-19s  %9s  %10s  %10s  %8s  %9s  %8s%n",
                "run", "as-of", "status", "started (WIB)", "finished (WIB)", "duration", "read", "loaded", "rejected", "persons", "findings");
        for (Map<String, Object> r : runs) {
            long id = ((Number) r.get("run_id")).longValue();
            Instant started = instant(r.get("started_at")), finished = instant(r.get("finished_at"));
            String status = shownStatus((String) r.get("status"), writing);
            System.out.printf(Locale.ROOT, "%5d  %-10s  %-11s  %-19s  %-19s  %9s  %,10d  %,10d  %,8d  %,9d  %,8d%n", id, r.get("as_of"), status,
                    time(started), time(finished), duration(started, finished), num(r.get("read")), num(r.get("loaded")), num(r.get("rejected")),
                    num(r.get("persons")), num(r.get("findings")));
            List<String> stages = jdbc.query("select stage, rows, seconds from padan.stage_metric where run_id = ? order by finished_at",
                    (rs, i) -> String.format(Locale.ROOT, "%s %,d rows %.1f s", rs.getString(1), rs.getLong(2), rs.getDouble(3)), id);
            if (!stages.isEmpty()) System.out.println("       stages: " + String.join(" | ", stages));
            // A partitioned step's counters are kept per partition ("link-search-part:b0000-0127"), summed here per step.
            List<String> skipped = jdbc.query("select split_part(stage, ':', 1) as step, name, sum(value) from padan.stage_counter where run_id = ?"
                            + " and name like '%skipped%' and value > 0 group by 1, 2 order by 1, 2",
                    (rs, i) -> String.format(Locale.ROOT, "%s %s %,d", rs.getString(1), rs.getString(2), rs.getLong(3)), id);
            if (!skipped.isEmpty()) System.out.println("       skipped: " + String.join(" | ", skipped));
            if (r.get("pruned_at") != null) System.out.println("       pruned " + time(instant(r.get("pruned_at"))) + ": its rows were removed (padan prune)");
            if (Boolean.TRUE.equals(r.get("current"))) System.out.println("       the current published run (reconciled.current_run)");
            if (Boolean.TRUE.equals(r.get("partial"))) {
                System.out.println("       partial: not run: " + RunChecks.load(jdbc, id).describeNotRun());
            }
            if (r.get("not_loaded") != null) System.out.println("       sources not loaded: " + r.get("not_loaded") + " (padan history --run " + id + ")");
            if (r.get("failure_reason") != null && !"COMPLETED".equals(status)) {
                System.out.println("       failure: " + r.get("failure_reason"));
            }
            if ((status.equals("FAILED") || status.equals("INTERRUPTED")) && r.get("pruned_at") == null) {
                System.out.println("       resume:  padan restart " + id);
            }
        }
    }

    private void printRun(JdbcTemplate jdbc, org.springframework.batch.core.repository.JobRepository repository, long id, boolean writing) {
        RunSummary summary = RunSummary.load(jdbc, id);
        String status = shownStatus(summary.status(), writing);
        System.out.print(summary.render().replaceFirst("status " + summary.status(), "status " + status));
        Map<String, Object> r = jdbc.queryForMap("select started_at, finished_at, published_at, input_dir, out_dir, input_fingerprint from padan.run where run_id = ?", id);
        Instant started = instant(r.get("started_at")), finished = instant(r.get("finished_at"));
        System.out.printf(Locale.ROOT, "%nstarted %s, finished %s (%s)%s%n", time(started), time(finished), duration(started, finished),
                r.get("published_at") == null ? ", not published" : ", published " + time(instant(r.get("published_at"))));
        System.out.println("input  " + r.get("input_dir") + "  (fingerprint " + String.valueOf(r.get("input_fingerprint")).substring(0, 12) + ")");
        System.out.println("output " + r.get("out_dir"));
        System.out.println("\nattempts (Spring Batch executions of this run):");
        List<Map<String, Object>> executions = jdbc.queryForList("""
                select e.job_execution_id, e.status, e.start_time, e.end_time, e.exit_message
                from batch_job_execution e join padan.run r on r.job_instance_id = e.job_instance_id
                where r.run_id = ? order by e.job_execution_id""", id);
        int n = 0;
        for (Map<String, Object> e : executions) {
            n++;
            String st = (String) e.get("status");
            if (("STARTED".equals(st) || "STARTING".equals(st)) && !writing) st = "INTERRUPTED";
            System.out.printf(Locale.ROOT, "  %d. %-11s %s .. %s%n", n, st, localTime(e.get("start_time")), localTime(e.get("end_time")));
            List<Map<String, Object>> steps = jdbc.queryForList("""
                    select step_execution_id, step_name, status, start_time, end_time, exit_message from batch_step_execution
                    where job_execution_id = ? order by step_execution_id""", e.get("job_execution_id"));
            for (Map<String, Object> s : steps) {
                String ss = (String) s.get("status");
                if ("STARTED".equals(ss) && !writing) ss = "INTERRUPTED";
                String msg = (String) s.get("exit_message");
                // A partition of a stage is a step of its own ("link-partition:p0002-of-0008"), with its times, and the
                // worker that ran it when it ran in a `padan worker` (and the workers that took it and died, if any).
                System.out.printf(Locale.ROOT, "       %-14s %-11s %s .. %s%s%s%n", s.get("step_name"), ss, localTime(s.get("start_time")),
                        localTime(s.get("end_time")), workers(repository, s), msg == null || msg.isBlank() || ss.equals("COMPLETED") ? "" : "  " + msg.lines().findFirst().orElse(""));
            }
        }
        if (status.equals("FAILED") || status.equals("INTERRUPTED")) System.out.println("\nresume it with: padan restart " + id);
    }

    /** "  worker HOST:PID" for a partition a worker ran, with the workers lost on it; "" for a step of the run's own process. */
    private static String workers(org.springframework.batch.core.repository.JobRepository repository, Map<String, Object> step) {
        if (!String.valueOf(step.get("step_name")).contains(":")) return "";
        var s = repository.getStepExecution(((Number) step.get("step_execution_id")).longValue());
        if (s == null) return "";
        String worker = s.getExecutionContext().getString(id.padan.run.internal.PartitionRequests.WORKER, "");
        String lost = s.getExecutionContext().getString(id.padan.run.internal.PartitionRequests.LOST_WORKERS, "");
        return (worker.isEmpty() ? "" : "  worker " + worker) + (lost.isEmpty() ? "" : "  (taken before by " + lost + ")");
    }

    private void printFires(List<ScheduleLog.Fire> list) {
        if (list.isEmpty()) {
            System.out.println("no scheduled fires yet");
            return;
        }
        System.out.printf(Locale.ROOT, "%5s  %-16s  %-19s  %-19s  %-14s  %5s  %s%n", "fire", "job", "due (WIB)", "fired (WIB)", "outcome", "run", "detail");
        for (ScheduleLog.Fire f : list) {
            System.out.printf(Locale.ROOT, "%5d  %-16s  %-19s  %-19s  %-14s  %5s  %s%s%n", f.fireId(), f.jobName(), time(f.scheduledAt()), time(f.firedAt()),
                    f.outcome(), f.runId() == null ? "-" : f.runId(), f.recovering() ? "(recovered after a daemon died) " : "",
                    f.detail() == null ? "" : f.detail());
        }
    }

    /** A run marked RUNNING while no process holds the run lock has no process working on it any more. */
    private static String shownStatus(String status, boolean writing) {
        return "RUNNING".equals(status) && !writing ? "INTERRUPTED" : status;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        if (o == null) return null;
        if (o instanceof Timestamp t) return t.toInstant();
        if (o instanceof java.time.OffsetDateTime t) return t.toInstant();
        return null;
    }

    /** Spring Batch keeps local times of the JVM that wrote them. */
    private static String localTime(Object o) {
        if (o instanceof Timestamp t) return TIME.format(t.toLocalDateTime().atZone(ZoneId.systemDefault()));
        if (o instanceof java.time.LocalDateTime t) return TIME.format(t.atZone(ZoneId.systemDefault()));
        return "-";
    }

    private static String time(Instant i) {
        return i == null ? "-" : TIME.format(i);
    }

    private static String duration(Instant a, Instant b) {
        if (a == null || b == null) return "-";
        Duration d = Duration.between(a, b);
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
