package id.padan.run;

import id.padan.store.RunSummary;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code padan restart RUN}: resumes a failed or interrupted run where it stopped. */
@Command(name = "restart", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Resumes a failed or interrupted run from the stage where it stopped, with the extracts, as-of date and "
                + "output directory it was started with. Stages that completed are not repeated; the stage that failed "
                + "replaces whatever it had written, so the result is the same as that of an uninterrupted run.",
                "",
                "A run whose process was killed (or lost its database) shows as INTERRUPTED in 'padan history'; it is "
                + "resumed the same way. Refused while another run is writing the database, and when the run's extracts "
                + "have changed since it started (reconcile those as a new run).",
                "",
                "Exit status 0 when the run completed, 1 when it did not.",
                ""})
public final class RestartCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "the run to resume (its number in 'padan history')")
    long runId;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        try (var ctx = config.start()) {
            var launcher = ctx.getBean(ReconcileLauncher.class);
            System.out.println("padan restart: run " + runId);
            ReconcileLauncher.Outcome outcome;
            try {
                outcome = launcher.restart(runId);
            } catch (ReconcileLauncher.RunAbortedException e) {
                return Cli.fail(e.getMessage() + "; its end could not be recorded. When the database is back: padan restart " + e.runId());
            }
            if (outcome.alreadyDone()) {
                System.out.println("run " + runId + " has already completed; nothing to do");
                return 0;
            }
            System.out.println();
            System.out.print(RunSummary.load(ctx.getBean(JdbcTemplate.class), outcome.runId()).render());
            if (!outcome.completed()) {
                return Cli.fail("run " + runId + " failed again: " + outcome.failureReason() + " (fix the cause, then: padan restart " + runId + ")");
            }
            return 0;
        }
    }
}
