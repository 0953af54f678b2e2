package id.padan.link.internal;

import id.padan.standardise.DateParser;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The birth dates that stand for an unknown day in this run's data, learned from the data itself: a
 * first or last day of a month that, over all years, is far more frequent than the days next to it
 * (a clerk who knew only the year or the month wrote 01-01, 01-07, 31-12 or the 1st of the month).
 * The well-known placeholders (1 January, 1 July, 31 December) always count.
 */
final class PlaceholderDates implements Predicate<LocalDate> {
    /** How many times the mean of its neighbouring days a day must be seen to be a placeholder. */
    static final double FACTOR = 4.0;
    /** Fewer rows on a day than this prove nothing. */
    static final int MIN_ROWS = 20;
    private static final int NEIGHBOURS = 6;

    private final Set<MonthDay> learned;

    private PlaceholderDates(Set<MonthDay> learned) {
        this.learned = Set.copyOf(learned);
    }

    /** Learns the placeholder days from every birth date of the run (nulls are skipped). */
    static PlaceholderDates learn(Iterable<LocalDate> dates) {
        java.util.Map<LocalDate, Integer> counts = new java.util.HashMap<>();
        for (LocalDate d : dates) if (d != null) counts.merge(d, 1, Integer::sum);
        return learn(counts);
    }

    /** Learns the placeholder days from the number of rows per birth date. */
    static PlaceholderDates learn(java.util.Map<LocalDate, Integer> dates) {
        int[][] count = new int[13][32];
        dates.forEach((d, n) -> count[d.getMonthValue()][d.getDayOfMonth()] += n);
        Set<MonthDay> out = new HashSet<>();
        for (int m = 1; m <= 12; m++) {
            int last = java.time.Month.of(m).length(false);
            // the first of the month against the days after it, the last against the days before it
            if (standsOut(count[m], 1, 2)) out.add(MonthDay.of(m, 1));
            if (standsOut(count[m], last, last - NEIGHBOURS)) out.add(MonthDay.of(m, last));
        }
        return new PlaceholderDates(out);
    }

    private static boolean standsOut(int[] days, int day, int firstNeighbour) {
        double sum = 0;
        for (int d = firstNeighbour; d < firstNeighbour + NEIGHBOURS; d++) sum += days[d];
        double mean = sum / NEIGHBOURS;
        return days[day] >= MIN_ROWS && days[day] >= FACTOR * Math.max(mean, 1);
    }

    /** The learned placeholder days (without the well-known ones), for the log. */
    Set<MonthDay> learned() {
        return learned;
    }

    @Override
    public boolean test(LocalDate d) {
        return d != null && (DateParser.isPlaceholder(d) || learned.contains(MonthDay.from(d)));
    }
}
