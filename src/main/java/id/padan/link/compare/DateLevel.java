package id.padan.link.compare;

import id.padan.standardise.DateParser;
import java.time.LocalDate;

/**
 * How two birth dates compare, strongest first. Day and month swapped, a year off by one and a
 * single differing part are the typing errors of real extracts; PLACEHOLDER is a disagreement where
 * one side is a placeholder date (1 January, 1 July or 31 December), which says little; NULL when
 * either date is missing or invalid (an invalid date is never guessed).
 */
public enum DateLevel {
    EXACT, DAY_MONTH_SWAPPED, YEAR_OFF_BY_ONE, PLACEHOLDER, ONE_PART_DIFFERS, DIFFERENT, NULL;

    /** The level of two dates; symmetric, never null. */
    public static DateLevel compare(LocalDate a, LocalDate b) {
        if (a == null || b == null) return NULL;
        if (a.equals(b)) return EXACT;
        int ad = a.getDayOfMonth(), am = a.getMonthValue(), ay = a.getYear();
        int bd = b.getDayOfMonth(), bm = b.getMonthValue(), by = b.getYear();
        if (ay == by && ad == bm && am == bd) return DAY_MONTH_SWAPPED;
        if (ad == bd && am == bm && Math.abs(ay - by) == 1) return YEAR_OFF_BY_ONE;
        if (DateParser.isPlaceholder(a) || DateParser.isPlaceholder(b)) return PLACEHOLDER;
        if (ay == by && (ad == bd || am == bm)) return ONE_PART_DIFFERS;
        if (ad == bd && am == bm && Math.abs(ay - by) <= 10 && sameDecadeTypo(ay, by)) return ONE_PART_DIFFERS;
        return DIFFERENT;
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
