package id.padan.link.internal;

import java.util.function.Consumer;

/**
 * The NIKs a submitted digit string may have been meant as: every one-digit substitution and
 * adjacent swap of 16 digits, every one-digit insertion into 15 digits, every one-digit deletion
 * from 17 digits. Only 16-digit strings are produced.
 */
final class NikVariants {
    private NikVariants() {}

    static void forEach(String digits, Consumer<String> out) {
        int n = digits.length();
        char[] c = digits.toCharArray();
        if (n == 16) {
            for (int i = 0; i < 16; i++) {
                char orig = c[i];
                for (char d = '0'; d <= '9'; d++) {
                    if (d == orig) continue;
                    c[i] = d;
                    out.accept(new String(c));
                }
                c[i] = orig;
            }
            for (int i = 0; i < 15; i++) {
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
