package id.padan.standardise;

/**
 * A region as a source gave it, cut into its Kemendagri levels by {@link RegionCodes}: {@code desa}
 * (10 digits), {@code kecamatan} (6), {@code kabupaten} (4), {@code province} (2). A level is null when
 * the source did not give it (a 6-digit code has no desa) or the input was malformed; the levels
 * present are filled whether or not the reference knows them, so an {@code UNKNOWN} code still groups
 * by kabupaten. {@code status} is never null.
 */
public record RegionCode(String desa, String kecamatan, String kabupaten, String province, RegionStatus status) {

    /** The most detailed code present, or null if none. */
    public String finest() {
        if (desa != null) {
            return desa;
        }
        if (kecamatan != null) {
            return kecamatan;
        }
        return kabupaten != null ? kabupaten : province;
    }
}
