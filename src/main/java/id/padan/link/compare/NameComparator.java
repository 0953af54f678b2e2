package id.padan.link.compare;

import id.padan.standardise.name.IndonesianPhonetic;
import id.padan.standardise.name.NameStandardiser;
import id.padan.standardise.name.StandardName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Compares two standardised names and gives the strongest {@link NameLevel} they reach; thread-safe, and
 * symmetric: {@code compare(a, b) == compare(b, a)}.
 *
 * <p>Levels are tried from strongest to weakest. When both names carry a patronymic (BIN/BINTI), the father's
 * name is compared as part of the name, so AHMAD BIN YUSUF and AHMAD BIN IBRAHIM are not {@code EXACT}; when
 * only one does, the patronymic is ignored (added or dropped between systems).
 *
 * <p>Symmetry is by construction: the pair is first put in a fixed order (fewer tokens first, then by key), and
 * Jaro-Winkler is always called with its arguments in lexical order.
 */
public final class NameComparator {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final NameThresholds thresholds;

    /** Creates a comparator with the caller's thresholds; null is rejected. */
    public NameComparator(NameThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /** The level two names reach; {@link NameLevel#NULL} when either is null or empty, never null. */
    public NameLevel compare(StandardName a, StandardName b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return NameLevel.NULL;
        }
        boolean both = a.patronymic() != null && b.patronymic() != null;
        Side x = Side.of(a, both);
        Side y = Side.of(b, both);
        if (x.key.equals(y.key)) {
            return NameLevel.EXACT;
        }
        if (isAfter(x, y)) {
            Side t = x;
            x = y;
            y = t;
        }
        if (x.sortedKey.equals(y.sortedKey)) {
            return NameLevel.SAME_TOKENS_REORDERED;
        }
        if (samePhonetic(x, y)) {
            return NameLevel.PHONETIC;
        }
        if (covers(x, y) || (x.size() == y.size() && covers(y, x))) {
            return NameLevel.ONE_SIDE_TRUNCATED_OR_SUBSET;
        }
        double s = similarity(x, y, thresholds.fuzzyHigh());
        if (s >= thresholds.fuzzyLow()) {
            // Shared common tokens (NI LUH KETUT, SITI, MUHAMMAD) make long names look alike; when both
            // names have distinctive tokens and those are clearly unalike, the names are different
            // (NI LUH KETUT MALIKA / NI LUH KETUT HAMIMA), whatever the common tokens say.
            double d = distinctiveSimilarity(x, y);
            if (!Double.isNaN(d) && d < thresholds.fuzzyLow()) {
                s = d;
            }
        }
        if (s >= thresholds.fuzzyHigh()) {
            return NameLevel.FUZZY_HIGH;
        }
        if (s >= thresholds.fuzzyLow()) {
            return NameLevel.FUZZY_LOW;
        }
        return NameLevel.DIFFERENT;
    }

