package id.padan.link.internal;

import id.padan.link.MatchSettings.BlockingKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory indexes over registry rows (all of a run's, one partition's, or the candidates of the rows
 * left after the partitions): by NIK, by family card, by each blocking key, with the run's frequencies of
 * name keys and birth dates for term-frequency adjustment.
 */
final class RegistryIndex {
    final List<LinkRow> rows;
    final Map<String, LinkRow> byNik;
    /** The numbers of {@link #byNik}'s NIKs, so that a NIK's repairs are looked up only when they may be there. */
    final NikFilter niks;
    final Map<String, List<LinkRow>> byKk = new HashMap<>();
    final Map<BlockingKey, Map<String, List<LinkRow>>> blocks = new EnumMap<>(BlockingKey.class);
    private final TermFrequencies frequencies;
    /** Registry rows under each key in the whole registry, when the index holds only some of them (null: the lists are whole). */
    private final Map<BlockKeys.Block, Integer> sizes;

    /** Indexes these registry rows by NIK and family card; term frequencies are the run's, given. */
    RegistryIndex(List<LinkRow> registryRows, TermFrequencies frequencies) {
        this.rows = registryRows;
        this.frequencies = frequencies;
        this.sizes = null;
        this.byNik = new HashMap<>(registryRows.size() * 2);
        for (LinkRow r : registryRows) {
            if (r.digits != null) byNik.put(r.digits, r);
            if (r.kk != null) byKk.computeIfAbsent(r.kk, k -> new ArrayList<>(4)).add(r);
        }
        this.niks = filter(byNik);
    }

    /**
     * An index of the registry rows one part of the search read (see {@link ProbabilisticLinker#searchLeftover}): the
     * lists hold the rows under the keys the part asked for, {@code sizes} the rows each key holds in the whole registry.
     */
    RegistryIndex(Map<String, LinkRow> byNik, Map<String, List<LinkRow>> byKk, Map<BlockingKey, Map<String, List<LinkRow>>> blocks,
                  Map<BlockKeys.Block, Integer> sizes, TermFrequencies frequencies) {
        this.rows = List.of();
        this.byNik = byNik;
        this.niks = filter(byNik);
        this.byKk.putAll(byKk);
        this.blocks.putAll(blocks);
        this.sizes = sizes;
        this.frequencies = frequencies;
    }

    private static NikFilter filter(Map<String, LinkRow> byNik) {
        NikFilter f = NikFilter.sized(byNik.size());
        for (String digits : byNik.keySet()) f.add(BlockKeys.nik(digits));
        return f;
    }

    /** Registry rows under the key in the whole registry ({@code held}: the rows this index holds under it, or null). */
    int size(BlockKeys.Block key, List<LinkRow> held) {
        return sizes != null ? sizes.getOrDefault(key, 0) : held == null ? 0 : held.size();
    }

    /** Whether the key holds more than {@code max} rows in the whole registry; false when not known (the index's lists are whole). */
    boolean larger(BlockKeys.Block key, int max) {
        return sizes != null && sizes.getOrDefault(key, 0) > max;
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

    /** Rows held by this index (those {@link #rows} lists). */
    int size() {
        return rows.size();
    }

    /** Registry rows of the whole run, wherever they are held: what the prior and the frequencies count. */
    long registrySize() {
        return frequencies.registryRows();
    }

    /** Share of the run's registry rows with this name key (0 when the key is absent or the registry empty). */
    double nameFrequency(String key) {
        return frequencies.name(key);
    }

    double dateFrequency(LocalDate d) {
        return frequencies.date(d);
    }
}
