package id.padan.link.internal;

import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The NIKs a submitted digit string may have been meant as: every one-digit substitution and
 * adjacent swap (of 16 digits, or of an identifier of another fixed length from 6 to 14 digits),
 * every one-digit insertion into 15 digits, every one-digit deletion from 17 digits.
 */
final class NikVariants {
    private NikVariants() {}

    private static final long[] POW10 = new long[18];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    /**
     * The number ({@link BlockKeys#nik}) of every variant {@link #forEach} gives, in the same order; a variant of 16
     * digits (those of 15, 16 and 17 digits) is computed as a number, without making its string.
     */
    static void forEachNumber(String digits, LongConsumer out) {
        int n = digits.length();
        if (n < 15 || n > 17 || !allDigits(digits)) {
            forEach(digits, v -> out.accept(BlockKeys.nik(v)));
            return;
        }
        long x = Long.parseLong(digits);
        if (n == 16) {
            for (int i = 0; i < 16; i++) {
                long place = POW10[15 - i];
                int orig = digits.charAt(i) - '0';
                for (int d = 0; d <= 9; d++) if (d != orig) out.accept(x + (d - orig) * place);
            }
            for (int i = 0; i < 15; i++) {
                int a = digits.charAt(i) - '0', b = digits.charAt(i + 1) - '0';
                if (a == b) continue;
                out.accept(x + (b - a) * POW10[15 - i] + (a - b) * POW10[14 - i]);
            }
        } else if (n == 15) {
            for (int i = 0; i <= 15; i++) {
                long head = x / POW10[15 - i] * POW10[16 - i], tail = x % POW10[15 - i];
                for (int d = 0; d <= 9; d++) out.accept(head + d * POW10[15 - i] + tail);
            }
        } else {
            for (int i = 0; i < 17; i++) out.accept(x / POW10[17 - i] * POW10[16 - i] + x % POW10[16 - i]);
        }
    }

    /** The 16-digit text of a NIK's number ({@link BlockKeys#nik} of 16 digits), leading zeros kept. */
    static String sixteen(long nik) {
        String s = Long.toString(nik);
        return s.length() == 16 ? s : "0".repeat(16 - s.length()) + s;
    }

    /** Whether {@link #forEachNumber} gives numbers of 16 digits (each {@link #sixteen} turns back into its variant). */
    static boolean sixteenDigitVariants(String digits) {
        int n = digits.length();
        return n >= 15 && n <= 17 && allDigits(digits);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    static void forEach(String digits, Consumer<String> out) {
        int n = digits.length();
        char[] c = digits.toCharArray();
        if (n >= 6 && n <= 16 && n != 15) {
            for (int i = 0; i < n; i++) {
                char orig = c[i];
                for (char d = '0'; d <= '9'; d++) {
                    if (d == orig) continue;
                    c[i] = d;
                    out.accept(new String(c));
                }
                c[i] = orig;
            }
            for (int i = 0; i < n - 1; i++) {
                if (c[i] == c[i + 1]) continue;
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                out.accept(new String(c));
                c[i + 1] = c[i];
                c[i] = t;
            }
        } else if (n == 15) {
            StringBuilder sb = new StringBuilder(16);
            for (int i = 0; i <= 15; i++) {
                for (char d = '0'; d <= '9'; d++) {
                    sb.setLength(0);
                    sb.append(digits, 0, i).append(d).append(digits, i, 15);
                    out.accept(sb.toString());
                }
            }
        } else if (n == 17) {
            StringBuilder sb = new StringBuilder(16);
            for (int i = 0; i < 17; i++) {
                sb.setLength(0);
                sb.append(digits, 0, i).append(digits, i + 1, 17);
                out.accept(sb.toString());
            }
        }
    }
}
