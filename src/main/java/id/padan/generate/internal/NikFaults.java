package id.padan.generate.internal;

import id.padan.generate.ErrorKind;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/** Renders the NIK a program row carries, given the NIK error planted in it (family 1). */
final class NikFaults {
    private NikFaults() {}

    static final String[] PLACEHOLDERS = {"-", "0", "0000000000000000"};

    /**
     * The NIK text for one row.
     *
     * @param kind  the planted NIK error, or null for the person's own NIK
     * @param other a NIK to use for {@link ErrorKind#NIK_OTHER_PERSON} and {@link ErrorKind#NIK_PARENT_ON_CHILD}
     */
    static String render(ErrorKind kind, Person p, long other, SplittableRandom rnd) {
        String own = p.nik == 0 ? "" : Long.toString(p.nik);
        if (kind == null) {
            return own;
        }
        return switch (kind) {
            case NIK_BLANK -> rnd.nextInt(4) == 0 ? " " : "";
            case NIK_PLACEHOLDER -> PLACEHOLDERS[rnd.nextInt(PLACEHOLDERS.length)];
            case NIK_EXCEL_SCIENTIFIC -> excel(own, rnd.nextInt(3) == 0);
            case NIK_APOSTROPHE_OR_SPACES -> switch (rnd.nextInt(5)) {
                case 0, 1 -> "'" + own;
                case 2 -> " " + own;
                case 3 -> own + " ";
                default -> "'" + own + " ";
            };
            case NIK_15_DIGITS -> {
                int i = rnd.nextInt(16);
                yield own.substring(0, i) + own.substring(i + 1);
            }
            case NIK_17_DIGITS -> {
                int i = rnd.nextInt(17);
                yield own.substring(0, i) + rnd.nextInt(10) + own.substring(i);
            }
            case NIK_ONE_DIGIT_WRONG -> {
                char[] c = own.toCharArray();
                int i = rnd.nextInt(16);
                c[i] = (char) ('0' + (c[i] - '0' + 1 + rnd.nextInt(9)) % 10);
                yield new String(c);
            }
            case NIK_ADJACENT_SWAP -> {
                char[] c = own.toCharArray();
                int start = rnd.nextInt(15);
                for (int k = 0; k < 15; k++) {
                    int i = (start + k) % 15;
                    if (c[i] != c[i + 1]) {
                        char t = c[i];
                        c[i] = c[i + 1];
                        c[i + 1] = t;
                        break;
                    }
                }
                yield new String(c);
            }
            case NIK_KK_NUMBER -> Long.toString(p.family.kk);
            case NIK_PARENT_ON_CHILD, NIK_OTHER_PERSON -> Long.toString(other);
            default -> throw new IllegalArgumentException("not a NIK error: " + kind);
        };
    }

    /** What Excel shows for a 16-digit number in a General cell: {@code 3.60301E+15} (or with a decimal comma). */
    static String excel(String digits, boolean indonesianLocale) {
        int exponent = digits.length() - 1;
        BigDecimal mantissa = new BigDecimal(digits).movePointLeft(exponent)
                .round(new MathContext(6, RoundingMode.HALF_UP));
        if (mantissa.compareTo(BigDecimal.TEN) >= 0) {
            mantissa = mantissa.movePointLeft(1);
            exponent++;
        }
        String m = mantissa.stripTrailingZeros().toPlainString();
        if (indonesianLocale) {
            m = m.replace('.', ',');
        }
        return m + "E+" + exponent;
    }

    /** Whether {@code kind} transforms the person's own NIK (so the person must have one). */
    static boolean needsOwnNik(ErrorKind kind) {
        return switch (kind) {
            case NIK_EXCEL_SCIENTIFIC, NIK_APOSTROPHE_OR_SPACES, NIK_15_DIGITS, NIK_17_DIGITS,
                 NIK_ONE_DIGIT_WRONG, NIK_ADJACENT_SWAP -> true;
            default -> false;
        };
    }
}
