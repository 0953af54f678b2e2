package id.padan.standardise;

/**
 * Outcome of checking a submitted NIK or KK number: {@code VALID} (16 digits, plausible structure),
 * {@code MISSING} (blank or a placeholder such as {@code -} or {@code 0000000000000000}),
 * {@code MALFORMED} (not 16 digits after cleaning, e.g. 15 digits or Excel scientific notation) or
 * {@code STRUCTURE} (16 digits that cannot be a real number: unknown province, impossible birth date,
 * serial 0000).
 */
public enum NikStatus {
    VALID,
    MISSING,
    MALFORMED,
    STRUCTURE
}
