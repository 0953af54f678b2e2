package id.padan.link.internal;

import id.padan.link.MatchSettings;
import id.padan.link.MatchSettings.BlockingKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry rows that the rows left after the partitions (no exact-NIK owner that their attributes
 * support) can meet, gathered while the registry streams past one partition at a time: the owners of their
 * NIKs and of every repair of them, the families of their NIKs, of the owners' and of their own family cards,
 * and the rows sharing one of their blocking values. Only those rows are held, and a block is held only up
 * to one row past the largest block searched (a larger one is skipped all the same, and counted).
 * The index it gives is the one a search over the whole registry would build for these rows: lists in
 * registry line order, the last row of a NIK taken as its owner.
 */
final class CandidateRegistry {
    private final int maxBlock;
    /** Wanted 16-digit NIKs (the rows' own and every repair of them) as numbers, sorted. */
    private final long[] wanted16;
    private final Set<String> wantedOther = new HashSet<>();
    private final Set<String> wantedKk = new HashSet<>();
    private final Map<BlockingKey, Set<String>> wantedBlocks = new EnumMap<>(BlockingKey.class);

    private final Map<String, LinkRow> byNik = new HashMap<>();
    private final Map<String, List<LinkRow>> byKk = new HashMap<>();
    private final Map<BlockingKey, Map<String, List<LinkRow>>> blocks = new EnumMap<>(BlockingKey.class);
    private long seen;

    /** {@code ownerKks}: family cards of the NIK owners found in the rows' own partitions. */
    CandidateRegistry(List<LinkRow> rows, Set<String> ownerKks, MatchSettings settings) {
        this.maxBlock = settings.maxBlockSize();
        long[] numbers = new long[1024];
        int n = 0;
        for (LinkRow p : rows) {
            if (p.digits != null) {
                List<String> mine = new ArrayList<>(200);
                mine.add(p.digits);
                NikVariants.forEach(p.digits, mine::add);
                for (String v : mine) {
                    long x = sixteenDigits(v);
                    if (x < 0) {
                        wantedOther.add(v);
                        continue;
                    }
                    if (n == numbers.length) numbers = Arrays.copyOf(numbers, n * 2);
                    numbers[n++] = x;
                }
            }
            if (p.lookupKey() != null) wantedKk.add(p.lookupKey());
            if (p.kk != null) wantedKk.add(p.kk);
        }
        wantedKk.addAll(ownerKks);
        this.wanted16 = Arrays.copyOf(numbers, n);
        Arrays.sort(wanted16);
        for (BlockingKey k : settings.blockingKeys()) {
            if (k == BlockingKey.KK) continue; // the family-card index
            Set<String> values = new HashSet<>();
            for (LinkRow p : rows) values.addAll(Blocking.values(k, p));
            wantedBlocks.put(k, values);
            blocks.put(k, new HashMap<>());
        }
    }

    /** Takes in one registry row if any of the rows can meet it. Rows may come in any order of partitions. */
    void add(LinkRow r) {
        seen++;
        if (r.digits != null && wanted(r.digits)) {
            LinkRow before = byNik.get(r.digits);
            if (before == null || before.row.lineNo() < r.row.lineNo()) byNik.put(r.digits, r);
        }
        if (r.kk != null && wantedKk.contains(r.kk)) byKk.computeIfAbsent(r.kk, k -> new ArrayList<>(4)).add(r);
        for (var e : wantedBlocks.entrySet()) {
            for (String v : Blocking.values(e.getKey(), r)) {
                if (!e.getValue().contains(v)) continue;
                List<LinkRow> block = blocks.get(e.getKey()).computeIfAbsent(v, x -> new ArrayList<>(2));
                if (block.size() <= maxBlock) block.add(r); // one past the limit marks the block as skipped
            }
        }
    }

    /** Registry rows offered so far. */
    long seen() {
        return seen;
    }

    /** The index over the rows taken in, for the search of {@link CandidateSearch}. */
    RegistryIndex index(TermFrequencies frequencies) {
        Comparator<LinkRow> byLine = Comparator.comparingInt(r -> r.row.lineNo());
        byKk.values().forEach(l -> l.sort(byLine));
        blocks.values().forEach(m -> m.values().forEach(l -> l.sort(byLine)));
        return new RegistryIndex(byNik, byKk, blocks, frequencies);
    }

    private boolean wanted(String digits) {
        long x = sixteenDigits(digits);
        return x < 0 ? wantedOther.contains(digits) : Arrays.binarySearch(wanted16, x) >= 0;
    }

    /** The value of a string of exactly 16 digits, else -1. */
    private static long sixteenDigits(String s) {
        if (s.length() != 16) return -1;
        long x = 0;
        for (int i = 0; i < 16; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            x = x * 10 + (c - '0');
        }
        return x;
    }
}
