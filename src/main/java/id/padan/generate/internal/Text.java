package id.padan.generate.internal;

import java.time.LocalDate;

/** Small, allocation-light formatting helpers for the hot loops. */
final class Text {
    private Text() {}

    static String pad(long value, int width) {
        String s = Long.toString(value);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder b = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s).toString();
    }

    static void pad2(StringBuilder b, int v) {
        if (v < 10) {
            b.append('0');
        }
        b.append(v);
    }

    static void pad4(StringBuilder b, int v) {
        if (v < 1000) {
            b.append('0');
        }
        if (v < 100) {
            b.append('0');
        }
        if (v < 10) {
            b.append('0');
        }
        b.append(v);
    }

    /** {@code dd} + separator + {@code MM} + separator + {@code yyyy}. */
    static String dmy(int epochDay, char sep) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return dmy(d.getDayOfMonth(), d.getMonthValue(), d.getYear(), sep);
    }

    static String dmy(int day, int month, int year, char sep) {
        StringBuilder b = new StringBuilder(10);
        pad2(b, day);
        b.append(sep);
        pad2(b, month);
        b.append(sep);
        pad4(b, year);
        return b.toString();
    }

    static String ymd(int day, int month, int year) {
        StringBuilder b = new StringBuilder(10);
        pad4(b, year);
        b.append('-');
        pad2(b, month);
        b.append('-');
        pad2(b, day);
        return b.toString();
    }

    /** Upper case to "Title Case": a letter after a letter or an apostrophe is lower case. */
    static String titleCase(String upper) {
        char[] c = upper.toCharArray();
        boolean inWord = false;
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            boolean letter = Character.isLetter(ch);
            if (letter) {
                c[i] = inWord ? Character.toLowerCase(ch) : Character.toUpperCase(ch);
            }
            inWord = letter || (ch == '\'' && inWord);
        }
        return new String(c);
    }
}