    /**
     * Whether two names are another name altogether, not a variation of one name: every written variation
     * of a name (case, spacing, punctuation, titles, old spelling, MUHAMMAD written otherwise or as an initial,
     * BIN/BINTI added or dropped, a token added, dropped, reordered or cut short, one typing error in a token)
     * keeps at least one token of the name recognisable, and replaces none. So two names are another name when
     * no distinctive token (at least three letters and not a common one such as SITI, NUR, GEDE) of one is a
     * variant of a distinctive token of the other, or when each also keeps a distinctive token the other lacks
     * (a token replaced: BONAR PARDEDE / BONAR WAHYU HARAHAP; the last token of a name as long as a field that
     * cuts names may be cut beyond recognition); a name without distinctive tokens is another name when one of
     * its tokens is not found in the other. Tokens are compared as standardised and as written. False when
     * either name is missing.
     */
    public boolean anotherName(StandardName a, StandardName b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty() || a.key().equals(b.key())) {
            return false;
        }
        // spacing: one name written with its tokens joined or split (SITIKAMILA / SITI KAMILA)
        if (a.key().replace(" ", "").equals(b.key().replace(" ", "")) || a.display().replace(" ", "").equals(b.display().replace(" ", ""))) {
            return false;
        }
        // initials: a name written as initials only (M. / MUHAMAD, M. R. / MUHAMMAD RIZKI) abbreviates the other
        if (initialsOf(a.display(), b.display()) || initialsOf(b.display(), a.display())) {
            return false;
        }
        int cut = thresholds.minTruncatedLength();
        boolean aCut = a.raw() != null && a.raw().strip().length() >= cut, bCut = b.raw() != null && b.raw().strip().length() >= cut;
        return !sameName(standardTokens(a), standardTokens(b), aCut, bCut) && !sameName(writtenTokens(a), writtenTokens(b), aCut, bCut);
    }

    /**
     * Whether {@code initials} is written as single letters only and they are the first letters of the tokens of
     * {@code name}, in order (the name may go on after them).
     */
    private static boolean initialsOf(String initials, String name) {
        String[] i = initials.split(" "), n = name.split(" ");
        if (i.length > n.length) return false;
        for (int k = 0; k < i.length; k++) {
            if (i[k].length() != 1 || n[k].isEmpty() || n[k].charAt(0) != i[k].charAt(0)) return false;
        }
        return true;
    }

    /** A token as standardised or as written, with its sound. */
    private record Token(String text, String sound) {
        boolean distinctive() {
            return text.length() >= 3 && !NameStandardiser.isCommonToken(text) && !NameStandardiser.isCommonToken(sound);
        }
    }

    private static List<Token> standardTokens(StandardName n) {
        List<Token> out = new ArrayList<>(n.tokens().size());
        for (int i = 0; i < n.tokens().size(); i++) {
            out.add(new Token(n.tokens().get(i), n.phoneticKeys().get(i)));
        }
        return out;
    }

    private static List<Token> writtenTokens(StandardName n) {
        List<Token> out = new ArrayList<>(4);
        for (String t : n.display().split("[^\\p{L}]+")) {
            if (!t.isEmpty()) {
                out.add(new Token(t, IndonesianPhonetic.encode(t)));
            }
        }
        return out;
    }

    /** {@code xCut}, {@code yCut}: the name is as long as a field that cuts names, so its last token may be cut badly. */
    private static boolean sameName(List<Token> x, List<Token> y, boolean xCut, boolean yCut) {
        List<Token> dx = x.stream().filter(Token::distinctive).toList();
        List<Token> dy = y.stream().filter(Token::distinctive).toList();
        if (!dx.isEmpty() && !dy.isEmpty()) {
            // one name when a distinctive token is shared, unless each name also keeps one the other lacks
            // (BONAR PARDEDE / BONAR WAHYU HARAHAP: a token replaced, not added or dropped)
            boolean shared = false;
            boolean[] foundY = new boolean[dy.size()];
            boolean xLeft = false;
            for (Token t : dx) {
                boolean found = false;
                for (int j = 0; j < dy.size(); j++) {
                    Token u = dy.get(j);
                    if (variant(t.text, t.sound, u.text, u.sound)) {
                        found = true;
                        foundY[j] = true;
                    }
                }
                shared |= found;
                xLeft |= !found && !(xCut && t == x.get(x.size() - 1));
            }
            boolean yLeft = false;
            for (int j = 0; j < dy.size(); j++) yLeft |= !foundY[j] && !(yCut && dy.get(j) == y.get(y.size() - 1));
            return shared && !(xLeft && yLeft);
        }
        // a name of common tokens only (SITI, I GEDE): its tokens must be found in the other name
        return (dx.isEmpty() && allFound(x, y)) || (dy.isEmpty() && allFound(y, x));
    }

    /**
     * Every token of {@code x} of at least three letters (or, in a name of shorter tokens only, of two) is a
     * variant of some token of {@code y}, and there is one.
     */
    private static boolean allFound(List<Token> x, List<Token> y) {
        int min = x.stream().anyMatch(t -> t.text.length() >= 3) ? 3 : 2;
        boolean any = false;
        for (Token t : x) {
            if (t.text.length() < min) {
                continue;
            }
            boolean found = false;
            for (int j = 0; j < y.size() && !found; j++) {
                found = variant(t.text, t.sound, y.get(j).text, y.get(j).sound);
            }
            if (!found) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * Two tokens are one written two ways: equal, the same sounds, one typing error apart in letters or in
     * sounds (a letter wrong, added, dropped, or two neighbours swapped), or one cut short from the other (at
     * least three letters kept, perhaps with one typing error in what is kept).
     */
    static boolean variant(String t, String tp, String u, String up) {
        if (t.equals(u) || (!tp.isEmpty() && tp.equals(up)) || oneTypingError(t, u)) {
            return true;
        }
        if (tp.length() >= 4 && up.length() >= 4 && oneTypingError(tp, up)) {
            return true;
        }
        String shorter = t.length() <= u.length() ? t : u;
        String longer = t.length() <= u.length() ? u : t;
        if (shorter.length() < 3) {
            return false;
        }
        String head = longer.substring(0, shorter.length());
        return head.equals(shorter) || (shorter.length() >= 4 && oneTypingError(shorter, head));
    }

    /** One letter wrong, added or dropped, or two neighbouring letters swapped. */
    static boolean oneTypingError(String a, String b) {
        int n = a.length();
        if (Math.abs(n - b.length()) == 1) {
            return n < b.length() ? NikLevel.oneInsertion(a, b) : NikLevel.oneInsertion(b, a);
        }
        if (n != b.length()) {
            return false;
        }
        int first = -1;
        int diffs = 0;
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (++diffs == 1) {
                    first = i;
                } else if (diffs > 2) {
                    return false;
                }
            }
        }
        if (diffs <= 1) {
            return true;
        }
        return first + 1 < n && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                && a.regionMatches(first + 2, b, first + 2, n - first - 2);
    }

    /**
     * Similarity of two names in [0, 1]: the best of Jaro-Winkler on the keys, on the sorted keys, and of a
     * token alignment (each token of the shorter name paired with its most similar unused token of the other,
     * weighted by length, unpaired tokens counting 0); 1.0 for equal keys, 0.0 when either is null or empty.
     */
    public double similarity(StandardName a, StandardName b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        boolean both = a.patronymic() != null && b.patronymic() != null;
        Side x = Side.of(a, both);
        Side y = Side.of(b, both);
        if (x.key.equals(y.key)) {
            return 1.0;
        }
        return isAfter(x, y) ? similarity(y, x, 1.0) : similarity(x, y, 1.0);
    }

    /** Best of the three scores, stopping early once one reaches {@code enough}; pair in fixed order. */
    private static double similarity(Side x, Side y, double enough) {
        double s = jaroWinkler(x.key, y.key);
        if (s < enough && !(x.key.equals(x.sortedKey) && y.key.equals(y.sortedKey))) {
            s = Math.max(s, jaroWinkler(x.sortedKey, y.sortedKey));
        }
        if (s < enough && (x.size() > 1 || y.size() > 1)) {
            s = Math.max(s, tokenAlignment(x, y));
        }
        return s;
    }

    /** Fixed pair order: fewer tokens first, then lower key. */
    private static boolean isAfter(Side x, Side y) {
        int c = Integer.compare(x.size(), y.size());
        return c > 0 || (c == 0 && x.key.compareTo(y.key) > 0);
    }

    private static double jaroWinkler(String s, String t) {
        return s.compareTo(t) <= 0 ? JARO_WINKLER.apply(s, t) : JARO_WINKLER.apply(t, s);
    }

    private static boolean samePhonetic(Side x, Side y) {
        if (x.size() == y.size()) {
            String[] px = x.phonetic.toArray(String[]::new);
            String[] py = y.phonetic.toArray(String[]::new);
            Arrays.sort(px);
            Arrays.sort(py);
            if (Arrays.equals(px, py)) {
                return true;
            }
        }
        return runTogether(x.phonetic).equals(runTogether(y.phonetic));
    }

    /** The phonetic keys written as one word, a letter doubled at a join written once (ABDUL LATIF/ABDULLATIF). */
    private static String runTogether(List<String> keys) {
        StringBuilder b = new StringBuilder(32);
        for (String k : keys) {
            for (int i = 0; i < k.length(); i++) {
                char c = k.charAt(i);
                if (b.isEmpty() || b.charAt(b.length() - 1) != c) {
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    /**
     * Whether every token of {@code x} pairs with a distinct token of {@code y}: first by equal token or phonetic
     * key, then the rest as initials (a one-letter token, or the MUHAMMAD read from a leading M.) or, when
     * {@code x} is as long as a truncating field, its last token as a prefix. At least one pair must be evidence:
     * a non-common token matched in full or cut short (an initial is not evidence).
     */
    private boolean covers(Side x, Side y) {
        int xs = x.size();
        int ys = y.size();
        if (xs > ys) {
            return false;
        }
        boolean[] usedY = new boolean[ys];
        boolean[] doneX = new boolean[xs];
        boolean evidence = false;
        for (int i = 0; i < xs; i++) {
            String t = x.tokens.get(i);
            String p = x.phonetic.get(i);
            for (int j = 0; j < ys; j++) {
                if (!usedY[j] && (t.equals(y.tokens.get(j)) || p.equals(y.phonetic.get(j)))) {
                    usedY[j] = true;
                    doneX[i] = true;
                    evidence |= !NameStandardiser.isCommonToken(t);
                    break;
                }
            }
        }
        boolean truncatable = x.rawLength >= thresholds.minTruncatedLength();
        for (int i = 0; i < xs; i++) {
            if (doneX[i]) {
                continue;
            }
            String t = x.tokens.get(i);
            boolean initial = t.length() == 1 || (i == 0 && x.leadingInitialM);
            boolean cut = truncatable && i == xs - 1;
            boolean found = false;
            for (int j = 0; j < ys && !found; j++) {
                if (usedY[j]) {
                    continue;
                }
                String u = y.tokens.get(j);
                if (initial && u.charAt(0) == t.charAt(0)) {
                    found = true;
                } else if (cut && (u.startsWith(t) || y.phonetic.get(j).startsWith(x.phonetic.get(i)))) {
                    found = true;
                    evidence |= t.length() > 1 && !NameStandardiser.isCommonToken(t);
                }
                usedY[j] = found;
            }
            if (!found) {
                return false;
            }
        }
        return evidence;
    }

    /**
     * Similarity of the distinctive tokens only (neither common, nor a common token of the other name mistyped,
     * nor a one-letter initial): the best of
     * Jaro-Winkler on them joined in order, sorted, and their token alignment; NaN when either name has none.
     */
    private static double distinctiveSimilarity(Side x, Side y) {
        Side dx = x.distinctive(y);
        Side dy = y.distinctive(x);
        if (dx == null || dy == null) {
            return Double.NaN;
        }
        return dx.size() <= dy.size() ? similarity(dx, dy, 1.0) : similarity(dy, dx, 1.0);
    }

    /** Length-weighted greedy pairing of the tokens of {@code x} (the shorter) with those of {@code y}. */
    private static double tokenAlignment(Side x, Side y) {
        int total = 0;
        for (String t : x.tokens) {
            total += t.length();
        }
        for (String t : y.tokens) {
            total += t.length();
        }
        boolean[] used = new boolean[y.size()];
        double score = 0;
        for (String t : x.tokens) {
            double best = -1;
            int bestJ = -1;
            for (int j = 0; j < y.size(); j++) {
                if (!used[j]) {
                    double s = jaroWinkler(t, y.tokens.get(j));
                    if (s > best) {
                        best = s;
                        bestJ = j;
                    }
                }
            }
            if (bestJ >= 0) {
                used[bestJ] = true;
                score += best * (t.length() + y.tokens.get(bestJ).length());
            }
        }
        return score / total;
    }

    /** One name as compared: its own tokens, plus the father's when both names have one. */
    private record Side(List<String> tokens, List<String> phonetic, String key, String sortedKey, int rawLength,
                        boolean leadingInitialM) {

        static Side of(StandardName n, boolean withPatronymic) {
            int rawLength = trimmedLength(n.raw());
            if (!withPatronymic) {
                return new Side(n.tokens(), n.phoneticKeys(), n.key(), n.sortedKey(), rawLength,
                        n.leadingInitialM());
            }
            List<String> tokens = new ArrayList<>(n.tokens());
            List<String> phonetic = new ArrayList<>(n.phoneticKeys());
            for (String t : n.patronymic().split(" ")) {
                tokens.add(t);
                phonetic.add(IndonesianPhonetic.encode(t));
            }
            String[] sorted = tokens.toArray(String[]::new);
            Arrays.sort(sorted);
            return new Side(tokens, phonetic, String.join(" ", tokens), String.join(" ", sorted), rawLength,
                    n.leadingInitialM());
        }

        int size() {
            return tokens.size();
        }

        /**
         * This side without common tokens, one-letter initials and tokens that are a common token of {@code other}
         * mistyped (SIAI for SITI, WYAN for WAYAN, GEED for GEDE); null when nothing is left.
         */
        Side distinctive(Side other) {
            List<String> t = new ArrayList<>(tokens.size());
            List<String> p = new ArrayList<>(tokens.size());
            for (int i = 0; i < tokens.size(); i++) {
                String tok = tokens.get(i);
                if (tok.length() > 1 && !NameStandardiser.isCommonToken(tok) && !mistypedCommonToken(tok, phonetic.get(i), other)) {
                    t.add(tok);
                    p.add(phonetic.get(i));
                }
            }
            if (t.isEmpty()) {
                return null;
            }
            String[] sorted = t.toArray(String[]::new);
            Arrays.sort(sorted);
            return new Side(t, p, String.join(" ", t), String.join(" ", sorted), rawLength, false);
        }

        private static boolean mistypedCommonToken(String token, String sound, Side other) {
            for (int j = 0; j < other.tokens.size(); j++) {
                String u = other.tokens.get(j);
                if (NameStandardiser.isCommonToken(u) && !token.equals(u) && variant(token, sound, u, other.phonetic.get(j))) {
                    return true;
                }
            }
            return false;
        }

        private static int trimmedLength(String s) {
            if (s == null) {
                return 0;
            }
            int from = 0;
            int to = s.length();
            while (from < to && Character.isWhitespace(s.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
                to--;
            }
            return to - from;
        }
    }
}
