package id.padan.run;

import id.padan.ingest.SourceMappings;
import id.padan.run.internal.ScheduleRegistrar;
import id.padan.schedule.JobDefinitions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padan daemon}: runs the scheduled jobs of {@code jobs/} until stopped. */
@Command(name = "daemon", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the scheduled reconciliations defined in the jobs directory until stopped (Ctrl-C or SIGTERM). "
                + "One YAML file per job: cron in Asia/Jakarta time, input directory and how to choose the night's files, "
                + "as-of date, output directory. The definitions are checked first; the daemon does not start with a broken one.",
                "",
                "Several daemons may run against one database (PADAN_DB_URL): each fire happens once, on one of them, "
                + "and when the daemon running a fire dies another one takes it over and resumes the run.",
                "",
                "Health and metrics: http://BIND:PORT/actuator/health and /actuator/metrics (padan.*).",
                ""})
public final class DaemonCommand implements Callable<Integer> {
    /** Advisory lock key held while a daemon registers its job definitions ("padanreg"). */
    private static final long REGISTRATION_LOCK = 0x7061_6461_6e72_6567L;

    private static final Logger log = LoggerFactory.getLogger(DaemonCommand.class);

    @Option(names = "--jobs", paramLabel = "DIR", defaultValue = "${env:PADAN_JOBS:-jobs}",
            description = "directory of the job definitions (default: ${DEFAULT-VALUE})")
    Path jobs;

    @Mixin
    ConfigOption config;

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:PADAN_DAEMON_PORT:-8085}",
            description = "HTTP port of the health and metrics endpoints (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "${env:PADAN_DAEMON_BIND:-127.0.0.1}",
            description = "address the endpoints listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String bind;

    @Override
    public Integer call() throws Exception {
        // Check everything an operator edits before the database starts, with the files' own messages.
        JobDefinitions definitions = Cli.jobDefinitionsOrReport(jobs, config.dir);
        if (definitions == null) return 1;
        if (definitions.all().isEmpty()) {
            return Cli.fail("no job definitions (*.yml) in " + jobs.toAbsolutePath() + "; see docs/operations.md for an example");
        }
        var ctx = Contexts.startWithWebServer(config.dir, Map.of(
                "padan.daemon", true,
                "padan.jobs-dir", jobs.toAbsolutePath().toString(),
                "server.port", port,
                "server.address", bind));
        CountDownLatch closed = new CountDownLatch(1);
        ctx.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) closed.countDown();
        });
        ctx.registerShutdownHook();
        Scheduler scheduler = ctx.getBean(Scheduler.class);
        // Daemons of one cluster that start together register one at a time (Quartz's own check-then-insert races).
        try (var lock = ctx.getBean(javax.sql.DataSource.class).getConnection(); var st = lock.createStatement()) {
            st.execute("select pg_advisory_lock(" + REGISTRATION_LOCK + ")");
            try {
                for (String change : ScheduleRegistrar.register(scheduler, ctx.getBean(JobDefinitions.class))) log.info("schedule {}", change);
            } finally {
                st.execute("select pg_advisory_unlock(" + REGISTRATION_LOCK + ")");
            }
        }
        scheduler.start();
        String url = ctx.getEnvironment().getProperty("local.server.port");
        log.info("padan daemon {} running {} job(s) from {}; health at http://{}:{}/actuator/health", scheduler.getSchedulerInstanceId(),
                definitions.all().size(), jobs.toAbsolutePath(), bind, url);
        for (String line : JobsCommand.nextFires(scheduler, definitions)) log.info("{}", line);
        closed.await();
        return 0;
    }
}
