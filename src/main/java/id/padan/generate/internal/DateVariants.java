package id.padan.generate.internal;

import id.padan.generate.ErrorKind;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Birth-date errors (family 3), as day, month and year that may be impossible. */
final class DateVariants {
    private DateVariants() {}

    /** A written date; {@code day}, {@code month} and {@code year} may form an impossible date. */
    record Dmy(int day, int month, int year) {
        String dmy(char sep) {
            return Text.dmy(day, month, year, sep);
        }

        String ymd() {
            return Text.ymd(day, month, year);
        }
    }

    static final ErrorKind[] KINDS = {ErrorKind.DATE_DAY_MONTH_SWAP, ErrorKind.DATE_YEAR_OFF,
            ErrorKind.DATE_PLACEHOLDER, ErrorKind.DATE_BLANK, ErrorKind.DATE_IMPOSSIBLE};
    static final int[] WEIGHTS = {25, 25, 25, 10, 15};

    static boolean eligible(ErrorKind kind, int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return switch (kind) {
            case DATE_DAY_MONTH_SWAP -> d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue();
            case DATE_PLACEHOLDER -> !(d.getDayOfMonth() == 1 && d.getMonthValue() == 1);
            default -> true;
        };
    }

    /** The date to write, or null for a blank. */
    static Dmy render(int epochDay, long errors, SplittableRandom rnd) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        int day = d.getDayOfMonth();
        int month = d.getMonthValue();
        int year = d.getYear();
        if (has(errors, ErrorKind.DATE_BLANK)) {
            return null;
        }
        if (has(errors, ErrorKind.DATE_IMPOSSIBLE)) {
            return rnd.nextBoolean() ? new Dmy(31, 2, year) : new Dmy(0, 0, 0);
        }
        if (has(errors, ErrorKind.DATE_DAY_MONTH_SWAP)) {
            return new Dmy(month, day, year);
        }
        if (has(errors, ErrorKind.DATE_YEAR_OFF)) {
            LocalDate off = d.plusYears(rnd.nextBoolean() ? 1 : -1);
            return new Dmy(off.getDayOfMonth(), off.getMonthValue(), off.getYear());
        }
        if (has(errors, ErrorKind.DATE_PLACEHOLDER)) {
            int[][] placeholders = {{1, 1}, {1, 7}, {31, 12}};
            while (true) {
                int[] ph = placeholders[rnd.nextInt(3)];
                if (ph[0] != day || ph[1] != month) {
                    return new Dmy(ph[0], ph[1], year);
                }
            }
        }
        return new Dmy(day, month, year);
    }

    private static boolean has(long errors, ErrorKind kind) {
        return (errors & (1L << kind.ordinal())) != 0;
    }
}
