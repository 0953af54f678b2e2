package id.padan.link.internal;

import java.time.LocalDate;
import java.util.Map;

/**
 * How common a name key or a birth date is among all registry rows of a run: the u of an exact agreement
 * on a term-frequency field. The same for every partition of the run, however the registry is split.
 * Counts are kept only for the name keys some program row carries (the only ones ever looked up).
 */
public final class TermFrequencies {
    private final long registryRows;
    private final Map<String, Integer> names;
    private final Map<LocalDate, Integer> dates;

    /** {@code names}: registry rows per name key; {@code dates}: registry rows per valid birth date. */
    public TermFrequencies(long registryRows, Map<String, Integer> names, Map<LocalDate, Integer> dates) {
        this.registryRows = registryRows;
        this.names = names;
        this.dates = dates;
    }

    /** Placeholder birth days learned from the registry's birth dates (see {@link PlaceholderDates}). */
    PlaceholderDates placeholders() {
        return PlaceholderDates.learn(dates);
    }

    /** Registry rows of the run (all partitions). */
    public long registryRows() {
        return registryRows;
    }

    /** Share of registry rows with this name key (0 when the key is absent or the registry empty). */
    double name(String key) {
        Integer n = names.get(key);
        return n == null || registryRows == 0 ? 0 : (double) n / registryRows;
    }

    double date(LocalDate d) {
        Integer n = dates.get(d);
        return n == null || registryRows == 0 ? 0 : (double) n / registryRows;
    }
}
