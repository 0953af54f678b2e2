package id.padan.run;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The padan command line: one sub-command per operator task. */
@Command(name = "padan", mixinStandardHelpOptions = true, version = "padan 0.1.0",
        description = "Reconciles PKH, PBI-JKN and KIP beneficiary extracts against the Dukcapil registry.",
        subcommands = {RunCommand.class, RestartCommand.class, HistoryCommand.class, PruneCommand.class, JobsCommand.class, DaemonCommand.class,
                WorkerCommand.class, ReviewCommand.class, ServeCommand.class,
                id.padan.generate.GenerateCommand.class, ScoreCommand.class, BenchCommand.class, FebrlCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            Throwable root = ex;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            return fail(msg.lines().findFirst().orElse(msg));
        });
        return cl.execute(args);
    }

    /**
     * The job definitions of {@code jobs}, checked against the configuration of {@code config} (which is checked
     * whole first, as a run checks it); null after printing every problem (one per line) on standard error when
     * a definition is broken.
     */
    static id.padan.schedule.JobDefinitions jobDefinitionsOrReport(java.nio.file.Path jobs, String config) {
        var mappings = id.padan.run.internal.ConfigurationFiles.check(ConfigDirectory.resolve(config)).sources();
        try {
            return id.padan.schedule.JobDefinitions.load(jobs, java.nio.file.Path.of("").toAbsolutePath(), mappings);
        } catch (IllegalStateException broken) {
            System.err.println("padan: " + broken.getMessage());
            return null;
        }
    }

    /** Prints a one-line reason on standard error and returns the failure exit status. */
    static int fail(String reason) {
        System.err.println("padan: " + reason);
        return 1;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
