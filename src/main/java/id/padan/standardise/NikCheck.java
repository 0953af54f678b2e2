package id.padan.standardise;

/**
 * A submitted NIK, cleaned and classified by {@link NikCleaner#check(String)}.
 *
 * <p>{@code digits} is the cleaned value whenever it is all digits, whatever its length (so a 15- or
 * 17-digit NIK is kept as repair evidence), and null when nothing usable is left (blank, placeholder,
 * letters, scientific notation). {@code problem} is a short operator-readable reason, null only when
 * {@code VALID}; it never repeats the NIK itself (personal data). The birth fields and the sex are
 * filled only when {@code digits} has 16 digits whose date part is a possible date (also under
 * {@code STRUCTURE} for another reason): {@code birthDay} 1-31 (women's +40 removed), {@code birthMonth}
 * 1-12, {@code birthYear2} 0-99 and {@code sexFromNik} {@code 'L'} or {@code 'P'}; otherwise 0, 0, -1
 * and {@code '\0'}. {@code regionKnown} says the kecamatan prefix is in the Kemendagri reference,
 * current or retired; {@code retiredRegion} says it is only in an older edition. Both are warnings,
 * never reasons to reject, and are false unless {@code digits} has 16 digits.
 */
public record NikCheck(String raw, String digits, NikStatus status, String problem,
                       boolean regionKnown, boolean retiredRegion,
                       int birthDay, int birthMonth, int birthYear2, char sexFromNik) {

    /** True if the NIK is usable as an identifier as it stands. */
    public boolean isValid() {
        return status == NikStatus.VALID;
    }

    /** True if the NIK's date part was read: {@code birthDay}, {@code birthMonth}, {@code birthYear2} are set. */
    public boolean hasBirthDate() {
        return birthDay != 0;
    }
}
