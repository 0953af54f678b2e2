package id.padan.generate;

import id.padan.generate.internal.Generation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Deterministic generator of the four extracts of extracts.md (DUKCAPIL, PKH, PBI_JKN, KIP)
 * with the error families of domain.md, plus the ground truth ({@code truth.csv}) and a
 * summary ({@code truth_summary.txt}).
 *
 * <pre>{@code
 * GenerationResult r = new ExtractGenerator(GeneratorOptions.of(2000, 1)).generate(Path.of("sample-data"));
 * }</pre>
 *
 * The same options always give byte-identical files. Files stream to disk; only the
 * population and the program rows (not their text) are held in memory.
 */
public final class ExtractGenerator {
    private final GeneratorOptions options;

    public ExtractGenerator(GeneratorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Writes {@code dukcapil_YYYYMMDD.csv}, {@code pkh_...}, {@code pbi_...}, {@code kip_...} (date = as-of),
     * {@code truth.csv} and {@code truth_summary.txt} into {@code directory}, creating it if needed and
     * overwriting those files. Fails, writing nothing, if the directory holds other files with an extract
     * prefix (a run would then see two files for one source).
     */
    public GenerationResult generate(Path directory) throws IOException {
        return new Generation(options).run(directory);
    }

    public GeneratorOptions options() {
        return options;
    }
}
