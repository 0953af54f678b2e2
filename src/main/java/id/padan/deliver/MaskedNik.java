package id.padan.deliver;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NIK or KK number as a reviewer may see it: at most its first six digits (the kecamatan code, which the
 * row shows anyway), every further digit a {@code *}. A NIK is kecamatan (6) + birth date (day + 40 for women)
 * + serial (4), so any more digits beside the row's own birth date would let the number be rebuilt.
 *
 * <p>Any shape a source sends is masked the same way: dots, slashes, spaces or dashes between digits, a leading
 * {@code '}, 12 to 17 digits, Excel's scientific notation ({@code 3.60301E+15}: the digits shown, then a {@code *}
 * for each digit the notation stands for). A value with six digits or fewer (a placeholder such as {@code -} or
 * {@code 0}) is shown as sent. Null and blank give {@link #NONE}.
 *
 * <p>Reviewer files take identifiers only as this type or inside {@link ReviewText}, so an unmasked number cannot
 * reach them by accident.
 */
public final class MaskedNik extends MaskedText {
    /** Digits a reviewer may see. */
    public static final int VISIBLE_DIGITS = 6;
    public static final MaskedNik NONE = new MaskedNik("");
    private static final Pattern EXCEL = Pattern.compile("^\\s*'?(\\d)[.,](\\d+)[eE]\\+?(\\d{1,2})\\s*$");

    /** Only for a value already masked: {@link CellSpool} reading back what it wrote. */
    MaskedNik(String shown) {
        super(shown);
    }

    public static MaskedNik of(String value) {
        if (value == null || value.isBlank()) return NONE;
        Matcher excel = EXCEL.matcher(value);
        if (excel.matches()) {
            String digits = excel.group(1) + excel.group(2);
            int total = Integer.parseInt(excel.group(3)) + 1;
            return new MaskedNik(masked(digits, Math.max(total, digits.length())));
        }
        StringBuilder digits = new StringBuilder(20);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') digits.append(c);
        }
        if (digits.length() <= VISIBLE_DIGITS) return new MaskedNik(ReviewText.masked(value.strip()));
        return new MaskedNik(masked(digits, digits.length()));
    }

    private static String masked(CharSequence digits, int length) {
        int visible = Math.min(VISIBLE_DIGITS, digits.length());
        return digits.subSequence(0, visible) + "*".repeat(Math.max(0, length - visible));
    }

    @Override
    public boolean identifier() {
        return true;
    }
}
