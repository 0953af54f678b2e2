package id.padan.link.internal;

import id.padan.link.MatchSettings;
import id.padan.link.MatchSettings.BlockingKey;
import id.padan.link.internal.BlockKeys.Block;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * How some of the rows left after the partitions are searched against the registry without holding it: the registry
 * is asked which rows carry their NIKs and the repairs of them, and how many rows each of their family cards and
 * blocking values holds (for a block larger than max-block-size, each of what splits it for the row: see
 * {@link BlockKeys#splitValues}); the rows are then cut into parts ({@link SearchParts}) that each read at most about
 * {@code maxRegistryRows} registry rows, and {@link #index} makes a part's index of the rows it read. Each row finds in
 * its part's index exactly what it would find in an index of the whole registry.
 */
final class LeftoverSearch {
    private final MatchSettings settings;
    private final int max;
    private final Map<Long, Integer> owners;
    /** The NIK numbers {@link #owners} holds, so that the ~150 repairs of a row's NIK are looked up only when they may be there. */
    private final NikFilter ownerNiks;
    private final Map<Block, Integer> sizes;
    private final List<SearchParts.Part> parts;

    /** {@code ownerKks}: the family card of each row's NIK owner in its partition, or null (parallel to {@code rows}). */
    LeftoverSearch(MatchSettings settings, RegistryKeys registry, List<LinkRow> rows, List<String> ownerKks, long maxRegistryRows) {
        this.settings = settings;
        this.max = settings.maxBlockSize();
        this.owners = registry.owners(sink -> {
            for (LinkRow p : rows) wantedNiks(p, sink);
        });
        this.ownerNiks = NikFilter.sized(owners.size());
        for (long n : owners.keySet()) ownerNiks.add(n);
        Set<Block> asked = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) forEachMainKey(settings, rows.get(i), ownerKks.get(i), asked::add);
        this.sizes = new HashMap<>(registry.sizes(asked));
        asked.clear();
        for (LinkRow p : rows) BlockKeys.forEachSplit(settings, p, k -> sizes.getOrDefault(k, 0) > max, asked::add);
        sizes.putAll(registry.sizes(asked));
        // Cut in the order of the rows' sorted names, so that namesakes (who share the most keys) share parts.
        List<Integer> order = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) order.add(i);
        order.sort(java.util.Comparator.comparing((Integer i) -> rows.get(i).name.isEmpty() ? "" : rows.get(i).name.sortedKey()));
        List<SearchParts.Need> needs = new ArrayList<>(rows.size());
        for (int i : order) needs.add(need(rows.get(i), ownerKks.get(i)));
        List<SearchParts.Part> cut = SearchParts.cut(needs, sizes, maxRegistryRows);
        this.parts = new ArrayList<>(cut.size());
        for (SearchParts.Part p : cut) {
            this.parts.add(new SearchParts.Part(p.rows().stream().map(order::get).toList(), p.keys(), p.lines(), p.registryRows()));
        }
    }

    /** The parts, each with the indexes of its rows in the list given. */
    List<SearchParts.Part> parts() {
        return parts;
    }

    /** The NIK numbers a row may be found under: its own digits and every repair of them. */
    static void wantedNiks(LinkRow p, LongConsumer out) {
        if (p.digits == null) return;
        out.accept(BlockKeys.nik(p.digits));
        NikVariants.forEachNumber(p.digits, out);
    }

    /**
     * Every key of the registry a search of this row can ask about: the family cards and blocks it meets, and of each
     * block what would split it were it oversized ({@link JdbcRegistryKeys#add}: the registry's keys no row left
     * over can ask about are not written).
     */
    static void forEachAskedKey(MatchSettings settings, LinkRow p, String ownerKk, java.util.function.Consumer<Block> out) {
        forEachMainKey(settings, p, ownerKk, out);
        BlockKeys.forEachSplit(settings, p, k -> true, out);
    }

    /** The family cards the row meets and the blocks of its blocking values, whatever their size. */
    private static void forEachMainKey(MatchSettings settings, LinkRow p, String ownerKk, java.util.function.Consumer<Block> out) {
        for (String kk : familyCards(p, ownerKk)) out.accept(BlockKeys.kk(kk));
        for (BlockingKey key : settings.blockingKeys()) {
            if (key == BlockingKey.KK) continue;
            for (String v : Blocking.values(key, p)) out.accept(BlockKeys.main(key, v));
        }
    }

    /** The family cards whose registry rows the row meets: its NIK read as a card, its NIK owner's, its own. */
    private static List<String> familyCards(LinkRow p, String ownerKk) {
        List<String> out = new ArrayList<>(3);
        if (p.lookupKey() != null) out.add(p.lookupKey());
        if (ownerKk != null) out.add(ownerKk);
        if (p.kk != null) out.add(p.kk);
        return out;
    }

    /**
     * What the row needs read of the registry: its NIK owners' lines, the family cards and blocks it meets that hold
     * at most max-block-size rows, and of a larger block what splits it for the row when each of those is no larger
     * (else the block is skipped, and counted, by {@link CandidateSearch}).
     */
    private SearchParts.Need need(LinkRow p, String ownerKk) {
        Set<Integer> lines = new HashSet<>();
        wantedNiks(p, n -> {
            if (!ownerNiks.mayHave(n)) return;
            Integer line = owners.get(n);
            if (line != null) lines.add(line);
        });
        Set<Block> keys = new HashSet<>();
        for (String kk : familyCards(p, ownerKk)) {
            Block k = BlockKeys.kk(kk);
            int n = sizes.getOrDefault(k, 0);
            if (n > 0 && n <= max) keys.add(k);
        }
        for (BlockingKey key : settings.blockingKeys()) {
            if (key == BlockingKey.KK) continue;
            for (String v : Blocking.values(key, p)) {
                Block k = BlockKeys.main(key, v);
                int n = sizes.getOrDefault(k, 0);
                if (n == 0) continue;
                if (n <= max) {
                    keys.add(k);
                    continue;
                }
                List<Block> split = new ArrayList<>();
                for (String s : BlockKeys.splitValues(key, p, v)) split.add(BlockKeys.split(key, s));
                if (split.stream().allMatch(s -> sizes.getOrDefault(s, 0) <= max)) {
                    for (Block s : split) if (sizes.getOrDefault(s, 0) > 0) keys.add(s);
                }
            }
        }
        return new SearchParts.Need(keys, lines);
    }

    /**
     * The index of the registry rows a part read ({@code held}, in line order): the NIK owners among them, the families
     * and blocks its rows asked for (an oversized block holding the rows of the parts of it that were asked for), with
     * the size of every key in the whole registry.
     */
    RegistryIndex index(List<LinkRow> held, SearchParts.Part part, TermFrequencies frequencies) {
        Map<String, LinkRow> byNik = new HashMap<>();
        Map<String, List<LinkRow>> byKk = new HashMap<>();
        Map<BlockingKey, Map<String, List<LinkRow>>> blocks = new EnumMap<>(BlockingKey.class);
        for (BlockingKey key : settings.blockingKeys()) if (key != BlockingKey.KK) blocks.put(key, new HashMap<>());
        for (LinkRow r : held) {
            if (r.digits != null && part.lines().contains(r.row.lineNo()) && Integer.valueOf(r.row.lineNo()).equals(owners.get(BlockKeys.nik(r.digits)))) {
                byNik.put(r.digits, r);
            }
            if (r.kk != null && part.keys().contains(BlockKeys.kk(r.kk))) byKk.computeIfAbsent(r.kk, k -> new ArrayList<>(4)).add(r);
            for (var e : blocks.entrySet()) {
                BlockingKey key = e.getKey();
                for (String v : Blocking.values(key, r)) {
                    Block main = BlockKeys.main(key, v);
                    boolean asked = part.keys().contains(main);
                    if (!asked && sizes.getOrDefault(main, 0) > max) {
                        for (String s : BlockKeys.splitValues(key, r, v)) asked |= part.keys().contains(BlockKeys.split(key, s));
                    }
                    if (asked) e.getValue().computeIfAbsent(v, x -> new ArrayList<>(2)).add(r);
                }
            }
        }
        return new RegistryIndex(byNik, byKk, blocks, sizes, frequencies);
    }
}
