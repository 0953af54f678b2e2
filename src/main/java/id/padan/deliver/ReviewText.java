package id.padan.deliver;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text a reviewer may read: a sentence, a name, a region, a code. Made only by {@link #of} (which masks every
 * NIK- or KK-like number in it, see {@link #masked}) or by joining other review texts, masked identifiers
 * ({@link MaskedNik}) and record keys ({@link #key}). The reviewer files (CSV, XLSX, HTML) take cells of this
 * type or of {@link MaskedNik}, numbers and dates, never a plain string.
 */
public final class ReviewText extends MaskedText implements CharSequence {
    public static final ReviewText EMPTY = new ReviewText("");
    /**
     * A NIK/KK-like number in free text: 12 or more digits, single dots, slashes, spaces or dashes allowed between
     * them (3603.0147.0890.0001, 3603/01/470890/0001); or Excel's notation with more than six digits shown.
     */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])\\d(?:[./ -]?\\d){11,}(?!\\d)");
    private static final Pattern EXCEL = Pattern.compile("(?<!\\d)(\\d)[.,](\\d{6,})([eE]\\+?\\d{1,2})");
    /** A record key: masked only when it looks like a NIK itself (14 or more digits, e.g. a registry key). */
    private static final Pattern KEY_NUMBER = Pattern.compile("(?<!\\d)\\d(?:[./ -]?\\d){13,}(?!\\d)");
    private final boolean identifier;

    private ReviewText(String text) {
        this(text, false);
    }

    /** Only for text already masked: {@link CellSpool} reading back what it wrote. */
    ReviewText(String text, boolean identifier) {
        super(text);
        this.identifier = identifier;
    }

    /**
     * An identifier that a spreadsheet must keep as text (a person id, a region or finding code, a record key):
     * masked like free text, and marked so that leading zeros and long digit strings survive.
     */
    public static ReviewText id(String value) {
        if (value == null || value.isEmpty()) return EMPTY;
        return new ReviewText(masked(value), true);
    }

    public static ReviewText id(long value) {
        return new ReviewText(Long.toString(value), true);
    }

    @Override
    public boolean identifier() {
        return identifier;
    }

    /** Free text with every NIK/KK-like number masked to its first six digits. Null gives {@link #EMPTY}. */
    public static ReviewText of(String text) {
        if (text == null || text.isEmpty()) return EMPTY;
        return new ReviewText(masked(text));
    }

    /**
     * A source's record key (PKH's ID_ART, PBI's 13-digit NOKA, KIP's NISN): kept as sent so the reviewer can find
     * the row, unless it is NIK-like (14 or more digits), which is masked like a NIK.
     */
    public static ReviewText key(String recordKey) {
        if (recordKey == null || recordKey.isEmpty()) return EMPTY;
        return new ReviewText(KEY_NUMBER.matcher(recordKey).find() ? MaskedNik.of(recordKey).toString() : recordKey, true);
    }

    public static ReviewText of(MaskedNik nik) {
        return new ReviewText(nik.toString());
    }

    /** A number as a reviewer reads it (never an identifier). */
    public static ReviewText of(long number) {
        return new ReviewText(Long.toString(number));
    }

    /** These parts one after the other. */
    public static ReviewText join(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p == null) continue;
            if (p instanceof ReviewText || p instanceof MaskedNik) sb.append(p);
            else sb.append(masked(p.toString()));
        }
        return new ReviewText(sb.toString());
    }

    /** Every NIK/KK-like number in {@code text} with only its first six digits shown. */
    public static String masked(String text) {
        if (text == null) return null;
        if (!mayHoldNumber(text)) return text;
        return maskAll(NUMBER, maskAll(EXCEL, text));
    }

    /** {@code text} with every match of {@code pattern} replaced by its {@link MaskedNik}. */
    private static String maskAll(Pattern pattern, String text) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(MaskedNik.of(m.group()).toString()));
    }

    /**
     * Whether {@code text} may hold a match of {@link #NUMBER} (a run of 12 digits with at most one separator between
     * two) or {@link #EXCEL} (six digits and an exponent). Most texts (names, codes, dates, sentences, model weights)
     * do not, and skip the regular expressions.
     */
    private static boolean mayHoldNumber(String text) {
        int run = 0, consecutive = 0;
        boolean afterDigit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= 12) return true;
                consecutive++;
                afterDigit = true;
                continue;
            }
            if ((c == 'e' || c == 'E') && consecutive >= 6) return true;
            consecutive = 0;
            if (afterDigit && (c == '.' || c == '/' || c == ' ' || c == '-')) {
                afterDigit = false;
            } else {
                run = 0;
                afterDigit = false;
            }
        }
        return false;
    }

    @Override
    public int length() {
        return toString().length();
    }

    @Override
    public char charAt(int index) {
        return toString().charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }
}
