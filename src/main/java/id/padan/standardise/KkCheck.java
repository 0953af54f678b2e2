package id.padan.standardise;

/**
 * A submitted KK (family card) number, cleaned and classified by {@link NikCleaner#checkKk(String)}
 * with the same rules as a NIK, except that the middle part is the card's issue date, not a birth date,
 * so it is not checked: {@code STRUCTURE} here only means an unknown province code.
 *
 * <p>{@code digits} is the cleaned value whenever it is all digits (any length), null when nothing
 * usable is left; {@code problem} is null only when {@code VALID}; {@code regionKnown} and
 * {@code retiredRegion} are warnings about the kecamatan prefix, false unless there are 16 digits.
 */
public record KkCheck(String raw, String digits, NikStatus status, String problem,
                      boolean regionKnown, boolean retiredRegion) {

    /** True if the KK number is usable as it stands. */
    public boolean isValid() {
        return status == NikStatus.VALID;
    }
}
