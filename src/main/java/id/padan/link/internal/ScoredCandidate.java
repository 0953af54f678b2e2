package id.padan.link.internal;

/**
 * A candidate weighed against a row: the level of every field comparison, the total match weight
 * (prior excluded), the weight of the person's own attributes (name, birth date, sex) alone, whether
 * a repaired NIK has support from a field the NIK does not encode (true when no repair), whether
 * both rows name a mother and the names are different names, and whether the names are one name written
 * two ways (alike at fuzzy-high or better, or not another name: see {@code NameComparator.anotherName}), and the
 * weight of the mothers' names when both rows name a mother and the names agree (0 otherwise: not in {@code weight}).
 */
record ScoredCandidate(LinkRow candidate, int[] levels, double weight, double attributeWeight, boolean supported,
                       boolean motherDiffers, boolean sameName, double motherWeight) {

    ScoredCandidate(LinkRow candidate, int[] levels, double weight, double attributeWeight, boolean supported,
                    boolean motherDiffers, boolean sameName) {
        this(candidate, levels, weight, attributeWeight, supported, motherDiffers, sameName, 0);
    }

    ScoredCandidate(LinkRow candidate, int[] levels, double weight, double attributeWeight, boolean supported,
                    boolean motherDiffers) {
        this(candidate, levels, weight, attributeWeight, supported, motherDiffers, false);
    }

    ScoredCandidate(LinkRow candidate, int[] levels, double weight, double attributeWeight, boolean supported) {
        this(candidate, levels, weight, attributeWeight, supported, false);
    }
}
