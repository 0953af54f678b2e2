package id.padan.ingest;

import java.util.List;

/**
 * Where a source keeps its region: either four separate parts (province, kabupaten, kecamatan,
 * desa digits that concatenate to the 10-digit desa code), a 10-digit desa column, or a 6-digit
 * kecamatan column. {@code fallback} columns (coarser codes) are used when the main one is blank.
 * Exactly one of {@code parts}, {@code desa}, {@code kecamatan} is set.
 */
public record RegionMapping(List<String> parts, String desa, String kecamatan, List<String> fallback) {
    public RegionMapping {
        parts = parts == null ? List.of() : List.copyOf(parts);
        fallback = fallback == null ? List.of() : List.copyOf(fallback);
    }

    /** Every header this mapping reads, in order. */
    public List<String> columns() {
        var all = new java.util.ArrayList<String>(parts);
        if (desa != null) all.add(desa);
        if (kecamatan != null) all.add(kecamatan);
        all.addAll(fallback);
        return all;
    }
}
