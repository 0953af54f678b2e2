package id.padan.link.internal;

import id.padan.link.MatchSettings;
import id.padan.link.MatchSettings.BlockingKey;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The registry persons a program row may be: the owner of its NIK and the NIK's repairs (one digit,
 * adjacent swap, 15/17 digits), the family of the NIK's owner and of the row's own family card, and
 * the rows sharing a blocking key with it. Counts candidate pairs per blocking key and the blocks
 * skipped as oversized.
 */
final class CandidateSearch {
    private final RegistryIndex index;
    private final MatchSettings settings;
    private final Map<BlockingKey, LongAdder> pairsPerKey = new EnumMap<>(BlockingKey.class);
    private final LongAdder oversized = new LongAdder();

    CandidateSearch(RegistryIndex index, MatchSettings settings) {
        this.index = index;
        this.settings = settings;
        for (BlockingKey k : BlockingKey.values()) pairsPerKey.put(k, new LongAdder());
    }

    /** The registry row whose NIK the row carries exactly, or null. */
    static LinkRow exactNikOwner(LinkRow p, RegistryIndex index) {
        String key = p.lookupKey();
        return key == null ? null : index.byNik.get(key);
    }

    /**
     * NIK repair candidates: registry rows whose NIK the row carries, or one edit of it (edits only
     * when there is no exact owner, unless {@code always}).
     */
    static Set<LinkRow> nikCandidates(LinkRow p, RegistryIndex index, boolean always) {
        Set<LinkRow> out = new LinkedHashSet<>();
        if (p.digits == null) return out;
        LinkRow owner = exactNikOwner(p, index);
        if (owner != null) out.add(owner);
        if (owner != null && !always) return out;
        NikVariants.forEach(p.digits, v -> {
            LinkRow r = index.byNik.get(v);
            if (r != null) out.add(r);
        });
        return out;
    }

    /** Every candidate of the row: NIK and its repairs, families, and blocking. */
    Set<LinkRow> candidates(LinkRow p) {
        Set<LinkRow> out = nikCandidates(p, index, true);
        String key16 = p.lookupKey();
        LinkRow owner = exactNikOwner(p, index);
        if (key16 != null) {
            List<LinkRow> family = index.byKk.get(key16); // a family card number in the NIK field
            if (family != null) out.addAll(family);
        }
        if (owner != null && owner.kk != null) {
            List<LinkRow> family = index.byKk.get(owner.kk); // the family of the NIK's owner
            if (family != null) out.addAll(family);
        }
        if (p.kk != null) {
            List<LinkRow> family = index.byKk.get(p.kk);
            if (family != null && family.size() <= settings.maxBlockSize()) {
                pairsPerKey.get(BlockingKey.KK).add(family.size());
                out.addAll(family);
            }
        }
        for (BlockingKey key : settings.blockingKeys()) {
            if (key == BlockingKey.KK) continue; // the family-card index above
            Map<String, List<LinkRow>> blocks = index.blocks.get(key);
            for (String v : Blocking.values(key, p)) {
                List<LinkRow> block = blocks.get(v);
                if (block == null) continue;
                if (block.size() > settings.maxBlockSize()) {
                    oversized.increment();
                    continue;
                }
                pairsPerKey.get(key).add(block.size());
                out.addAll(block);
            }
        }
        return out;
    }

    /** Counters since construction, for the log: candidate pairs per key, oversized blocks skipped. */
    void report(Map<String, Long> stats) {
        pairsPerKey.forEach((k, v) -> stats.put("candidate pairs " + k, v.sum()));
        stats.put("blocks skipped as larger than " + settings.maxBlockSize(), oversized.sum());
    }
}
