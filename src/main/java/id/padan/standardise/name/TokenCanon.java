package id.padan.standardise.name;

import java.util.Map;

/**
 * Canonical comparison form of one name token: old spelling modernised, doubled letters written once,
 * and the MUHAMMAD, NUR and ABDUL families folded to one spelling.
 *
 * <p>Rules, in order (input is upper-case A-Z only):
 * <ol>
 *   <li>{@code OE→U}, {@code DJ→J}, {@code TJ→C}, {@code SJ→SY}, {@code CH→KH} anywhere
 *       (SOEKARNO→SUKARNO, DJOKO→JOKO, SJAHRIR→SYAHRIR, ACHMAD→AKHMAD).</li>
 *   <li>{@code NJ→NY} at the start of a token (NJOMAN→NYOMAN); inside a token only when the token is
 *       old-spelled, because modern Indonesian keeps NJ inside words (PANJI, ANJAR).</li>
 *   <li>Old {@code J→Y} only in an old-spelled token, i.e. one that also contains OE, DJ, TJ or SJ
 *       (TJAHJONO→CAHYONO, SOEJONO→SUYONO, DJOJO→JOYO). A bare J is left alone (JOKO, JAJANG, and JUSUF stays
 *       JUSUF); the J/Y equivalence of such names is left to {@link IndonesianPhonetic}.</li>
 *   <li>Doubled letters written once (ANNISA→ANISA, ABDULLAH→ABDULAH).</li>
 *   <li>Families: MUHAMMAD, MUHAMAD, MOHAMMAD, MOCHAMMAD, MUCHAMAD, MOHAMMED, MOCH, MOH, MUH, MUHD, MOHD, MHD...
 *       → {@code MUHAMMAD}; NOOR, NOR, NOER, NOUR → {@code NUR}; ABD → {@code ABDUL}.</li>
 * </ol>
 * The function is idempotent.
 */
final class TokenCanon {

    static final String MUHAMMAD = "MUHAMMAD";

    /** Keys are spellings after rules 1-4. */
    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("MUHAMAD", MUHAMMAD), Map.entry("MOHAMAD", MUHAMMAD),
            Map.entry("MUHAMED", MUHAMMAD), Map.entry("MOHAMED", MUHAMMAD),
            Map.entry("MUKHAMAD", MUHAMMAD), Map.entry("MOKHAMAD", MUHAMMAD),
            Map.entry("MUKHAMED", MUHAMMAD), Map.entry("MOKHAMED", MUHAMMAD),
            Map.entry("MUHAMAT", MUHAMMAD), Map.entry("MOHAMAT", MUHAMMAD),
            Map.entry("MUH", MUHAMMAD), Map.entry("MOH", MUHAMMAD),
            Map.entry("MUKH", MUHAMMAD), Map.entry("MOKH", MUHAMMAD),
            Map.entry("MUHD", MUHAMMAD), Map.entry("MOHD", MUHAMMAD), Map.entry("MHD", MUHAMMAD),
            Map.entry("NOR", "NUR"), Map.entry("NOUR", "NUR"),
            Map.entry("ABD", "ABDUL"));

    private TokenCanon() {}

    /** Canonical form of a non-null token of upper-case letters A-Z; the empty string gives the empty string. */
    static String canonical(String t) {
        int len = t.length();
        boolean old = isOldSpelling(t);
        char[] out = new char[len + 2];
        int n = 0;
        for (int i = 0; i < len; i++) {
            char c = t.charAt(i);
            char next = i + 1 < len ? t.charAt(i + 1) : 0;
            if (c == 'O' && next == 'E') {
                n = put(out, n, 'U');
                i++;
            } else if (c == 'D' && next == 'J') {
                n = put(out, n, 'J');
                i++;
            } else if (c == 'T' && next == 'J') {
                n = put(out, n, 'C');
                i++;
            } else if (c == 'S' && next == 'J') {
                n = put(out, n, 'S');
                n = put(out, n, 'Y');
                i++;
            } else if (c == 'C' && next == 'H') {
                n = put(out, n, 'K');
                n = put(out, n, 'H');
                i++;
            } else if (c == 'N' && next == 'J' && (i == 0 || old)) {
                n = put(out, n, 'N');
                n = put(out, n, 'Y');
                i++;
            } else if (c == 'J' && old) {
                n = put(out, n, 'Y');
            } else {
                n = put(out, n, c);
            }
        }
        if (n == len && sameAs(out, t)) {
            String family = FAMILIES.get(t);
            return family == null ? t : family;
        }
        String s = new String(out, 0, n);
        String family = FAMILIES.get(s);
        return family == null ? s : family;
    }

    /** Whether a token shows a spelling used only before the 1972 reform (OE, DJ, TJ or SJ). */
    static boolean isOldSpelling(String t) {
        for (int i = 0, last = t.length() - 1; i < last; i++) {
            char c = t.charAt(i);
            char next = t.charAt(i + 1);
            if ((c == 'O' && next == 'E') || (next == 'J' && (c == 'D' || c == 'T' || c == 'S'))) {
                return true;
            }
        }
        return false;
    }

    private static int put(char[] out, int n, char c) {
        if (n > 0 && out[n - 1] == c) {
            return n;
        }
        out[n] = c;
        return n + 1;
    }

    private static boolean sameAs(char[] out, String t) {
        for (int i = 0; i < t.length(); i++) {
            if (out[i] != t.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
