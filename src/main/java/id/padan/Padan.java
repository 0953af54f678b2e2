package id.padan;

/** Entry point of the padan command line; the sub-commands live in {@code id.padan.run}. */
public final class Padan {
    private Padan() {}

    public static void main(String[] args) {
        System.exit(id.padan.run.Cli.execute(args));
    }
}
