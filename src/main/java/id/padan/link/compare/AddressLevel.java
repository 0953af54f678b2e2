package id.padan.link.compare;

import java.util.Arrays;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How two normalised addresses compare: the same text, the same words in another order, alike
 * (Jaro-Winkler at least {@code high}), somewhat alike (at least {@code low}), different; NULL when
 * either is missing. An address is household evidence, not evidence about the person.
 */
public enum AddressLevel {
    EXACT, SAME_WORDS, FUZZY_HIGH, FUZZY_LOW, DIFFERENT, NULL;

    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

    public static AddressLevel compare(String a, String b, double high, double low) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) return NULL;
        if (a.equals(b)) return EXACT;
        String[] x = a.split(" "), y = b.split(" ");
        Arrays.sort(x);
        Arrays.sort(y);
        if (Arrays.equals(x, y)) return SAME_WORDS;
        double s = a.compareTo(b) <= 0 ? JW.apply(a, b) : JW.apply(b, a);
        if (s >= high) return FUZZY_HIGH;
        if (s >= low) return FUZZY_LOW;
        return DIFFERENT;
    }
}
