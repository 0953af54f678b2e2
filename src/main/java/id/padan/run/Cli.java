package id.padan.run;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The padan command line: one sub-command per operator task. */
@Command(name = "padan", mixinStandardHelpOptions = true, version = "padan 0.1.0",
        description = "Reconciles PKH, PBI-JKN and KIP beneficiary extracts against the Dukcapil registry.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    public static int execute(String... args) {
        return new CommandLine(new Cli()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
