package id.padan.run;

import id.padan.run.internal.ConfigurationFiles;
import id.padan.store.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padan run}: one whole reconciliation of an input directory. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one whole reconciliation: ingest, match, findings, publish, reports and corrected extracts.",
                "Exit status 0 when the run completed (rejected rows do not make it fail), 1 when it did not."})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "DIR", description = "directory holding the extracts (dukcapil*, pkh*, pbi*, kip*)")
    Path input;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "reference date for ages and deaths (default: today, Asia/Jakarta)")
    LocalDate asOf;

    @Option(names = "--file-date", paramLabel = "YYYY-MM-DD",
            description = "read the extracts dated this day (in their names, e.g. pkh_20261123.csv); other dates are named and ignored, "
                    + "files without a date are read (default: the as-of date)")
    LocalDate fileDate;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "where reports and extracts go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--force", description = "reconcile again even if these extracts were already reconciled for this as-of date")
    boolean force;

    @Option(names = "--allow-partial", description = {"publish the run even when a program source is missing or does not load: its reports and "
            + "summary name the missing sources and the checks not run, and those checks count nothing as resolved",
            "(without the registry no run is published)"})
    boolean allowPartial;

    @Mixin
    ConfigOption config;

    @Option(names = "--partitions", paramLabel = "N",
            description = {"link the run in N partitions (ranges of the rows' NIK buckets, 1..1024), each a Spring Batch step of its own, so a "
                    + "resumed run redoes only the partitions that had not completed; the result does not depend on N",
                    "(default: padan.link.partitions, else one per ~250,000 rows, at most 64; padan.link.threads partitions run at once, default 1)"})
    Integer partitions;

    @Option(names = "--remote-workers",
            description = {"hand link's partitions to `padan worker` processes (on this or other machines) that use the same database, and wait "
                    + "for them; the requests travel through the database itself (no broker). A partition whose worker dies is handed out "
                    + "again; after padan.link.remote.timeout (default 6h) the run fails naming the partitions not done, and padan restart "
                    + "runs only those (again on workers)"})
    boolean remoteWorkers;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(input)) return Cli.fail("input directory " + input + " does not exist");
        if (partitions != null && (partitions < 1 || partitions > id.padan.ingest.RowBuckets.COUNT)) {
            return Cli.fail("--partitions must be between 1 and " + id.padan.ingest.RowBuckets.COUNT + ", not " + partitions);
        }
        ConfigurationFiles.check(config.resolve()); // fail fast, before the database starts, on a wrong configuration file
        LocalDate date = asOf != null ? asOf : LocalDate.now(ZoneId.of("Asia/Jakarta"));
        System.out.println("padan run: input " + input.toAbsolutePath() + ", as-of " + date + ", output " + out.toAbsolutePath()
                + (remoteWorkers ? ", link partitions on workers (padan worker)" : ""));
        Map<String, Object> settings = partitions == null ? Map.of() : Map.of("padan.link.partitions", partitions);
        try (var ctx = config.start(settings)) {
            var launcher = ctx.getBean(ReconcileLauncher.class);
            ReconcileLauncher.Outcome outcome;
            try {
                outcome = launcher.start(input, date, fileDate != null ? fileDate : date, out, force, allowPartial, remoteWorkers);
            } catch (id.padan.ingest.RunRefusedException e) {
                return Cli.fail(e.getMessage());
            } catch (ReconcileLauncher.RunAbortedException e) {
                return Cli.fail(e.getMessage() + "; its end could not be recorded. When the database is back: padan restart " + e.runId());
            }
            if (outcome.alreadyDone()) {
                System.out.println("these extracts were already reconciled for " + date + " as run " + outcome.runId()
                        + "; nothing to do (use --force to reconcile them again)");
                return 0;
            }
            System.out.println();
            System.out.print(RunSummary.load(ctx.getBean(JdbcTemplate.class), outcome.runId()).render());
            if (!outcome.completed() && outcome.failureReason() != null && outcome.failureReason().contains("refused: ")) {
                return Cli.fail("run " + outcome.runId() + " " + outcome.failureReason().substring(outcome.failureReason().indexOf("refused: ")));
            }
            if (!outcome.completed()) {
                return Cli.fail("run " + outcome.runId() + " failed: " + outcome.failureReason()
                        + " (fix the cause, then: padan restart " + outcome.runId() + ")");
            }
            return 0;
        }
    }
}
