package id.padan.link.compare;

/** How two family-card (KK) numbers compare; NULL when either is missing or not 16 digits. */
public enum KkLevel {
    EXACT, DIFFERENT, NULL;

    public static KkLevel compare(String a, String b) {
        if (a == null || b == null || a.length() != 16 || b.length() != 16) return NULL;
        return a.equals(b) ? EXACT : DIFFERENT;
    }
}
