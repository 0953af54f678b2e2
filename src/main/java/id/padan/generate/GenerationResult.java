package id.padan.generate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one generation wrote.
 *
 * @param extracts    the four extract files, in the order DUKCAPIL, PKH, PBI_JKN, KIP
 * @param truthFile   {@code truth.csv}: one row per physical data line of every extract
 * @param truthRows   data rows of {@code truthFile}
 * @param summaryFile {@code truth_summary.txt}
 * @param errorCounts how many times each error kind was planted (kinds never planted are absent)
 * @param elapsed     wall-clock time of the generation
 */
public record GenerationResult(List<ExtractFile> extracts, Path truthFile, long truthRows, Path summaryFile,
                               Map<ErrorKind, Long> errorCounts, Duration elapsed) {

    public GenerationResult {
        extracts = List.copyOf(extracts);
        errorCounts = Map.copyOf(errorCounts);
    }

    /**
     * One extract file.
     *
     * @param source      {@code DUKCAPIL}, {@code PKH}, {@code PBI_JKN} or {@code KIP}
     * @param dataRows    physical data lines (header and blank lines not counted)
     * @param damagedRows data lines that cannot be loaded (file-level faults)
     */
    public record ExtractFile(String source, Path path, long dataRows, long damagedRows, long bytes) {}
}
