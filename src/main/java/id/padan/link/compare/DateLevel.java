package id.padan.link.compare;

import id.padan.standardise.DateParser;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * How two birth dates compare, strongest first. Day and month swapped, a year off by one and a
 * single differing part are the typing errors of real extracts; PLACEHOLDER is a disagreement where
 * one side is a placeholder date (a day written when only the year was known: 1 January, 1 July,
 * 31 December, or what the run's data show to be one) in the same year or one year off, which says
 * little; a placeholder years away is a different date. GENERATION_APART: at least
 * {@link #GENERATION_YEARS} years apart (a parent's and a child's). NULL when either date is missing
 * or invalid (an invalid date is never guessed).
 */
public enum DateLevel {
    EXACT, DAY_MONTH_SWAPPED, YEAR_OFF_BY_ONE, PLACEHOLDER, ONE_PART_DIFFERS, DIFFERENT, GENERATION_APART, NULL;

    /** Birth dates at least this many years apart belong to another generation (a parent and a child). */
    public static final int GENERATION_YEARS = 12;

    /** The level of two dates with the well-known placeholder dates only; symmetric, never null. */
    public static DateLevel compare(LocalDate a, LocalDate b) {
        return compare(a, b, DateParser::isPlaceholder);
    }

    /** The level of two dates, {@code placeholder} saying which dates stand for an unknown day; symmetric, never null. */
    public static DateLevel compare(LocalDate a, LocalDate b, Predicate<LocalDate> placeholder) {
        if (a == null || b == null) return NULL;
        if (a.equals(b)) return EXACT;
        int ad = a.getDayOfMonth(), am = a.getMonthValue(), ay = a.getYear();
        int bd = b.getDayOfMonth(), bm = b.getMonthValue(), by = b.getYear();
        if (ay == by && ad == bm && am == bd) return DAY_MONTH_SWAPPED;
        if (ad == bd && am == bm && Math.abs(ay - by) == 1) return YEAR_OFF_BY_ONE;
        if (Math.abs(ay - by) <= 1 && (placeholder.test(a) || placeholder.test(b))) return PLACEHOLDER;
        if (ay == by && (ad == bd || am == bm)) return ONE_PART_DIFFERS;
        if (ad == bd && am == bm && Math.abs(ay - by) <= 10 && sameDecadeTypo(ay, by)) return ONE_PART_DIFFERS;
        LocalDate earlier = a.isBefore(b) ? a : b, later = a.isBefore(b) ? b : a;
        return earlier.plusYears(GENERATION_YEARS).isAfter(later) ? DIFFERENT : GENERATION_APART;
    }

    /** One digit of the year differs (1985 / 1995, 2010 / 2016): a typing error, not a different person. */
    private static boolean sameDecadeTypo(int a, int b) {
        int diff = 0;
        for (int i = 0; i < 4; i++) {
            if (a % 10 != b % 10) diff++;
            a /= 10;
            b /= 10;
        }
        return diff == 1;
    }
}
