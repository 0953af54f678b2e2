package id.padan.link.internal;

import id.padan.link.MatchSettings.BlockingKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory indexes over the registry rows of a run: by NIK, by family card, by each blocking key,
 * and the frequencies of name keys and birth dates for term-frequency adjustment.
 */
final class RegistryIndex {
    final List<LinkRow> rows;
    final Map<String, LinkRow> byNik;
    final Map<String, List<LinkRow>> byKk = new HashMap<>();
    final Map<BlockingKey, Map<String, List<LinkRow>>> blocks = new EnumMap<>(BlockingKey.class);
    private final Map<String, Integer> nameFrequency = new HashMap<>();
    private final Map<LocalDate, Integer> dateFrequency = new HashMap<>();

    /**
     * Indexes the registry by NIK and family card, and counts name keys and birth dates for
     * term-frequency adjustment (names only where some program row has the same name key, the only
     * ones ever looked up). Blocking indexes are built later, for the values that are needed.
     */
    RegistryIndex(List<LinkRow> registryRows, java.util.Set<String> programNameKeys) {
        this.rows = registryRows;
        this.byNik = new HashMap<>(registryRows.size() * 2);
        for (LinkRow r : registryRows) {
            if (r.digits != null) byNik.put(r.digits, r);
            if (r.kk != null) byKk.computeIfAbsent(r.kk, k -> new ArrayList<>(4)).add(r);
            if (!r.name.isEmpty() && programNameKeys.contains(r.name.key())) nameFrequency.merge(r.name.key(), 1, Integer::sum);
            if (r.birthDate != null) dateFrequency.merge(r.birthDate, 1, Integer::sum);
        }
    }

    /**
     * (Re)builds the blocking indexes for exactly the wanted values of each key, in one pass over the
     * registry: a registry row is filed under a value only when some row being matched has it.
     */
    void buildBlocks(Map<BlockingKey, java.util.Set<String>> wanted) {
        blocks.clear();
        wanted.keySet().forEach(k -> blocks.put(k, new HashMap<>()));
        for (LinkRow r : rows) {
            for (var e : wanted.entrySet()) {
                if (e.getValue().isEmpty()) continue;
                for (String v : Blocking.values(e.getKey(), r)) {
                    if (e.getValue().contains(v)) blocks.get(e.getKey()).computeIfAbsent(v, k -> new ArrayList<>(2)).add(r);
                }
            }
        }
    }

    int size() {
        return rows.size();
    }

    /** Share of registry rows with this name key (0 when the key is absent or the registry empty). */
    double nameFrequency(String key) {
        Integer n = nameFrequency.get(key);
        return n == null || rows.isEmpty() ? 0 : (double) n / rows.size();
    }

    double dateFrequency(LocalDate d) {
        Integer n = dateFrequency.get(d);
        return n == null || rows.isEmpty() ? 0 : (double) n / rows.size();
    }
}
