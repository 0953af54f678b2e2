package id.padan.link.internal;

/**
 * A candidate weighed against a row: the level of every field comparison, the total match weight
 * (prior excluded) and the weight of the person's own attributes (name, birth date, sex) alone.
 */
record ScoredCandidate(LinkRow candidate, int[] levels, double weight, double attributeWeight) {}
