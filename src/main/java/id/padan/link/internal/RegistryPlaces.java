package id.padan.link.internal;

/**
 * The places the registry knows a person by besides the domicile: the kecamatan their NIK was issued in (the NIK's
 * first six digits, where they lived when registered; domain: the region part of a NIK is where it was issued, not
 * where the person lives now).
 */
final class RegistryPlaces {
    private RegistryPlaces() {}

    /**
     * The kecamatan of issue of a registry row's NIK when it differs from the kecamatan of the domicile; null for a
     * program row, an identifier that is not a 16-digit NIK, or the same kecamatan.
     */
    static String issueKecamatan(LinkRow r) {
        if (!r.registry || r.digits == null || r.digits.length() != 16) return null;
        for (int i = 0; i < 6; i++) if (!Character.isDigit(r.digits.charAt(i))) return null;
        String issued = r.digits.substring(0, 6);
        return r.region != null && r.region.startsWith(issued) ? null : issued;
    }
}
