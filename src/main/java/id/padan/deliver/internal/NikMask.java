package id.padan.deliver.internal;

/**
 * Masks identity numbers in text meant for review: every run of 14 or more digits (a NIK or KK number,
 * also one typed with a digit too few or too many, or written with single spaces or dashes between digit
 * groups; a dot ends a run, so decimals such as {@code 0.9640000000003991} stay as they are) keeps its first four and last four digits, the rest become {@code *}
 * ({@code 3671010101500004} gives {@code 3671********0004}). Shorter numbers (record keys such as NOKA
 * with 13 digits or NISN with 10, region codes, dates, amounts) are left alone. Null gives null.
 */
public final class NikMask {
    static final int MIN_DIGITS = 14;

    private NikMask() {}

    public static String mask(String text) {
        if (text == null) return null;
        int n = text.length();
        StringBuilder out = null;
        int i = 0;
        int copied = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            // A run: digits, with single separators allowed between digits.
            int start = i;
            int end = i;
            int digits = 0;
            int j = i;
            while (j < n) {
                char c = text.charAt(j);
                if (isDigit(c)) {
                    digits++;
                    j++;
                    end = j;
                } else if ((c == ' ' || c == '-') && j + 1 < n && isDigit(text.charAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            boolean fraction = start >= 2 && text.charAt(start - 1) == '.' && isDigit(text.charAt(start - 2));
            if (digits >= MIN_DIGITS && !fraction) {
                if (out == null) out = new StringBuilder(n);
                out.append(text, copied, start);
                StringBuilder d = new StringBuilder(digits);
                for (int k = start; k < end; k++) if (isDigit(text.charAt(k))) d.append(text.charAt(k));
                out.append(d, 0, 4).append("*".repeat(digits - 8)).append(d, digits - 4, digits);
                copied = end;
            }
            i = end;
        }
        if (out == null) return text;
        return out.append(text, copied, n).toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
