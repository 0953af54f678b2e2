package id.padan.generate.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Kemendagri region codes the generator draws from ({@code /reference/wilayah/*.csv}):
 * kabupaten/kota with their kecamatan and desa, and the kecamatan codes retired by splits.
 */
final class Wilayah {

    /** A kecamatan with its desa codes; {@code predecessor} is its code before a split (pemekaran), or null. */
    record District(String code, String regencyCode, String name, List<String> villages, String predecessor) {}

    record Regency(String code, String provinceCode, String name, List<District> districts) {
        /** The name as written for a place of birth: {@code TANGERANG}, {@code KOTA TANGERANG}. */
        String placeName() {
            String upper = name.toUpperCase(Locale.ROOT);
            return upper.startsWith("KABUPATEN ") ? upper.substring("KABUPATEN ".length()) : upper;
        }
    }

    final Set<String> provinceCodes;
    /** Current kabupaten/kota that have kecamatan and desa, in file order. */
    final List<Regency> regencies;
    /** Every current kecamatan with desa, in file order. */
    final List<District> districts;
    /** Kecamatan codes no longer current (all from the 2022 Papua splits in this edition), sorted. */
    final List<String> retiredDistrictCodes;

    private Wilayah(Set<String> provinceCodes, List<Regency> regencies, List<District> districts,
                    List<String> retiredDistrictCodes) {
        this.provinceCodes = provinceCodes;
        this.regencies = regencies;
        this.districts = districts;
        this.retiredDistrictCodes = retiredDistrictCodes;
    }

    static Wilayah load() {
        String base = "/reference/wilayah/";
        Set<String> provinces = new TreeSet<>();
        ReferenceCsv.forEachRow(base + "provinces.csv", r -> provinces.add(r[0]));

        Map<String, List<String>> villagesByDistrict = new HashMap<>();
        ReferenceCsv.forEachRow(base + "villages.csv",
                r -> villagesByDistrict.computeIfAbsent(r[1], k -> new ArrayList<>()).add(r[0]));

        // history: code,regency_code,name,in_current,first_version,last_version,versions
        Map<String, List<String[]>> retiredByName = new HashMap<>();
        Map<String, Integer> firstVersion = new HashMap<>();
        List<String> retired = new ArrayList<>();
        ReferenceCsv.forEachRow(base + "districts_history.csv", r -> {
            firstVersion.put(r[0], Integer.parseInt(r[4]));
            if ("false".equals(r[3])) {
                retired.add(r[0]);
                retiredByName.computeIfAbsent(r[2].toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
            }
        });
        retired.sort(null);

        Map<String, List<District>> districtsByRegency = new LinkedHashMap<>();
        List<District> allDistricts = new ArrayList<>();
        ReferenceCsv.forEachRow(base + "districts.csv", r -> {
            List<String> villages = villagesByDistrict.get(r[0]);
            if (villages == null || villages.isEmpty()) {
                return;
            }
            District d = new District(r[0], r[1], r[2], List.copyOf(villages),
                    predecessor(r[0], r[2], firstVersion.getOrDefault(r[0], 2016), retiredByName));
            districtsByRegency.computeIfAbsent(r[1], k -> new ArrayList<>()).add(d);
            allDistricts.add(d);
        });

        List<Regency> regencies = new ArrayList<>();
        ReferenceCsv.forEachRow(base + "regencies.csv", r -> {
            List<District> ds = districtsByRegency.get(r[0]);
            if (ds != null) {
                regencies.add(new Regency(r[0], r[1], r[2], List.copyOf(ds)));
            }
        });
        return new Wilayah(Set.copyOf(provinces), List.copyOf(regencies), List.copyOf(allDistricts),
                List.copyOf(retired));
    }

    /**
     * The retired code of the same kecamatan before a split: a code that left the list before this one
     * appeared, with the same name, preferring the same last four digits.
     */
    private static String predecessor(String code, String name, int firstVersion,
                                      Map<String, List<String[]>> retiredByName) {
        if (firstVersion <= 2016) {
            return null;
        }
        List<String[]> candidates = retiredByName.get(name.toUpperCase(Locale.ROOT));
        if (candidates == null) {
            return null;
        }
        String match = null;
        int matches = 0;
        for (String[] c : candidates) {
            if (Integer.parseInt(c[5]) < firstVersion) {
                if (c[0].substring(2).equals(code.substring(2))) {
                    return c[0];
                }
                match = c[0];
                matches++;
            }
        }
        return matches == 1 ? match : null;
    }
}
