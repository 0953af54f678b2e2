package id.padan.resolve;

/** Two rows of a run, each named by its source and record key: a reviewer's must-link or cannot-link decision. */
public record RowPair(String source, String recordKey, String otherSource, String otherKey) {}
