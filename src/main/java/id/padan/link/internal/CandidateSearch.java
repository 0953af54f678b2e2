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
 * the rows sharing a blocking key with it. Counts candidate pairs per blocking key.
 *
 * <p>No silent caps: a block larger than {@code max-block-size} is split by the fields its key does
 * not hold (birth year, kecamatan, a distinctive name token), so that only its members agreeing on
 * them are compared; when even that part is too large it is skipped. The blocks split, the blocks
 * skipped and every comparison they leave out are counted for the run's log and history.
 */
final class CandidateSearch {
    private final RegistryIndex index;
    private final MatchSettings settings;
    private final Map<BlockingKey, LongAdder> pairsPerKey = new EnumMap<>(BlockingKey.class);
    private final LongAdder split = new LongAdder();
    private final LongAdder splitOut = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder skippedComparisons = new LongAdder();

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
        if (NikVariants.sixteenDigitVariants(p.digits)) {
            // as numbers, each made a string only when the index may hold it
            NikVariants.forEachNumber(p.digits, v -> {
                if (!index.niks.mayHave(v)) return;
                LinkRow r = index.byNik.get(NikVariants.sixteen(v));
                if (r != null) out.add(r);
            });
        } else {
            NikVariants.forEach(p.digits, v -> {
                LinkRow r = index.byNik.get(v);
                if (r != null) out.add(r);
            });
        }
        return out;
    }

    /** Every candidate of the row: NIK and its repairs, families, and blocking. */
    Set<LinkRow> candidates(LinkRow p) {
        Set<LinkRow> out = nikCandidates(p, index, true);
        String key16 = p.lookupKey();
        LinkRow owner = exactNikOwner(p, index);
        if (key16 != null) family(out, key16, false); // a family card number in the NIK field
        if (owner != null && owner.kk != null) family(out, owner.kk, false); // the family of the NIK's owner
        if (p.kk != null) family(out, p.kk, true);
        for (BlockingKey key : settings.blockingKeys()) {
            if (key == BlockingKey.KK) continue; // the family-card index above
            Map<String, List<LinkRow>> blocks = index.blocks.get(key);
            for (String v : Blocking.values(key, p)) {
                List<LinkRow> held = blocks.get(v);
                int size = index.size(BlockKeys.main(key, v), held);
                if (size == 0) continue;
                List<LinkRow> block = size > settings.maxBlockSize() ? splitOversized(key, p, v, held == null ? List.of() : held, size) : held;
                if (block == null) continue;
                pairsPerKey.get(key).add(block.size());
                out.addAll(block);
            }
        }
        return out;
    }

    /**
     * Adds the registry rows of a family card. A card holding more than {@code max-block-size} registry rows is not a
     * family: it is skipped and counted ({@code counted}: its pairs are counted as the KK key's).
     */
    private void family(Set<LinkRow> out, String kk, boolean counted) {
        List<LinkRow> family = index.byKk.get(kk);
        int size = index.size(BlockKeys.kk(kk), family);
        if (size == 0) return;
        if (size <= settings.maxBlockSize()) {
            if (counted) pairsPerKey.get(BlockingKey.KK).add(family.size());
            out.addAll(family);
        } else {
            skipped.increment();
            skippedComparisons.add(size);
        }
    }

    /**
     * The part of an oversized block ({@code size} rows in the registry, of which {@code held} are at hand: at least
     * every row agreeing with {@code p} on what splits it) that agrees with the row on what the key does not hold, or
     * null (counted as skipped) when that is still too large or the row lacks the fields to split by.
     */
    private List<LinkRow> splitOversized(BlockingKey key, LinkRow p, String value, List<LinkRow> held, int size) {
        boolean byYear = key == BlockingKey.NAME_SORTED;
        boolean byKecamatan = key == BlockingKey.NAME_SORTED || key == BlockingKey.BIRTH_DATE_NAME;
        boolean byName = key == BlockingKey.NIK_REGION_DATE || key == BlockingKey.BIRTH_DATE_KECAMATAN || key == BlockingKey.MOTHER_NAME;
        String kec = kecamatan(p);
        boolean usable = (byYear || byKecamatan || byName) && (!byYear || p.birthDate != null) && (!byKecamatan || kec != null)
                && (!byName || !p.nameKeys.isEmpty());
        if (usable) {
            for (String s : BlockKeys.splitValues(key, p, value)) {
                if (index.larger(BlockKeys.split(key, s), settings.maxBlockSize())) usable = false; // not read: too large
            }
        }
        if (usable) {
            List<LinkRow> part = new java.util.ArrayList<>();
            for (LinkRow r : held) {
                if (byYear && (r.birthDate == null || r.birthDate.getYear() != p.birthDate.getYear())) continue;
                if (byKecamatan && !kec.equals(kecamatan(r))) continue;
                if (byName && java.util.Collections.disjoint(p.nameKeys, r.nameKeys)) continue;
                part.add(r);
            }
            if (part.size() <= settings.maxBlockSize()) {
                split.increment();
                splitOut.add(size - part.size());
                return part;
            }
        }
        skipped.increment();
        skippedComparisons.add(size);
        return null;
    }

    private static String kecamatan(LinkRow r) {
        return r.region != null && r.region.length() >= 6 ? r.region.substring(0, 6) : null;
    }

    /** Comparisons left out because a block was too large even when split: the run's history keeps this count. */
    long skippedComparisons() {
        return skippedComparisons.sum();
    }

    /** Counters since construction, for the log: candidate pairs per key, oversized blocks split and skipped. */
    void report(Map<String, Long> stats) {
        pairsPerKey.forEach((k, v) -> stats.put("candidate pairs " + k, v.sum()));
        stats.put("blocks larger than " + settings.maxBlockSize() + " split by another key", split.sum());
        stats.put("comparisons left out by splitting oversized blocks", splitOut.sum());
        stats.put("blocks larger than " + settings.maxBlockSize() + " skipped (too large when split)", skipped.sum());
        stats.put(SKIPPED_COMPARISONS, skippedComparisons.sum());
    }

    /** The name of the counter of comparisons skipped in oversized blocks. */
    static final String SKIPPED_COMPARISONS = "comparisons skipped in oversized blocks";
}
