package id.padan.deliver.internal;

import id.padan.reference.RegionReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The kabupaten/kota a row is delivered to: the one of its region code as sent, except that a code retired by a
 * pemekaran split (e.g. kecamatan 910101 of the old Merauke 9101, now 9301 in Papua Selatan) goes to the
 * kabupaten it became, found by kecamatan first and by kabupaten second. A retired code that split into several
 * kabupaten and whose kecamatan does not tell which stays under its old code.
 */
final class RegionRouting {
    /** Retired 6-digit kecamatan and 4-digit kabupaten codes with the one kabupaten each became. */
    private final Map<String, String> successor = new HashMap<>();

    RegionRouting(RegionReference regions) {
        regions.allSuccessors().forEach((code, to) -> {
            if (to.size() == 1) successor.put(code, to.iterator().next());
        });
    }

    /** The kabupaten code of a region code (4, 6 or 10 digits) as delivered; null for null or a code under 4 characters. */
    String kabupaten(String regionCode) {
        if (regionCode == null || regionCode.length() < 4) return null;
        if (regionCode.length() >= 6) {
            String s = successor.get(regionCode.substring(0, 6));
            if (s != null) return s;
        }
        String kab = regionCode.substring(0, 4);
        return successor.getOrDefault(kab, kab);
    }

    /** A temporary table {@code region_route(code, kab)} of the same successors, dropped at commit. */
    void createTable(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("create temporary table if not exists region_route (code text primary key, kab text not null) on commit drop");
            st.execute("truncate region_route");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into region_route values (?, ?)")) {
            for (var e : successor.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute("analyze region_route");
        }
    }

    /** The joins that route {@code column} (joined as {@code r6_alias}, {@code r4_alias}) and the kabupaten expression they give. */
    static String join(String column, String alias) {
        return " left join region_route " + alias + "6 on " + alias + "6.code = left(" + column + ", 6)"
                + " left join region_route " + alias + "4 on " + alias + "4.code = left(" + column + ", 4) ";
    }

    static String kab(String column, String alias) {
        return "coalesce(" + alias + "6.kab, " + alias + "4.kab, left(" + column + ", 4))";
    }
}
