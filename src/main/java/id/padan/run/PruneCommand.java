package id.padan.run;

import id.padan.run.internal.RunLock;
import id.padan.store.RunPruner;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padan prune}: deletes the rows of old runs, keeping recent runs, the current run and the stable person ids. */
@Command(name = "prune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Deletes the stored rows of old runs (staging, links, persons, findings, row outcomes, rejected rows, "
                + "deliveries and Spring Batch's records of them) and says what it removed. Kept: the newest runs "
                + "(padan.retention.keep-runs, default 30), runs younger than padan.retention.keep-days (default 0: no age rule), "
                + "the current published run and a run in progress. The run itself stays in 'padan history', marked pruned; "
                + "stable person ids are never removed; output folders (out/run-N) are left alone.",
                "Refused while a run is writing the database."})
public final class PruneCommand implements Callable<Integer> {
    @Option(names = "--keep", paramLabel = "N", description = "keep the newest N runs (default: padan.retention.keep-runs)")
    Integer keep;

    @Option(names = "--keep-days", paramLabel = "D", description = "also keep runs started within D days (default: padan.retention.keep-days)")
    Integer keepDays;

    @Option(names = "--dry-run", description = "only say what would be removed")
    boolean dryRun;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        try (var ctx = config.start()) {
            Environment env = ctx.getEnvironment();
            int runs = keep != null ? keep : env.getProperty("padan.retention.keep-runs", Integer.class, 30);
            int days = keepDays != null ? keepDays : env.getProperty("padan.retention.keep-days", Integer.class, 0);
            RunPruner pruner = new RunPruner(ctx.getBean(JdbcTemplate.class));
            return ctx.getBean(RunLock.class).holding(() -> {
                List<Long> candidates = pruner.candidates(runs, days);
                String rule = "keeping the newest " + runs + " run(s)" + (days > 0 ? ", runs of the last " + days + " day(s)" : "")
                        + " and the current run";
                if (candidates.isEmpty()) {
                    System.out.println("padan prune: nothing to remove (" + rule + ")");
                    return 0;
                }
                RunPruner.Pruned pruned = pruner.prune(candidates, dryRun);
                System.out.println("padan prune: " + rule + (dryRun ? "; dry run, nothing removed" : ""));
                System.out.println((dryRun ? "would remove" : "removed") + " the rows of " + candidates.size() + " run(s): "
                        + candidates.stream().map(String::valueOf).collect(Collectors.joining(", ")));
                pruned.rows().forEach((table, n) -> System.out.printf(Locale.ROOT, "  %-26s %,14d rows%n", table, n));
                System.out.printf(Locale.ROOT, "  %-26s %,14d rows%n", "total", pruned.total());
                if (!dryRun) {
                    System.out.println("(PostgreSQL reuses the space for later runs; VACUUM FULL gives it back to the file system. "
                            + "Output folders are not touched.)");
                }
                return 0;
            });
        }
    }
}
