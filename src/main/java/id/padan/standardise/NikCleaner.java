package id.padan.standardise;

import id.padan.reference.DistrictStatus;
import id.padan.reference.RegionReference;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Cleans and classifies submitted NIK and KK numbers; never throws and never returns null (a null or
 * blank input comes back as {@link NikStatus#MISSING}). Thread-safe and stateless apart from the region
 * reference it is given.
 *
 * <p>Cleaning: surrounding and inner whitespace (including non-breaking and zero-width spaces), dots and
 * dashes are removed, and apostrophes or backticks before the first digit (Excel's text marker) are
 * dropped. Then, in this order:
 * <ul>
 *   <li>{@code MISSING}: nothing left (blank); or a placeholder: only dashes or dots ({@code -}), one
 *       character repeated at any length ({@code 0}, {@code 0000000000000000}, {@code 9999999999999999},
 *       {@code XXXX}, {@code ***}), a word meaning "none", case-insensitive and ignoring spaces, dots,
 *       dashes and slashes: NULL, N/A, #N/A, NA, NAN, NONE, NIL, NIHIL, KOSONG,
 *       TIDAK ADA, TDK ADA, TAK ADA, BELUM ADA, BLM ADA, TIDAK PUNYA, TDK PUNYA, BELUM PUNYA, BELUM
 *       REKAM, or the counting sequence {@code 1234567890123456} (any prefix of at least 6 digits).</li>
 *   <li>{@code MALFORMED}: Excel scientific notation ({@code 3.60301E+15}, {@code 3,60301E+15},
 *       {@code 3.60301e15}; the lost digits cannot be recovered), masked digits ({@code 3603XXXX...}),
 *       other letters or symbols, or a digit count other than 16 (digits kept as repair evidence).</li>
 *   <li>{@code STRUCTURE} (NIK): province code not a current Kemendagri province, impossible date part
 *       (DD 01-31 or 41-71, MM 01-12, day within the month ignoring the year, so 29-02 passes), or
 *       serial {@code 0000}. KK: unknown province only.</li>
 *   <li>{@code VALID} otherwise. An unknown kecamatan prefix is only a warning ({@code regionKnown}
 *       false); a kecamatan only in an edition before the current one (2016-2023) is
 *       known but {@code retiredRegion}.</li>
 * </ul>
 */
public final class NikCleaner {

    static final String BLANK = "blank";
    static final String PLACEHOLDER = "placeholder, not a number";
    static final String SCIENTIFIC = "Excel scientific notation; digits lost";
    static final String MASKED = "masked: digits replaced by X or *";
    static final String NOT_DIGITS = "contains letters or symbols";
    static final String UNKNOWN_PROVINCE = "unknown province code";
    static final String IMPOSSIBLE_DATE = "impossible birth date in NIK";
    static final String ZERO_SERIAL = "serial number 0000";

    private static final int NIK_LENGTH = 16;
    private static final int[] MAX_DAY = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final int FEMALE_DAY_OFFSET = 40;
    private static final int MIN_SEQUENCE_PLACEHOLDER = 6;
    private static final String COUNTING_SEQUENCE = "12345678901234567890";

    /** Upper case, with spaces, dots, dashes and slashes removed (see {@link #textKey}). */
    private static final Set<String> TEXT_PLACEHOLDERS = Set.of(
            "NULL", "NA", "#NA", "NAN", "NONE", "NIL", "NIHIL", "KOSONG",
            "TIDAKADA", "TDKADA", "TAKADA", "BELUMADA", "BLMADA",
            "TIDAKPUNYA", "TDKPUNYA", "BELUMPUNYA", "BELUMREKAM");

    /** Indexed by bad province (4) | bad date (2) | bad serial (1). */
    private static final String[] STRUCTURE_PROBLEMS = {
            null,
            ZERO_SERIAL,
            IMPOSSIBLE_DATE,
            IMPOSSIBLE_DATE + "; " + ZERO_SERIAL,
            UNKNOWN_PROVINCE,
            UNKNOWN_PROVINCE + "; " + ZERO_SERIAL,
            UNKNOWN_PROVINCE + "; " + IMPOSSIBLE_DATE,
            UNKNOWN_PROVINCE + "; " + IMPOSSIBLE_DATE + "; " + ZERO_SERIAL};

    private static final String[] LENGTH_PROBLEMS = new String[64];

    static {
        for (int i = 1; i < LENGTH_PROBLEMS.length; i++) {
            LENGTH_PROBLEMS[i] = lengthProblem(i);
        }
    }

    private static final NikCheck NULL_NIK = new NikCheck(null, null, NikStatus.MISSING, BLANK,
            false, false, 0, 0, -1, '\0');

    private final RegionReference regions;

    /** A cleaner judging region prefixes against {@code regions} (not null). */
    public NikCleaner(RegionReference regions) {
        this.regions = Objects.requireNonNull(regions, "regions");
    }

    /** Cleans and classifies a submitted NIK; null or blank gives {@code MISSING}, never throws. */
    public NikCheck check(String raw) {
        if (raw == null) {
            return NULL_NIK;
        }
        String digits = cleanDigits(raw);
        String early = earlyProblem(raw, digits);
        if (early != null) {
            NikStatus status = earlyStatus(early);
            return new NikCheck(raw, status == NikStatus.MALFORMED ? digits : null, status, early,
                    false, false, 0, 0, -1, '\0');
        }
        int province = twoDigits(digits, 0);
        int dd = twoDigits(digits, 6);
        int mm = twoDigits(digits, 8);
        int yy = twoDigits(digits, 10);
        boolean female = dd > FEMALE_DAY_OFFSET;
        int day = female ? dd - FEMALE_DAY_OFFSET : dd;
        // 29 February only in a year that is a leap year in one of the two centuries a two-digit year can be (19yy, 20yy):
        // both are leap years exactly when yy is a multiple of 4 (2000 was one)
        boolean dateOk = day >= 1 && day <= 31 && mm >= 1 && mm <= 12 && day <= MAX_DAY[mm] && !(mm == 2 && day == 29 && yy % 4 != 0);
        boolean provinceOk = regions.isProvince(province);
        boolean serialOk = twoDigits(digits, 12) != 0 || twoDigits(digits, 14) != 0;
        DistrictStatus district = provinceOk
                ? regions.district(province * 10_000 + twoDigits(digits, 2) * 100 + twoDigits(digits, 4))
                : DistrictStatus.UNKNOWN;
        String problem = STRUCTURE_PROBLEMS[(provinceOk ? 0 : 4) | (dateOk ? 0 : 2) | (serialOk ? 0 : 1)];
        return new NikCheck(raw, digits, problem == null ? NikStatus.VALID : NikStatus.STRUCTURE, problem,
                district != DistrictStatus.UNKNOWN, district == DistrictStatus.RETIRED,
                dateOk ? day : 0, dateOk ? mm : 0, dateOk ? yy : -1, dateOk ? (female ? 'P' : 'L') : '\0');
    }

    /**
     * Cleans and classifies a submitted KK number: the NIK rules without the date and serial checks
     * (the middle part is the card's issue date); null or blank gives {@code MISSING}, never throws.
     */
    public KkCheck checkKk(String raw) {
        if (raw == null) {
            return new KkCheck(null, null, NikStatus.MISSING, BLANK, false, false);
        }
        String digits = cleanDigits(raw);
        String early = earlyProblem(raw, digits);
        if (early != null) {
            NikStatus status = earlyStatus(early);
            return new KkCheck(raw, status == NikStatus.MALFORMED ? digits : null, status, early, false, false);
        }
        int province = twoDigits(digits, 0);
        if (!regions.isProvince(province)) {
            return new KkCheck(raw, digits, NikStatus.STRUCTURE, UNKNOWN_PROVINCE, false, false);
        }
        DistrictStatus district = regions.district(
                province * 10_000 + twoDigits(digits, 2) * 100 + twoDigits(digits, 4));
        return new KkCheck(raw, digits, NikStatus.VALID, null,
                district != DistrictStatus.UNKNOWN, district == DistrictStatus.RETIRED);
    }

    /**
     * True if the NIK's date part matches {@code birthDate} (day, month, two-digit year) and, when
     * {@code sex} is {@code 'L'} or {@code 'P'} (either case), the +40 rule for women; any other or null
     * {@code sex} is not compared. False when either side has no date. Evidence, not proof: many
     * records carry placeholder birth dates.
     */
    public static boolean agreesWith(NikCheck check, LocalDate birthDate, Character sex) {
        if (check == null || birthDate == null || !check.hasBirthDate()) {
            return false;
        }
        if (check.birthDay() != birthDate.getDayOfMonth()
                || check.birthMonth() != birthDate.getMonthValue()
                || check.birthYear2() != Math.floorMod(birthDate.getYear(), 100)) {
            return false;
        }
        if (sex == null) {
            return true;
        }
        char s = Character.toUpperCase(sex);
        return (s != 'L' && s != 'P') || s == check.sexFromNik();
    }

    /**
     * The digits of {@code raw} with ignorable characters removed: {@code raw} itself when nothing was
     * removed, "" when nothing is left, null when a character other than a digit or an ignorable one
     * is present.
     */
    static String cleanDigits(String raw) {
        int n = raw.length();
        int i = 0;
        while (i < n && raw.charAt(i) >= '0' && raw.charAt(i) <= '9') {
            i++;
        }
        if (i == n) {
            return raw; // the common case: nothing to clean, nothing to copy
        }
        char[] buffer = new char[n];
        raw.getChars(0, i, buffer, 0);
        int length = i;
        boolean started = i > 0;
        for (; i < n; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                buffer[length++] = c;
                started = true;
            } else if (!isIgnorable(c) && (started || !isTextMarker(c))) {
                return null;
            }
        }
        return length == 0 ? "" : new String(buffer, 0, length);
    }

    private static boolean isIgnorable(char c) {
        return c <= ' ' || c == '.' || c == '-'
                || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u3000' // non-breaking spaces
                || c == '\u200B' || c == '\uFEFF'                                   // zero-width, BOM
                || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';               // hyphens, dashes, minus
    }

    /** Marks that Excel or a typist puts before a number to keep it text. */
    private static boolean isTextMarker(char c) {
        return c == '\'' || c == '`' || c == '\u2018' || c == '\u2019' || c == '\u00B4';
    }

    /** The MISSING or MALFORMED reason, or null when {@code digits} is a 16-digit candidate. */
    private static String earlyProblem(String raw, String digits) {
        if (digits == null) {
            return textProblem(raw);
        }
        int n = digits.length();
        if (n == 0) {
            return isBlank(raw) ? BLANK : PLACEHOLDER;
        }
        if (isRepeated(digits) || isCountingSequence(digits)) {
            return PLACEHOLDER;
        }
        if (n != NIK_LENGTH) {
            return n < LENGTH_PROBLEMS.length ? LENGTH_PROBLEMS[n] : lengthProblem(n);
        }
        return null;
    }

    private static NikStatus earlyStatus(String problem) {
        return problem == BLANK || problem == PLACEHOLDER ? NikStatus.MISSING : NikStatus.MALFORMED;
    }

    private static String lengthProblem(int n) {
        return n + (n == 1 ? " digit" : " digits") + ", expected 16";
    }

    /** Reason for a value holding something other than digits and ignorable characters. */
    private static String textProblem(String raw) {
        if (isScientific(raw)) {
            return SCIENTIFIC;
        }
        String key = textKey(raw);
        if (key.isEmpty()) {
            return BLANK;
        }
        if (TEXT_PLACEHOLDERS.contains(key) || (isRepeated(key) && "X*?_#".indexOf(key.charAt(0)) >= 0)) {
            return PLACEHOLDER;
        }
        return isMasked(key) ? MASKED : NOT_DIGITS;
    }

    /** Upper case, without ignorable characters, slashes and leading text markers. */
    private static String textKey(String raw) {
        StringBuilder key = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isIgnorable(c) || c == '/' || (key.isEmpty() && isTextMarker(c))) {
                continue;
            }
            key.append(c);
        }
        return key.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * True for what Excel shows for a long number: a mantissa with at most one decimal separator
     * (dot or, from an Indonesian locale, comma), {@code E} or {@code e}, an optional sign and a
     * 1-3 digit exponent; surrounding whitespace and a leading text marker are allowed.
     */
    static boolean isScientific(String raw) {
        int n = raw.length();
        int i = 0;
        while (i < n && (isBlankChar(raw.charAt(i)) || isTextMarker(raw.charAt(i)))) {
            i++;
        }
        while (n > i && isBlankChar(raw.charAt(n - 1))) {
            n--;
        }
        int mantissaDigits = 0;
        while (i < n && isDigit(raw.charAt(i))) {
            i++;
            mantissaDigits++;
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i < n && (raw.charAt(i) == '.' || raw.charAt(i) == ',')) {
            i++;
            while (i < n && isDigit(raw.charAt(i))) {
                i++;
            }
        }
        if (i >= n || (raw.charAt(i) != 'E' && raw.charAt(i) != 'e')) {
            return false;
        }
        i++;
        if (i < n && (raw.charAt(i) == '+' || raw.charAt(i) == '-')) {
            i++;
        }
        int exponentDigits = n - i;
        if (exponentDigits < 1 || exponentDigits > 3) {
            return false;
        }
        for (; i < n; i++) {
            if (!isDigit(raw.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlankChar(char c) {
        return c <= ' ' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u3000' || c == '\uFEFF';
    }

    private static boolean isBlank(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (!isBlankChar(raw.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isRepeated(String s) {
        char first = s.charAt(0);
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) != first) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCountingSequence(String digits) {
        return digits.length() >= MIN_SEQUENCE_PLACEHOLDER && digits.length() <= COUNTING_SEQUENCE.length()
                && COUNTING_SEQUENCE.startsWith(digits);
    }

    /** Digits and masking characters ({@code X}, {@code *}), at least one of each. */
    private static boolean isMasked(String key) {
        boolean digit = false;
        boolean mask = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (isDigit(c)) {
                digit = true;
            } else if (c == 'X' || c == '*') {
                mask = true;
            } else {
                return false;
            }
        }
        return digit && mask;
    }

    private static int twoDigits(String digits, int at) {
        return (digits.charAt(at) - '0') * 10 + (digits.charAt(at + 1) - '0');
    }
}
