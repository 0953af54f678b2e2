package id.padan.link.compare;

/**
 * How closely two names agree, as a discrete labelled comparison level (Fellegi-Sunter / Splink style); the
 * constants are ordered from strongest to weakest agreement, with {@link #NULL} last because it carries no
 * evidence either way.
 */
public enum NameLevel {
    /** Same canonical key: the names differ at most in case, punctuation, titles, spelling era or family spelling. */
    EXACT,
    /** Same tokens in another order (AMINAH SITI / SITI AMINAH). */
    SAME_TOKENS_REORDERED,
    /**
     * Same phonetic key for every token, in any order, or the same sounds with the tokens run together
     * (NUR HAYATI / NURHAYATI, YUSUF / JUSUF, AHMAD / ACHMAD).
     */
    PHONETIC,
    /**
     * Every token of one name is found in the other (exactly or phonetically) except that it may be an
     * initial, or its last token may be cut short when the value is as long as a legacy field; at least one
     * matched token is not a common one (SITI AMINAH / AMINAH; but not SITI AMINAH / SITI).
     */
    ONE_SIDE_TRUNCATED_OR_SUBSET,
    /** Similarity at or above the caller's high threshold. */
    FUZZY_HIGH,
    /** Similarity at or above the caller's low threshold. */
    FUZZY_LOW,
    /** None of the above. */
    DIFFERENT,
    /** One side or both have no name: no evidence for or against. */
    NULL
}
