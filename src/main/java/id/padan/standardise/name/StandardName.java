package id.padan.standardise.name;

import java.util.List;
import java.util.Objects;

/**
 * A person's name as written and in the canonical forms used for comparison; made by
 * {@link NameStandardiser}, never null in its lists and strings except {@code raw} and {@code patronymic}.
 *
 * @param raw              the value as read, possibly null
 * @param display          upper case, letters only, single spaces; titles, degrees and the ALM. marker removed,
 *                         old spelling and abbreviations kept as written, hereditary titles (RADEN, TEUKU...)
 *                         and BIN/BINTI with the father's name kept, e.g. {@code "RADEN AJENG KARTINI"},
 *                         {@code "MOCH RIZKY BIN ABDULLAH"}; empty when there is no name
 * @param tokens           canonical tokens of the person's own name (no titles, no hereditary titles, no
 *                         patronymic), in written order, e.g. {@code [MUHAMMAD, RIZKY]}; empty when there is no
 *                         name
 * @param patronymic       canonical tokens of the father's name after BIN/BINTI/BT/BN, joined by one space,
 *                         e.g. {@code "ABDULAH"}; null when none was written
 * @param deceasedMarker   whether the person's name carried ALM./ALMH./ALMARHUM(AH)/ALHM (a marker on the
 *                         father's name after BIN does not count)
 * @param key              the tokens joined by one space: the canonical comparison form
 * @param sortedKey        the tokens sorted and joined by one space: equal for token-order swaps
 * @param leadingInitialM  whether the first token {@code MUHAMMAD} was written as a bare initial {@code M}/
 *                         {@code M.}, which may also stand for another M-name (MAHMUD, MULYADI)
 * @param phoneticKeys     {@link IndonesianPhonetic} key of each token, parallel to {@code tokens}
 */
public record StandardName(
        String raw,
        String display,
        List<String> tokens,
        String patronymic,
        boolean deceasedMarker,
        String key,
        String sortedKey,
        boolean leadingInitialM,
        List<String> phoneticKeys) {

    /** Checks that nothing but {@code raw} and {@code patronymic} is null and that the lists are parallel. */
    public StandardName {
        Objects.requireNonNull(display, "display");
        tokens = List.copyOf(tokens);
        phoneticKeys = List.copyOf(phoneticKeys);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sortedKey, "sortedKey");
        if (tokens.size() != phoneticKeys.size()) {
            throw new IllegalArgumentException(
                    "tokens and phoneticKeys must be parallel: " + tokens + " / " + phoneticKeys);
        }
    }

    /** The standard form of a missing name (null, blank or nothing but titles): no tokens, empty keys. */
    static StandardName empty(String raw, boolean deceasedMarker) {
        return new StandardName(raw, "", List.of(), null, deceasedMarker, "", "", false, List.of());
    }

    /** Whether no name token is left, so the name carries no evidence (the comparison level NULL). */
    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /**
     * Blocking keys: the distinct phonetic keys of the first token and of the longest token (the first of equal
     * length) among the <em>informative</em> tokens, those neither {@linkplain NameStandardiser#isCommonToken
     * common} nor a one-letter initial; when no token is informative, the key of the longest token alone; empty
     * list for an empty name. Two names are candidates when they share any key.
     *
     * <p>Two keys cover a dropped or extra token and a swapped order on either side: {@code MUHAMMAD RIZKY
     * PRATAMA} gives {@code [RISKI, PRATAMA]}, {@code PRATAMA RIZKI} gives {@code [PRATAMA]}, {@code M. RIZKY}
     * gives {@code [RISKI]} and {@code I WAYAN} gives {@code [WAYAN]}.
     */
    public List<String> blockingKeys() {
        if (tokens.isEmpty()) {
            return List.of();
        }
        int first = -1;
        int longest = -1;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.length() > 1 && !NameVocabulary.COMMON_TOKENS.contains(t)) {
                if (first < 0) {
                    first = i;
                }
                if (longest < 0 || t.length() > tokens.get(longest).length()) {
                    longest = i;
                }
            }
        }
        if (first < 0) {
            longest = 0;
            for (int i = 1; i < tokens.size(); i++) {
                if (tokens.get(i).length() > tokens.get(longest).length()) {
                    longest = i;
                }
            }
            return List.of(phoneticKeys.get(longest));
        }
        String a = phoneticKeys.get(first);
        String b = phoneticKeys.get(longest);
        return a.equals(b) ? List.of(a) : List.of(a, b);
    }
}
