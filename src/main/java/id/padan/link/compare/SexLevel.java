package id.padan.link.compare;

/** How two sexes compare ({@code 'L'}/{@code 'P'}); NULL when either is unknown. */
public enum SexLevel {
    SAME, DIFFERENT, NULL;

    public static SexLevel compare(Character a, Character b) {
        if (a == null || b == null) return NULL;
        return a.charValue() == b.charValue() ? SAME : DIFFERENT;
    }
}
