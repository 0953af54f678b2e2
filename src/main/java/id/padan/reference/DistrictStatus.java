package id.padan.reference;

/**
 * Whether a 6-digit kecamatan code is in the current Kemendagri edition ({@code CURRENT}), only in an
 * older edition since 2016, typically from before a regional split ({@code RETIRED}), or in neither
 * ({@code UNKNOWN}, which also covers malformed codes).
 */
public enum DistrictStatus {
    CURRENT,
    RETIRED,
    UNKNOWN
}
