package id.padan.standardise.name;

import static id.padan.standardise.name.NameVocabulary.DECEASED;
import static id.padan.standardise.name.NameVocabulary.NOBLE;
import static id.padan.standardise.name.NameVocabulary.PATRONYMIC_MARKER;
import static id.padan.standardise.name.NameVocabulary.PREFIX_TITLE;
import static id.padan.standardise.name.NameVocabulary.RADEN_FOLLOWER;
import static id.padan.standardise.name.NameVocabulary.SUFFIX_DEGREE;
import static id.padan.standardise.name.NameVocabulary.UNDOTTED_OK;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a name as written in an extract into a {@link StandardName}; thread-safe and stateless, so one instance
 * serves the whole run.
 *
 * <p>What it does, in order:
 * <ol>
 *   <li><b>Characters.</b> Letters are upper-cased (accented Latin letters lose the accent); apostrophes join
 *       (MA'RUF → MARUF); digits are dropped; a dot ends a token and marks it as abbreviated; any other
 *       character ({@code , - / ( )} and spaces) separates tokens.</li>
 *   <li><b>Degrees after the first comma</b> ({@code SITI AMINAH, S.Pd., M.Pd}) are removed in any form; other
 *       words after a comma are kept (a name written {@code SANTOSO, BUDI}).</li>
 *   <li><b>Before the name</b>, repeatedly: ALM./ALMH./ALMARHUM(AH)/ALHM removed and {@code deceasedMarker} set;
 *       titles H., HJ., HAJI, HAJJAH, KH./K.H., DRS., DRA., IR., DR., DRG., PROF., NS., BC., USTADZ, and the forms
 *       of address BPK., IBU, NY., TN., SDR. removed; hereditary titles kept in {@code display} only (below).</li>
 *   <li><b>After the name</b>, repeatedly: degrees such as S.PD., S.PD.I, S.E., S.H., S.KOM., S.T., S.SOS., S.AG.,
 *       S.KEP., M.PD., M.SI., M.M., A.MD., AMK, with or without dots (bare MA and BA only with a dot), are removed;
 *       a trailing ALM. marks the person as deceased unless it follows a BIN/BINTI (then it is the father's).</li>
 *   <li><b>BIN/BINTI</b> (also BIN., BT, BN) between two names: what follows is the father's name, stripped of its
 *       own titles and ALM. and returned as {@code patronymic}; it is not part of {@code tokens}.</li>
 *   <li><b>Initial M.</b> A bare {@code M} or {@code M.} as the first of two or more tokens is read as MUHAMMAD and
 *       {@code leadingInitialM} is set, because M. before a name almost always abbreviates Muhammad but may stand
 *       for another M-name; elsewhere M stays an initial.</li>
 *   <li><b>Tokens</b> are made canonical (old spelling, doubled letters, MUHAMMAD/NUR/ABDUL families; rules in
 *       {@code TokenCanon}) and given an {@link IndonesianPhonetic} key.</li>
 * </ol>
 *
 * <p><b>Hereditary titles</b> (RADEN, R.A., R.M., R.R., RADEN AYU/MAS/AJENG/RORO, TEUKU, TENGKU, TGK., CUT,
 * TUBAGUS/TB., DATUK/DT.) are part of the registered name on Dukcapil records but are added or dropped between
 * systems, so they stay in {@code display} and are left out of {@code tokens}. A lone {@code R.} is kept as an
 * ordinary initial: it abbreviates Raden as often as any R-name.
 *
 * <p><b>Old J→Y</b> is applied to tokens only when the token shows other old spelling (OE, DJ, TJ, SJ):
 * TJAHJONO → CAHYONO, but JUSUF stays JUSUF; JUSUF and YUSUF meet through the phonetic key instead.
 *
 * <p>A title, degree or BIN is never removed when it would leave no name; ALM. always is, so {@code "ALM."} alone
 * gives an empty name with the deceased marker. Null, blank or letter-less input gives an empty name
 * ({@link StandardName#isEmpty()}: no tokens, empty {@code display}, {@code key} and {@code sortedKey}, null
 * patronymic).
 */
public final class NameStandardiser {

    private static final byte NAME = 0;
    private static final byte REMOVED = 1;
    private static final byte KEPT_FOR_DISPLAY = 2;
    private static final byte PATRONYMIC = 3;

    /** Longest run of abbreviated tokens that forms one title or degree ({@code S.PD.SD}, {@code S.KEP.NS}). */
    private static final int MAX_WINDOW = 4;
    /** Longest single piece of a dotted title or degree ({@code KOM}, {@code FARM}). */
    private static final int MAX_PIECE = 4;

    /** Creates a standardiser; it holds no state. */
    public NameStandardiser() {}

    /**
     * Whether a token is one of the very common name elements that carry little evidence (MUHAMMAD, SITI, NUR,
     * ABDUL, SRI, Balinese birth-order and caste names...); accepts canonical or written forms, false for null.
     */
    public static boolean isCommonToken(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        if (NameVocabulary.COMMON_TOKENS.contains(token)) {
            return true;
        }
        String letters = upperLetters(token);
        return !letters.isEmpty() && NameVocabulary.COMMON_TOKENS.contains(TokenCanon.canonical(letters));
    }

    /** Standard form of a written name; never null, an empty name for null or blank input (see the class notes). */
    public StandardName standardise(String raw) {
        if (raw == null) {
            return StandardName.empty(null, false);
        }
        Parse p = new Parse(raw);
        if (p.n == 0) {
            return StandardName.empty(raw, false);
        }
        p.removeDegreesAfterComma();
        p.role = new byte[p.n];
        int start = p.stripBefore(0, p.n, true);
        int end = p.stripAfter(start, p.n);
        int nameEnd = p.splitPatronymic(start, end);
        boolean deceased = p.deceasedBefore || (p.deceasedAfter && nameEnd == end);
        int m = nameEnd - start;
        if (m <= 0) {
            return StandardName.empty(raw, deceased);
        }

        String[] tokens = new String[m];
        String[] phonetic = new String[m];
        boolean leadingM = false;
        for (int j = 0; j < m; j++) {
            String t = p.tok[start + j];
            String c;
            if (j == 0 && m > 1 && t.length() == 1 && t.charAt(0) == 'M') {
                c = TokenCanon.MUHAMMAD;
                leadingM = true;
            } else {
                c = TokenCanon.canonical(t);
            }
            tokens[j] = c;
            phonetic[j] = IndonesianPhonetic.encodeCanonical(c);
        }
        String key = m == 1 ? tokens[0] : String.join(" ", tokens);
        String sortedKey;
        if (m == 1) {
            sortedKey = key;
        } else {
            String[] sorted = tokens.clone();
            Arrays.sort(sorted);
            sortedKey = String.join(" ", sorted);
        }
        return new StandardName(raw, p.display(), List.of(tokens), p.patronymic(nameEnd, end), deceased, key,
                sortedKey, leadingM, List.of(phonetic));
    }

    /** Upper-case letters of a string, in order, everything else dropped (accents folded); never null. */
    static String upperLetters(String s) {
        int len = s.length();
        boolean plain = true;
        for (int i = 0; i < len && plain; i++) {
            char c = s.charAt(i);
            plain = c >= 'A' && c <= 'Z';
        }
        if (plain) {
            return s;
        }
        StringBuilder b = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            char c = letter(s.charAt(i));
            if (c != 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The upper-case A-Z letter a character stands for, or 0 when it is not a Latin letter. */
    private static char letter(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c;
        }
        if (c >= 'a' && c <= 'z') {
            return (char) (c - ('a' - 'A'));
        }
        if (c < 128 || !Character.isLetter(c)) {
            return 0;
        }
        // Rare slow path: accented Latin letters (É, Ü...); letters of other scripts are dropped.
        char base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
        return base < 128 ? letter(base) : 0;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '`' || c == '\u2019' || c == '\u2018' || c == '\u00B4' || c == '\u02BC';
    }

    /** One call's working state: the tokens of the raw value and what each turned out to be. */
    private static final class Parse {
        String[] tok = new String[8];
        boolean[] dotted = new boolean[8];
        byte[] role;
        int n;
        /** Number of tokens before the first comma, or -1. */
        int commaAt = -1;
        boolean deceasedBefore;
        boolean deceasedAfter;

        Parse(String raw) {
            int len = raw.length();
            char[] buf = new char[len];
            int cur = 0;
            for (int i = 0; i < len; i++) {
                char c = raw.charAt(i);
                char l = letter(c);
                if (l != 0) {
                    buf[cur++] = l;
                } else if (isApostrophe(c) || (c >= '0' && c <= '9')) {
                    // joins: MA'RUF -> MARUF; digits are noise
                } else {
                    if (cur > 0) {
                        add(new String(buf, 0, cur), c == '.');
                        cur = 0;
                    } else if (c == '.' && n > 0) {
                        dotted[n - 1] = true;
                    }
                    if (c == ',' && commaAt < 0) {
                        commaAt = n;
                    }
                }
            }
            if (cur > 0) {
                add(new String(buf, 0, cur), false);
            }
        }

        private void add(String t, boolean dot) {
            if (n == tok.length) {
                tok = Arrays.copyOf(tok, n * 2);
                dotted = Arrays.copyOf(dotted, n * 2);
            }
            tok[n] = t;
            dotted[n] = dot;
            n++;
        }

        /**
         * Flags of tokens {@code from..from+k-1} read as one abbreviated word, or 0 when they cannot be one: in a
         * run of more than one, every piece is short and all but the last end with a dot.
         */
        private int window(int from, int k) {
            if (k == 1) {
                return NameVocabulary.flags(tok[from]);
            }
            for (int i = from; i < from + k; i++) {
                if (tok[i].length() > MAX_PIECE || (i < from + k - 1 && !dotted[i])) {
                    return 0;
                }
            }
            StringBuilder b = new StringBuilder(MAX_WINDOW * MAX_PIECE);
            for (int i = from; i < from + k; i++) {
                b.append(tok[i]);
            }
            return NameVocabulary.flags(b.toString());
        }

        /** Removes titles, degrees and ALM. after the first comma; keeps other words there. */
        void removeDegreesAfterComma() {
            if (commaAt < 1 || commaAt >= n) {
                return;
            }
            int w = commaAt;
            int i = commaAt;
            while (i < n) {
                int taken = 0;
                for (int k = Math.min(MAX_WINDOW, n - i); k >= 1 && taken == 0; k--) {
                    int f = window(i, k);
                    if ((f & (SUFFIX_DEGREE | PREFIX_TITLE | DECEASED)) != 0) {
                        deceasedAfter |= (f & DECEASED) != 0;
                        taken = k;
                    }
                }
                if (taken > 0) {
                    i += taken;
                } else {
                    tok[w] = tok[i];
                    dotted[w] = dotted[i];
                    w++;
                    i++;
                }
            }
            n = w;
        }

        /**
         * Strips titles, ALM. and hereditary titles from the front of {@code start..end-1}; returns the new start.
         * Only the person's own name sets {@code deceasedBefore} and keeps hereditary titles for display.
         */
        int stripBefore(int start, int end, boolean ownName) {
            boolean afterRaden = false;
            while (start < end) {
                int taken = 0;
                for (int k = Math.min(3, end - start); k >= 1 && taken == 0; k--) {
                    int f = window(start, k);
                    boolean nameLeft = end - start - k >= 1;
                    if ((f & DECEASED) != 0) {
                        deceasedBefore |= ownName;
                        mark(start, k, REMOVED);
                        taken = k;
                        afterRaden = false;
                    } else if (nameLeft && (f & PREFIX_TITLE) != 0) {
                        mark(start, k, REMOVED);
                        taken = k;
                        afterRaden = false;
                    } else if (nameLeft && (f & NOBLE) != 0) {
                        if (ownName) {
                            keepJoined(start, k);
                        } else {
                            mark(start, k, REMOVED);
                        }
                        afterRaden = k == 1 && tok[start].equals("RADEN");
                        taken = k;
                    } else if (nameLeft && k == 1 && afterRaden && (f & RADEN_FOLLOWER) != 0) {
                        mark(start, 1, ownName ? KEPT_FOR_DISPLAY : REMOVED);
                        afterRaden = false;
                        taken = 1;
                    }
                }
                if (taken == 0) {
                    return start;
                }
                start += taken;
            }
            return start;
        }

        /** Strips degrees, a trailing ALM. and a dangling BIN from the end of {@code start..end-1}; returns the new end. */
        int stripAfter(int start, int end) {
            while (end - start > 1) {
                int taken = 0;
                for (int k = Math.min(MAX_WINDOW, end - start - 1); k >= 1 && taken == 0; k--) {
                    int f = window(end - k, k);
                    if (k == 1 && !dotted[end - 1] && (f & UNDOTTED_OK) == 0) {
                        f &= ~SUFFIX_DEGREE;
                    }
                    if (k > 1) {
                        f &= ~PATRONYMIC_MARKER;
                    }
                    if ((f & (SUFFIX_DEGREE | DECEASED | PATRONYMIC_MARKER)) != 0) {
                        deceasedAfter |= (f & DECEASED) != 0;
                        mark(end - k, k, REMOVED);
                        taken = k;
                    }
                }
                if (taken == 0) {
                    return end;
                }
                end -= taken;
            }
            return end;
        }

        /** Finds BIN/BINTI with a name on both sides, marks the father's name; returns the end of the person's name. */
        int splitPatronymic(int start, int end) {
            for (int i = start + 1; i < end - 1; i++) {
                if ((NameVocabulary.flags(tok[i]) & PATRONYMIC_MARKER) != 0) {
                    role[i] = KEPT_FOR_DISPLAY;
                    int fatherStart = stripBefore(i + 1, end, false);
                    mark(fatherStart, end - fatherStart, PATRONYMIC);
                    return i;
                }
            }
            return end;
        }

        private void mark(int from, int k, byte r) {
            for (int i = from; i < from + k; i++) {
                role[i] = r;
            }
        }

        /** Keeps a hereditary title for display, a dotted run such as R.A. written as one word (RA). */
        private void keepJoined(int from, int k) {
            if (k > 1) {
                StringBuilder b = new StringBuilder();
                for (int i = from; i < from + k; i++) {
                    b.append(tok[i]);
                }
                tok[from] = b.toString();
                mark(from + 1, k - 1, REMOVED);
            }
            role[from] = KEPT_FOR_DISPLAY;
        }

        String display() {
            StringBuilder b = new StringBuilder(64);
            for (int i = 0; i < n; i++) {
                if (role[i] != REMOVED) {
                    if (b.length() > 0) {
                        b.append(' ');
                    }
                    b.append(tok[i]);
                }
            }
            return b.toString();
        }

        /** Canonical father's name, or null when there is none. */
        String patronymic(int nameEnd, int end) {
            StringBuilder b = null;
            for (int i = nameEnd; i < end; i++) {
                if (role[i] == PATRONYMIC) {
                    if (b == null) {
                        b = new StringBuilder();
                    } else {
                        b.append(' ');
                    }
                    b.append(TokenCanon.canonical(tok[i]));
                }
            }
            return b == null ? null : b.toString();
        }
    }
}
