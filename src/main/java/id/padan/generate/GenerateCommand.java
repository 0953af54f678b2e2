package id.padan.generate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code padan generate}: writes sample extracts with ground truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates the four extracts (DUKCAPIL, PKH, PBI_JKN, KIP) of a synthetic population in their "
                + "exact formats, with the typical errors of real extracts, plus truth.csv (which person each row "
                + "is and the findings it truly has) and truth_summary.txt. The same options give the same bytes.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--persons", paramLabel = "N", defaultValue = "" + GeneratorOptions.DEFAULT_PERSONS,
            description = "Size of the true population (default: ${DEFAULT-VALUE}).")
    int persons;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write into (created if missing).")
    Path out;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", defaultValue = "2026-11-23",
            description = "Reference date for ages and deaths, and the date in the file names (default: ${DEFAULT-VALUE}).")
    LocalDate asOf;

    @Option(names = "--error-rate", paramLabel = "X", defaultValue = "1.0",
            description = "Multiplier on the default error rates; 0 gives clean data (default: ${DEFAULT-VALUE}).")
    double errorRate;

    @Option(names = "--density", paramLabel = "X", defaultValue = "1",
            description = "Pack X times more people under each kecamatan code (NIK prefix) than the default spread: "
                    + "4 is about the national average, 16 a city (default: ${DEFAULT-VALUE}).")
    int density;

    @Option(names = "--no-file-faults", description = "Plant no file-level faults (damaged rows, CRLF, blank lines, odd headers).")
    boolean noFileFaults;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GeneratorOptions options;
        try {
            options = GeneratorOptions.of(persons, seed).withAsOf(asOf).withErrorRate(errorRate)
                    .withFileFaults(!noFileFaults).withDensity(density);
        } catch (IllegalArgumentException e) {
            err.println("generate: " + e.getMessage());
            return 2;
        }
        GenerationResult result;
        try {
            result = new ExtractGenerator(options).generate(this.out);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            err.println("generate: " + e.getMessage());
            return 1;
        }
        for (GenerationResult.ExtractFile f : result.extracts()) {
            out.printf(Locale.ROOT, "%-8s %-26s %,10d rows (%,d damaged) %,14d bytes%n", f.source(),
                    f.path().getFileName(), f.dataRows(), f.damagedRows(), f.bytes());
        }
        out.printf(Locale.ROOT, "%-8s %-26s %,10d rows%n", "TRUTH", result.truthFile().getFileName(), result.truthRows());
        out.printf(Locale.ROOT, "%-8s %s%n", "SUMMARY", result.summaryFile().getFileName());
        out.printf(Locale.ROOT, "Generated %,d persons (seed %d) into %s in %.1f s%n", persons, seed,
                this.out.toAbsolutePath(), result.elapsed().toMillis() / 1000.0);
        out.flush();
        return 0;
    }
}
