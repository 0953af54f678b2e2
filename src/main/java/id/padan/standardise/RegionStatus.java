package id.padan.standardise;

/**
 * How a submitted region code relates to the Kemendagri reference, judged at its most detailed level:
 * {@code KNOWN} (current code), {@code RETIRED} (an old code from before a split: the kecamatan, or for a
 * kabupaten-level code the kabupaten, is only in an older edition), {@code UNKNOWN} (not in the
 * reference, or malformed) or {@code MISSING} (blank or all zeros). {@code UNKNOWN} and
 * {@code RETIRED} are warnings, never reasons to reject a row.
 */
public enum RegionStatus {
    KNOWN,
    RETIRED,
    UNKNOWN,
    MISSING
}
