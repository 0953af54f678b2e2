package id.padan.standardise.name;

/**
 * A phonetic key for one Indonesian name token: spellings that Indonesians use interchangeably get the same
 * key, different common names keep different keys.
 *
 * <p>The token is first put in its canonical form ({@link NameStandardiser}'s token rules: old spelling,
 * doubled letters, MUHAMMAD/NUR/ABDUL families), then rewritten left to right:
 * <table>
 *   <caption>Rewrites</caption>
 *   <tr><th>rule</th><th>why</th><th>example</th></tr>
 *   <tr><td>KH, CH → H</td><td>Arabic kha</td><td>AKHMAD, ACHMAD, AHMAD → AHMAD</td></tr>
 *   <tr><td>SY, SH → S; TS → S; DZ, Z → S</td><td>Arabic sibilants, Z/S spelling</td>
 *       <td>SYAHRUL, SAHRUL → SAHRUL; RIZKY → RISKI; UTSMAN → USMAN</td></tr>
 *   <tr><td>TH → T; DH → D; GH → G; PH → P</td><td>Arabic/Dutch digraphs</td><td>THOHIR → TUHIR</td></tr>
 *   <tr><td>F, V, P → P; Q → K; X → KS</td><td>Indonesian has one labial fricative/stop in speech</td>
 *       <td>YUSUF, YUSUP → YUSUP; RIZQI → RISKI</td></tr>
 *   <tr><td>J → Y</td><td>old spelling J is today's Y; applied here, not to the tokens, because modern J
 *       (JOKO, JAJANG) is frequent</td><td>JUSUF, YUSUF → YUSUP; JULI, YULI → YULI</td></tr>
 *   <tr><td>O → U</td><td>old OE, Javanese o/u, NOR/NUR, OMAR/UMAR</td><td>SUKARNO → SUKARNU</td></tr>
 *   <tr><td>IE → I</td><td>Dutch-style endings</td><td>FITRIE, FITRI → PITRI</td></tr>
 *   <tr><td>Y after I dropped; Y after a consonant, before a consonant or at the end → I; Y between vowels
 *       and at the start kept</td><td>Y and I written for the same sound</td>
 *       <td>RIZKY → RISKI; RIYADI → RIADI; SETYAWAN → SETIAWAN; BAYU, YANI unchanged</td></tr>
 *   <tr><td>doubled letters written once (also those made by the rules above)</td><td></td>
 *       <td>EFFENDY, EFENDI → EPENDI</td></tr>
 *   <tr><td>final H after a vowel dropped</td><td>silent</td><td>FATIMAH, FATIMA → PATIMA; AMINAH → AMINA</td></tr>
 * </table>
 * Vowels other than O are kept as written, so SITI/SARI, SRI/SARI, RINA/RINI, DEWI/DEDI, DWI/DEWI and
 * BUDI/BAYU keep different keys; this is stricter than a vowel-dropping code on purpose, because short
 * Indonesian names differ mostly in their vowels. The cost of J→Y is that a few distinct names meet
 * (SUJONO/SUYONO, JULI/YULI).
 */
public final class IndonesianPhonetic {

    private IndonesianPhonetic() {}

    /**
     * Phonetic key of one token, in any case and with any punctuation (non-letters are ignored);
     * returns the empty string for null, blank or letter-less input.
     */
    public static String encode(String token) {
        if (token == null) {
            return "";
        }
        String letters = NameStandardiser.upperLetters(token);
        return letters.isEmpty() ? "" : encodeCanonical(TokenCanon.canonical(letters));
    }

    /** Phonetic key of a token already in canonical form (upper-case A-Z, see {@link TokenCanon}). */
    static String encodeCanonical(String t) {
        int len = t.length();
        char[] out = new char[len * 2 + 1];
        int n = 0;
        for (int i = 0; i < len; i++) {
            char c = t.charAt(i);
            char next = i + 1 < len ? t.charAt(i + 1) : 0;
            switch (c) {
                case 'K', 'C' -> {
                    if (next == 'H') {
                        n = put(out, n, 'H');
                        i++;
                    } else {
                        n = put(out, n, c);
                    }
                }
                case 'S' -> {
                    if (next == 'Y' || next == 'H') {
                        i++;
                    }
                    n = put(out, n, 'S');
                }
                case 'T' -> {
                    if (next == 'H') {
                        i++;
                        n = put(out, n, 'T');
                    } else if (next == 'S') {
                        i++;
                        n = put(out, n, 'S');
                    } else {
                        n = put(out, n, 'T');
                    }
                }
                case 'D' -> {
                    if (next == 'H') {
                        i++;
                        n = put(out, n, 'D');
                    } else if (next == 'Z') {
                        i++;
                        n = put(out, n, 'S');
                    } else {
                        n = put(out, n, 'D');
                    }
                }
                case 'G' -> {
                    if (next == 'H') {
                        i++;
                    }
                    n = put(out, n, 'G');
                }
                case 'P' -> {
                    if (next == 'H') {
                        i++;
                    }
                    n = put(out, n, 'P');
                }
                case 'F', 'V' -> n = put(out, n, 'P');
                case 'Z' -> n = put(out, n, 'S');
                case 'Q' -> n = put(out, n, 'K');
                case 'X' -> {
                    n = put(out, n, 'K');
                    n = put(out, n, 'S');
                }
                case 'O' -> n = put(out, n, 'U');
                case 'I' -> {
                    if (next == 'E') {
                        i++;
                    }
                    n = put(out, n, 'I');
                }
                case 'J', 'Y' -> {
                    if (n == 0) {
                        n = put(out, n, 'Y');
                    } else {
                        char prev = out[n - 1];
                        if (prev != 'I') {
                            boolean between = isVowel(prev) && isVowel(next);
                            n = put(out, n, between ? 'Y' : 'I');
                        }
                    }
                }
                default -> n = put(out, n, c);
            }
        }
        if (n > 1 && out[n - 1] == 'H' && isVowel(out[n - 2])) {
            n--;
        }
        return new String(out, 0, n);
    }

    private static boolean isVowel(char c) {
        return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
    }

    private static int put(char[] out, int n, char c) {
        if (n > 0 && out[n - 1] == c) {
            return n;
        }
        out[n] = c;
        return n + 1;
    }
}
