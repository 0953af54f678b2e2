package id.padan.generate;

import picocli.CommandLine;

/** For trial runs of the generator from the test tree: same arguments as {@code padan generate}. */
final class GenerateTrial {
    private GenerateTrial() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateCommand()).execute(args));
    }
}
