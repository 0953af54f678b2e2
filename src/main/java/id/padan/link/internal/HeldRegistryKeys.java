package id.padan.link.internal;

import id.padan.link.MatchSettings;
import id.padan.link.MatchSettings.BlockingKey;
import id.padan.link.internal.BlockKeys.Block;
import id.padan.standardise.StagedRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** {@link RegistryKeys} over registry rows held in memory (a whole run linked at once, and tests). */
final class HeldRegistryKeys implements RegistryKeys {
    private final Map<Long, LinkRow> owners = new HashMap<>();
    private final Map<Block, List<LinkRow>> byKey = new HashMap<>();

    HeldRegistryKeys(List<LinkRow> registry, MatchSettings settings) {
        for (LinkRow r : registry) {
            if (r.digits != null) owners.merge(BlockKeys.nik(r.digits), r, (a, b) -> a.row.lineNo() < b.row.lineNo() ? b : a);
            forEachKey(r, settings, true, k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(r));
        }
    }

    /** Every key a registry row is filed under: its family card and its blocking values, and with {@code splits} what splits them. */
    static void forEachKey(LinkRow r, MatchSettings settings, boolean splits, Consumer<Block> out) {
        if (r.kk != null) out.accept(BlockKeys.kk(r.kk));
        for (BlockingKey key : settings.blockingKeys()) {
            if (key == BlockingKey.KK) continue; // the family card above
            for (String v : Blocking.values(key, r)) {
                out.accept(BlockKeys.main(key, v));
                if (splits) for (String s : BlockKeys.splitValues(key, r, v)) out.accept(BlockKeys.split(key, s));
            }
        }
    }

    @Override
    public Map<Long, Integer> owners(Consumer<LongConsumer> niks) {
        Map<Long, Integer> out = new HashMap<>();
        niks.accept(n -> {
            LinkRow r = owners.get(n);
            if (r != null) out.put(n, r.row.lineNo());
        });
        return out;
    }

    @Override
    public Map<Block, Integer> sizes(Collection<Block> keys) {
        Map<Block, Integer> out = new HashMap<>();
        for (Block k : keys) {
            List<LinkRow> rows = byKey.get(k);
            if (rows != null) out.put(k, rows.size());
        }
        return out;
    }

    @Override
    public List<StagedRow> rows(Collection<Block> keys, Collection<Integer> lines) {
        Map<Integer, StagedRow> out = new TreeMap<>();
        for (Block k : keys) for (LinkRow r : byKey.getOrDefault(k, List.of())) out.put(r.row.lineNo(), r.row);
        for (LinkRow r : owners.values()) if (lines.contains(r.row.lineNo())) out.put(r.row.lineNo(), r.row);
        List<StagedRow> rows = new ArrayList<>(out.values());
        rows.sort(Comparator.comparingInt(StagedRow::lineNo));
        return rows;
    }
}
