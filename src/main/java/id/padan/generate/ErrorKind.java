package id.padan.generate;

/**
 * The error instances the generator plants, grouped by the numbered families of
 * domain.md "Typical errors" (1 NIK, 2 name, 3 birth date, 4 sex, 5 region,
 * 6 duplicates, 7 deaths, 8 not in the registry, 9 file-level faults).
 * Their names appear in {@code truth.csv} (column {@code errors}) and in {@code truth_summary.txt}.
 */
public enum ErrorKind {
    NIK_BLANK(1),
    NIK_PLACEHOLDER(1),
    NIK_EXCEL_SCIENTIFIC(1),
    NIK_APOSTROPHE_OR_SPACES(1),
    NIK_15_DIGITS(1),
    NIK_17_DIGITS(1),
    NIK_ONE_DIGIT_WRONG(1),
    NIK_ADJACENT_SWAP(1),
    NIK_KK_NUMBER(1),
    NIK_PARENT_ON_CHILD(1),
    NIK_OTHER_PERSON(1),

    NAME_CASE(2),
    NAME_SPACING(2),
    NAME_PUNCTUATION(2),
    NAME_TITLE(2),
    NAME_ALM_PREFIX(2),
    NAME_BIN_BINTI(2),
    NAME_MUHAMMAD_OR_INITIALS(2),
    NAME_OLD_SPELLING(2),
    NAME_TYPO(2),
    NAME_TRUNCATED(2),
    NAME_TOKEN_MISSING(2),
    NAME_TOKEN_EXTRA(2),
    NAME_TOKEN_ORDER(2),

    DATE_DAY_MONTH_SWAP(3),
    DATE_YEAR_OFF(3),
    DATE_PLACEHOLDER(3),
    DATE_BLANK(3),
    DATE_IMPOSSIBLE(3),
    /** The registry carries a placeholder birth date (01-01, 01-07, 31-12); on program rows: the row carries the true date instead. */
    DATE_REGISTRY_PLACEHOLDER(3),

    SEX_WRONG(4),

    /** Region code of a kecamatan that was renumbered by a split (pemekaran). */
    REGION_OLD_CODE(5),
    /** The program lists the person in another kabupaten/kota than the registry domicile. */
    REGION_MOVED(5),

    /** An extra row of a person already listed in the same program, under another record key. */
    DUPLICATE_ROW(6),

    /** A program row of a person whose registry death date is on or before the as-of date. */
    DECEASED_LISTED(7),

    /** A program row of a person the registry extract does not hold. */
    NOT_IN_REGISTRY(8),

    FILE_WRONG_COLUMN_COUNT(9),
    FILE_UNTERMINATED_QUOTE(9),
    FILE_DELIMITER_IN_UNQUOTED_FIELD(9),
    FILE_INVALID_BYTES(9),
    FILE_TRUNCATED_ROW(9),
    FILE_BLANK_LINES(9),
    FILE_CRLF(9),
    FILE_BOM(9),
    FILE_HEADER_CASE(9),
    FILE_HEADER_SPACES(9),
    FILE_EXTRA_COLUMN(9),
    /**
     * A quoted free-text value (PKH's address, KIP's school name) holding a line break, as an Excel cell
     * typed with Alt+Enter is exported: one record over two physical lines. Not damage: RFC 4180 allows
     * it, and the row must load.
     */
    FILE_MULTILINE_VALUE(9);

    private final int family;

    ErrorKind(int family) {
        this.family = family;
    }

    /** The family number of domain.md "Typical errors", 1 to 9. */
    public int family() {
        return family;
    }

    /** Whether a row with this fault cannot be loaded (the truth marks it {@code damaged}). */
    public boolean damagesRow() {
        return this == FILE_WRONG_COLUMN_COUNT || this == FILE_UNTERMINATED_QUOTE
                || this == FILE_DELIMITER_IN_UNQUOTED_FIELD || this == FILE_INVALID_BYTES
                || this == FILE_TRUNCATED_ROW;
    }
}
