package id.padan.link.compare;

/**
 * How two region codes compare, at the finest level both know: the same desa (10 digits), the same
 * kecamatan (6), the same kabupaten/kota (4), or different; NULL when either is missing.
 */
public enum RegionLevel {
    SAME_DESA, SAME_KECAMATAN, SAME_KABUPATEN, DIFFERENT, NULL;

    public static RegionLevel compare(String a, String b) {
        if (a == null || b == null || a.length() < 4 || b.length() < 4) return NULL;
        if (a.length() >= 10 && b.length() >= 10 && a.regionMatches(0, b, 0, 10)) return SAME_DESA;
        if (a.length() >= 6 && b.length() >= 6 && a.regionMatches(0, b, 0, 6)) return SAME_KECAMATAN;
        if (a.regionMatches(0, b, 0, 4)) return SAME_KABUPATEN;
        return DIFFERENT;
    }
}
