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

    RegistryIndex(List<LinkRow> registryRows, List<BlockingKey> keys) {
        this.rows = registryRows;
        this.byNik = new HashMap<>(registryRows.size() * 2);
        for (BlockingKey k : keys) if (k != BlockingKey.KK) blocks.put(k, new HashMap<>()); // KK uses byKk
        for (LinkRow r : registryRows) {
            if (r.digits != null) byNik.put(r.digits, r);
            if (r.kk != null) byKk.computeIfAbsent(r.kk, k -> new ArrayList<>(4)).add(r);
            for (var e : blocks.entrySet()) {
                for (String v : Blocking.values(e.getKey(), r)) e.getValue().computeIfAbsent(v, k -> new ArrayList<>(2)).add(r);
            }
            if (!r.name.isEmpty()) nameFrequency.merge(r.name.key(), 1, Integer::sum);
            if (r.birthDate != null) dateFrequency.merge(r.birthDate, 1, Integer::sum);
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

    /** Number of distinct values and of pairs a program row could meet per key, for the log. */
    Map<BlockingKey, long[]> blockSizes() {
        Map<BlockingKey, long[]> out = new EnumMap<>(BlockingKey.class);
        blocks.forEach((k, m) -> out.put(k, new long[] {m.size(), m.values().stream().mapToLong(List::size).max().orElse(0)}));
        return out;
    }
}
