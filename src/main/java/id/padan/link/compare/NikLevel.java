package id.padan.link.compare;

/**
 * How a submitted NIK relates to a registry person, strongest first: their NIK exactly; their NIK
 * with one digit wrong, two adjacent digits swapped, or one digit dropped or added (15 or 17 digits);
 * their family card number written in the NIK field; the NIK of another member of their family card
 * (a parent's NIK on a child's row); the same region and embedded birth date (first 12 digits, the
 * serial differs); different; or NULL when the row carries no usable digits.
 */
public enum NikLevel {
    EXACT, ONE_DIGIT, ADJACENT_SWAP, ONE_INSERTED_OR_DROPPED, KK_IN_NIK_FIELD, FAMILY_MEMBER_NIK, SAME_REGION_AND_DATE, DIFFERENT, NULL;

    /** Is this a repair of the submitted NIK (the row is linked to someone whose NIK it does not carry)? */
    public boolean isRepair() {
        return this != EXACT && this != NULL && this != DIFFERENT;
    }

    /**
     * The level from the digits alone (family relations need the registry and are decided by the caller).
     *
     * @param submitted the row's cleaned NIK digits (any length), or null
     * @param registry  the registry person's 16-digit NIK
     */
    public static NikLevel ofDigits(String submitted, String registry) {
        if (submitted == null || submitted.isEmpty()) return NULL;
        if (registry == null) return NULL;
        int n = submitted.length();
        if (n == 16) {
            if (submitted.equals(registry)) return EXACT;
            int diffs = 0, first = -1, second = -1;
            for (int i = 0; i < 16; i++) {
                if (submitted.charAt(i) != registry.charAt(i)) {
                    if (diffs == 0) first = i;
                    else if (diffs == 1) second = i;
                    diffs++;
                    if (diffs > 2) break;
                }
            }
            if (diffs == 1) return ONE_DIGIT;
            if (diffs == 2 && second == first + 1 && submitted.charAt(first) == registry.charAt(second)
                    && submitted.charAt(second) == registry.charAt(first)) return ADJACENT_SWAP;
            if (submitted.regionMatches(0, registry, 0, 12)) return SAME_REGION_AND_DATE;
            return DIFFERENT;
        }
        if (n == 15 || n == 17) {
            String shorter = n == 15 ? submitted : registry;
            String longer = n == 15 ? registry : submitted;
            if (oneInsertion(shorter, longer)) return ONE_INSERTED_OR_DROPPED;
        }
        return n >= 12 && submitted.regionMatches(0, registry, 0, 12) ? SAME_REGION_AND_DATE : DIFFERENT;
    }

    /** Does deleting one character of {@code longer} give {@code shorter}? */
    static boolean oneInsertion(String shorter, String longer) {
        if (longer.length() != shorter.length() + 1) return false;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) i++;
        return shorter.regionMatches(i, longer, i + 1, shorter.length() - i);
    }
}
