package id.padan.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Kemendagri region codes (province 2, kabupaten/kota 4, kecamatan 6, desa/kelurahan 10 digits),
 * immutable and safe to share between threads; every lookup accepts any string (null, wrong length or
 * non-digits answer {@code false}, {@link DistrictStatus#UNKNOWN} or a {@code null} name) and never throws.
 *
 * <p>Codes are strings as written, leading zeros kept. Only kecamatan codes have a history
 * ({@code districts_history.csv}, editions 2016-2025), so only they, and the kabupaten codes derived
 * from them, can be told apart as retired rather than unknown.
 */
public final class RegionReference {

    private static final String FOLDER = "/reference/wilayah/";

    private static final byte DISTRICT_UNKNOWN = 0;
    private static final byte DISTRICT_CURRENT = 1;
    private static final byte DISTRICT_RETIRED = 2;

    /** Indexed by the 2-digit province code as a number. */
    private final String[] provinceNames = new String[100];
    /** Indexed by the 6-digit kecamatan code as a number: one byte each, 1 MB, no hashing on the hot path. */
    private final byte[] districtStatus = new byte[1_000_000];
    private final Map<String, String> regencyNames;
    private final Set<String> retiredRegencies;
    private final Map<String, String> districtNames;
    private final Map<String, String> villageNames;
    /** Retired kecamatan (6 digits) or kabupaten (4) code to the current kabupaten codes it went to. */
    private final Map<String, Set<String>> successors = new java.util.TreeMap<>();

    private RegionReference(Map<String, String> regencyNames, Set<String> retiredRegencies,
                            Map<String, String> districtNames, Map<String, String> villageNames) {
        this.regencyNames = regencyNames;
        this.retiredRegencies = retiredRegencies;
        this.districtNames = districtNames;
        this.villageNames = villageNames;
    }

    /**
     * The shared reference loaded from the classpath ({@code /reference/wilayah/*.csv}) on first use.
     *
     * @throws IllegalStateException if a reference file is missing or not in the expected shape
     */
    public static RegionReference kemendagri() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final RegionReference INSTANCE = load();
    }

    /** True if {@code code} is a current 2-digit province code, e.g. {@code "36"}. */
    public boolean isProvince(String code) {
        return isProvince(digitsToInt(code, 2));
    }

    /** True if {@code code} (0-99, e.g. 36) is a current province; out-of-range values answer false. */
    public boolean isProvince(int code) {
        return code >= 0 && code < provinceNames.length && provinceNames[code] != null;
    }

    /** True if {@code code} is a current 4-digit kabupaten/kota code, e.g. {@code "3603"}. */
    public boolean isRegency(String code) {
        return code != null && regencyNames.containsKey(code);
    }

    /**
     * True if {@code code} is a 4-digit kabupaten code that only appears in older editions (the kabupaten
     * of a retired kecamatan, e.g. {@code "9101"} Merauke before Papua Selatan was formed).
     */
    public boolean isRetiredRegency(String code) {
        return code != null && retiredRegencies.contains(code);
    }

    /**
     * The current kabupaten codes that a retired kecamatan (6 digits, e.g. {@code 910101} Merauke) or a
     * retired kabupaten (4 digits, e.g. {@code 9101}) now belongs to ({@code 9301}, Papua Selatan), found
     * by kecamatan name (see {@code findSuccessors}). Empty for a code that is not retired.
     */
    public Set<String> successors(String retiredCode) {
        return successors.getOrDefault(retiredCode, Set.of());
    }

    /** Every retired kecamatan and kabupaten code with its successors (see {@link #successors}). */
    public Map<String, Set<String>> allSuccessors() {
        return Collections.unmodifiableMap(successors);
    }

    /** Status of a 6-digit kecamatan code, e.g. {@code "360301"}; malformed codes are {@code UNKNOWN}. */
    public DistrictStatus district(String code) {
        return district(digitsToInt(code, 6));
    }

    /** Status of a kecamatan code given as a number (e.g. 360301); values outside 0-999999 are {@code UNKNOWN}. */
    public DistrictStatus district(int code) {
        if (code < 0 || code >= districtStatus.length) {
            return DistrictStatus.UNKNOWN;
        }
        return switch (districtStatus[code]) {
            case DISTRICT_CURRENT -> DistrictStatus.CURRENT;
            case DISTRICT_RETIRED -> DistrictStatus.RETIRED;
            default -> DistrictStatus.UNKNOWN;
        };
    }

    /** True if {@code code} is a current 10-digit desa/kelurahan code, e.g. {@code "3671011001"}. */
    public boolean isVillage(String code) {
        return code != null && villageNames.containsKey(code);
    }

    /** Name of a current province, e.g. {@code "Banten"} for {@code "36"}; null if not a current province. */
    public String provinceName(String code) {
        int n = digitsToInt(code, 2);
        return n < 0 ? null : provinceNames[n];
    }

    /** Name of a current kabupaten/kota, e.g. {@code "Kabupaten Tangerang"}; null if not current. */
    public String regencyName(String code) {
        return code == null ? null : regencyNames.get(code);
    }

    /** Name of a kecamatan, current or else retired (its last name before retirement); null if unknown. */
    public String districtName(String code) {
        return code == null ? null : districtNames.get(code);
    }

    /** Name of a current desa/kelurahan; null if not current. */
    public String villageName(String code) {
        return code == null ? null : villageNames.get(code);
    }

    /** The value of {@code s} if it is exactly {@code width} ASCII digits, otherwise -1. */
    static int digitsToInt(String s, int width) {
        if (s == null || s.length() != width) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < width; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static RegionReference load() {
        Map<String, String> regencies = new HashMap<>(1024);
        Map<String, String> districts = new HashMap<>(16_384);
        Map<String, String> villages = new HashMap<>(131_072);
        Set<String> retiredRegencies = new HashSet<>();
        RegionReference ref = new RegionReference(Collections.unmodifiableMap(regencies),
                Collections.unmodifiableSet(retiredRegencies), Collections.unmodifiableMap(districts),
                Collections.unmodifiableMap(villages));

        read("provinces.csv", List.of("code", "name"), row -> ref.provinceNames[code(row, 2)] = row[1]);
        read("regencies.csv", List.of("code", "name"), row -> regencies.put(row[0], row[1]));
        read("districts.csv", List.of("code", "name"), row -> {
            ref.districtStatus[code(row, 6)] = DISTRICT_CURRENT;
            districts.put(row[0], row[1]);
        });
        Map<String, List<String[]>> retiredDistricts = new HashMap<>();
        read("districts_history.csv", List.of("code", "regency_code", "name", "in_current"), row -> {
            int code = code(row, 6);
            if (ref.districtStatus[code] == DISTRICT_UNKNOWN && !"true".equals(row[3])) {
                ref.districtStatus[code] = DISTRICT_RETIRED;
                districts.put(row[0], row[2]);
                if (!regencies.containsKey(row[1])) {
                    retiredRegencies.add(row[1]);
                    retiredDistricts.computeIfAbsent(row[1], k -> new ArrayList<>()).add(new String[] {row[0], row[2]});
                }
            }
        });
        ref.findSuccessors(retiredDistricts, districts);
        read("villages.csv", List.of("code", "name"), row -> villages.put(row[0], row[1]));
        return ref;
    }

    /**
     * A split renumbers kecamatan but keeps their names. A retired kecamatan goes to the current kabupaten
     * holding a kecamatan of its name in the same island region (first digit of the province); where the
     * name is found in several, to the one that took most of its old kabupaten's kecamatan. A retired
     * kabupaten goes to the kabupaten its kecamatan went to.
     */
    private void findSuccessors(Map<String, List<String[]>> retiredDistricts, Map<String, String> districts) {
        Map<String, Set<String>> currentByName = new HashMap<>();
        districts.forEach((code, name) -> {
            if (districtStatus[digitsToInt(code, 6)] == DISTRICT_CURRENT) {
                currentByName.computeIfAbsent(nameKey(code, name), k -> new java.util.TreeSet<>()).add(code.substring(0, 4));
            }
        });
        retiredDistricts.forEach((regency, kecamatan) -> {
            Map<String, Integer> votes = new java.util.TreeMap<>();
            for (String[] k : kecamatan) {
                for (String to : currentByName.getOrDefault(nameKey(k[0], k[1]), Set.of())) votes.merge(to, 1, Integer::sum);
            }
            String main = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            Set<String> all = new java.util.TreeSet<>();
            for (String[] k : kecamatan) {
                Set<String> to = currentByName.getOrDefault(nameKey(k[0], k[1]), Set.of());
                Set<String> chosen = to.contains(main) ? Set.of(main) : !to.isEmpty() ? to : main != null ? Set.of(main) : Set.of();
                successors.put(k[0], Collections.unmodifiableSet(new java.util.TreeSet<>(chosen)));
                all.addAll(chosen);
            }
            successors.put(regency, Collections.unmodifiableSet(all));
        });
    }

    private static String nameKey(String code, String name) {
        return code.charAt(0) + ":" + name.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static int code(String[] row, int width) {
        int n = digitsToInt(row[0], width);
        if (n < 0) {
            throw new IllegalStateException("region reference: code '" + row[0] + "' is not " + width + " digits");
        }
        return n;
    }

    /**
     * Reads a reference file and hands each data row to {@code sink}, its fields re-ordered as
     * {@code columns} lists them. The files are fixed, known, UTF-8 RFC 4180 CSV; a hand-written
     * splitter keeps the load of 100k rows well under the 300 ms budget.
     */
    private static void read(String file, List<String> columns, Consumer<String[]> sink) {
        String resource = FOLDER + file;
        InputStream in = RegionReference.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("region reference missing from the classpath: " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalStateException("region reference is empty: " + resource);
            }
            if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
                header = header.substring(1);
            }
            List<String> names = split(header);
            int[] index = new int[columns.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = names.indexOf(columns.get(i));
                if (index[i] < 0) {
                    throw new IllegalStateException("region reference " + resource + " has no column '"
                            + columns.get(i) + "' (header: " + header + ")");
                }
            }
            String[] row = new String[index.length];
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                List<String> fields = split(line);
                if (fields.size() != names.size()) {
                    throw new IllegalStateException("region reference " + resource + " line " + lineNo
                            + ": " + fields.size() + " fields, expected " + names.size());
                }
                for (int i = 0; i < index.length; i++) {
                    row[i] = fields.get(index[i]);
                }
                sink.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read region reference " + resource, e);
        }
    }

    /** Splits one RFC 4180 line (quoted fields, {@code ""} for a quote; the files have no line breaks in fields). */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>(8);
        int n = line.length();
        int i = 0;
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i++;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                fields.add(field.toString());
                // after the closing quote: a comma or the end of the line
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                fields.add(line.substring(i, end));
                i = end;
            }
            if (i >= n) {
                return fields;
            }
            i++; // the comma
            if (i == n) {
                fields.add("");
                return fields;
            }
        }
    }
}
