package id.padan.link.compare;

/**
 * The caller's thresholds for {@link NameComparator}, bound from the matching model's configuration; the
 * constructor rejects values no pair could use.
 *
 * <p>Recommended starting values, to be tuned on labelled pairs: {@code fuzzyHigh} 0.94, {@code fuzzyLow} 0.88
 * (Jaro-Winkler on canonical keys: one typo in a two-token name scores about 0.96, SITI AMINAH / SITI AISYAH
 * about 0.93), {@code minTruncatedLength} 20 (the shortest name field width seen in legacy systems).
 *
 * @param fuzzyHigh          similarity from which two names are {@link NameLevel#FUZZY_HIGH}, in [0, 1]
 * @param fuzzyLow           similarity from which two names are {@link NameLevel#FUZZY_LOW}, in [0, fuzzyHigh]
 * @param minTruncatedLength a name whose raw value (trimmed) has at least this many characters may have had its
 *                           last token cut by a fixed-width field; shorter names may not; at least 1
 */
public record NameThresholds(double fuzzyHigh, double fuzzyLow, int minTruncatedLength) {

    /** Rejects thresholds outside [0, 1], a low threshold above the high one, and a width below 1. */
    public NameThresholds {
        if (!(fuzzyHigh >= 0.0 && fuzzyHigh <= 1.0)) {
            throw new IllegalArgumentException("name fuzzyHigh must be within [0, 1], got " + fuzzyHigh);
        }
        if (!(fuzzyLow >= 0.0 && fuzzyLow <= fuzzyHigh)) {
            throw new IllegalArgumentException("name fuzzyLow must be within [0, fuzzyHigh=" + fuzzyHigh
                    + "], got " + fuzzyLow);
        }
        if (minTruncatedLength < 1) {
            throw new IllegalArgumentException(
                    "name minTruncatedLength must be at least 1 character, got " + minTruncatedLength);
        }
    }
}
