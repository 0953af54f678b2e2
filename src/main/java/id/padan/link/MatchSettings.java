package id.padan.link;

import id.padan.link.compare.NameThresholds;
import id.padan.settings.SettingsFile;
import id.padan.settings.SettingsProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The matching model's settings from {@code config/matching.yml}, checked for meaning when loaded.
 * {@code prior} of 0 means "1 / number of registry rows". {@code pupilSources} are the sources whose rows
 * are school pupils: such a row is never the NIK owner of its parents' generation.
 */
public record MatchSettings(double accept, double review, double reviewUnlinked, double minMarginBits, double exactNikMinAttributeBits, double minAttributeBits, double prior,
                            NameThresholds name, Set<String> termFrequencyFields, double tfMinU,
                            int randomPairs, int trainingRows, int maxIterations, double tolerance, double mSmoothing, long seed,
                            int maxBlockSize, List<BlockingKey> blockingKeys, Set<String> pupilSources) {

    /** The blocking keys padan knows; configuration picks among them. */
    public enum BlockingKey { NAME_SORTED, BIRTH_DATE_NAME, NIK_REGION_DATE, KECAMATAN_YEAR_NAME, BIRTH_DATE_KECAMATAN, KK, MOTHER_NAME }

    /**
     * Binds {@code configDir/matching.yml}: every key is required (the shipped file holds the defaults), an
     * unknown key, a wrong type or a value out of range is refused, then the thresholds are checked together.
     *
     * @throws SettingsProblem naming the file, the key and the reason
     */
    public static MatchSettings load(Path configDir) {
        Path file = configDir.resolve("matching.yml");
        MatchingFile f = SettingsFile.bind(file, MatchingFile.class);
        Thresholds t = f.thresholds();
        if (t.review() > t.accept()) {
            throw new SettingsProblem(file, "thresholds.review", t.review() + " is above thresholds.accept (" + t.accept() + "): no pair could be sent to review");
        }
        if (t.exactNikMinAttributeBits() < t.minAttributeBits()) {
            throw new SettingsProblem(file, "thresholds.exact-nik-min-attribute-bits", t.exactNikMinAttributeBits() + " is below thresholds.min-attribute-bits ("
                    + t.minAttributeBits() + "): the fast path would accept links the full search refuses");
        }
        double prior = 0;
        if (!f.prior().strip().equals("auto")) {
            try {
                prior = Double.parseDouble(f.prior().strip());
            } catch (NumberFormatException e) {
                prior = Double.NaN;
            }
            if (!(prior > 0 && prior < 1)) throw new SettingsProblem(file, "prior", "must be 'auto' or a probability strictly between 0 and 1 (found " + f.prior() + ")");
        }
        Name n = f.name();
        if (n.fuzzyLow() > n.fuzzyHigh()) {
            throw new SettingsProblem(file, "name.fuzzy-low", n.fuzzyLow() + " is above name.fuzzy-high (" + n.fuzzyHigh() + ")");
        }
        NameThresholds name = new NameThresholds(n.fuzzyHigh(), n.fuzzyLow(), n.minTruncatedLength());
        Set<String> tfFields = new java.util.HashSet<>();
        for (TermFrequencyField field : f.termFrequency().fields()) tfFields.add(field.name());
        Estimation est = f.estimation();
        Blocking b = f.blocking();
        return new MatchSettings(t.accept(), t.review(), t.reviewUnlinked(), t.minMarginBits(), t.exactNikMinAttributeBits(), t.minAttributeBits(), prior, name,
                Set.copyOf(tfFields), f.termFrequency().minU(), est.randomPairs(), est.trainingRows(), est.maxIterations(), est.tolerance(),
                est.mSmoothing(), est.seed(), b.maxBlockSize(), List.copyOf(b.keys()), Set.copyOf(f.pupilSources()));
    }

    /** The fields whose exact agreements are term-frequency adjusted. */
    public enum TermFrequencyField { NAME, BIRTH_DATE }

    /** {@code config/matching.yml} as written; see the comments in the shipped file for what each key means. */
    record MatchingFile(@NotNull(message = REQUIRED) @Valid Thresholds thresholds,
                        @NotBlank(message = "must be 'auto' or a probability strictly between 0 and 1") String prior,
                        @NotNull(message = REQUIRED) @Valid Name name,
                        @NotNull(message = REQUIRED) @Valid TermFrequency termFrequency,
                        @NotNull(message = REQUIRED) @Valid Estimation estimation,
                        @NotNull(message = REQUIRED) @Valid Blocking blocking,
                        @NotNull(message = REQUIRED) List<@NotBlank(message = "must name a source") String> pupilSources) {}

    record Thresholds(@NotNull(message = REQUIRED) @DecimalMin(value = "0", inclusive = false, message = PROBABILITY)
                      @DecimalMax(value = "1", inclusive = false, message = PROBABILITY) Double accept,
                      @NotNull(message = REQUIRED) @DecimalMin(value = "0", inclusive = false, message = PROBABILITY)
                      @DecimalMax(value = "1", inclusive = false, message = PROBABILITY) Double review,
                      @NotNull(message = REQUIRED) @DecimalMin(value = "0", inclusive = false, message = PROBABILITY)
                      @DecimalMax(value = "1", inclusive = false, message = PROBABILITY) Double reviewUnlinked,
                      @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = "cannot be negative") Double minMarginBits,
                      @NotNull(message = REQUIRED) Double minAttributeBits,
                      @NotNull(message = REQUIRED) Double exactNikMinAttributeBits) {}

    record Name(@NotNull(message = REQUIRED) @DecimalMin(value = "0", message = UNIT) @DecimalMax(value = "1", message = UNIT) Double fuzzyHigh,
                @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = UNIT) @DecimalMax(value = "1", message = UNIT) Double fuzzyLow,
                @NotNull(message = REQUIRED) @Min(value = 1, message = "must be at least 1 character") Integer minTruncatedLength) {}

    record TermFrequency(@NotNull(message = REQUIRED) List<@NotNull(message = REQUIRED) TermFrequencyField> fields,
                         @NotNull(message = REQUIRED) @DecimalMin(value = "0", inclusive = false, message = PROBABILITY)
                         @DecimalMax(value = "1", inclusive = false, message = PROBABILITY) Double minU) {}

    record Estimation(@NotNull(message = REQUIRED) @Min(value = 10_000, message = "must be at least 10000 for a stable u") Integer randomPairs,
                      @NotNull(message = REQUIRED) @Min(value = 100, message = "must be at least 100") Integer trainingRows,
                      @NotNull(message = REQUIRED) @Min(value = 1, message = "must be at least 1") Integer maxIterations,
                      @NotNull(message = REQUIRED) @DecimalMin(value = "0", inclusive = false, message = "must be above 0") Double tolerance,
                      @NotNull(message = REQUIRED) @DecimalMin(value = "0", message = "must be in [0, 0.5)")
                      @DecimalMax(value = "0.5", inclusive = false, message = "must be in [0, 0.5)") Double mSmoothing,
                      @NotNull(message = REQUIRED) Long seed) {}

    record Blocking(@NotNull(message = REQUIRED) @Min(value = 2, message = "must be at least 2") Integer maxBlockSize,
                    @NotEmpty(message = "at least one blocking key is needed, or rows without an exact NIK can never be matched")
                    List<@NotNull(message = REQUIRED) BlockingKey> keys) {}

    private static final String REQUIRED = "is required";
    private static final String PROBABILITY = "must be a probability strictly between 0 and 1";
    private static final String UNIT = "must be within [0, 1]";
}
