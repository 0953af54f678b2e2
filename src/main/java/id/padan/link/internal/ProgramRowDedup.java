package id.padan.link.internal;

import id.padan.link.MatchMethod;
import id.padan.link.MatchSettings;
import id.padan.link.MatchSettings.BlockingKey;
import id.padan.link.RowLink;
import id.padan.link.compare.DateLevel;
import id.padan.link.compare.KkLevel;
import id.padan.link.compare.NikLevel;
import id.padan.link.model.Comparison;
import id.padan.link.model.MatchModel;
import java.util.ArrayDeque;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * People the registry lacks: links unlinked program rows that are the same person (the same valid
 * NIK, the same family card or a shared blocking key, and a match probability at the accept threshold with a prior of one
 * in the number of unlinked rows, and not two different birth dates). Each row is linked to a row it matches, the
 * earliest of its group when it matches it, so that every match found joins its rows; clusters form through the resolver.
 *
 * <p>What it holds: the rows come block by block ({@link Blocks}: from the database in a run, {@link JdbcDedupRows}, or
 * from rows held in memory), and a pair is compared in one block only, the smallest key the two rows share whose block
 * is not oversized, which is known from the two rows: no set of compared pairs is kept. Of the pairs that match only
 * numbers are kept (the two rows', both ways, and each row's birth date), the groups are formed over them, and the rows
 * of the links are read again a batch at a time. So the largest things held are one block (at most
 * {@code max-block-size} rows) or one batch of links with their rows, which do not grow with the input; what does grow
 * is some 32 bytes for each pair that matches (the duplicates among the people the registry lacks) and a bit for each
 * unlinked row (the rows reached), not the rows themselves.
 */
final class ProgramRowDedup {
    private final MatchSettings settings;
    private final PairComparer comparer;
    private final MatchModel model;
    private final LinkExplanations explanations;
    private long compared;
    /** Links made at a time, their rows read back together. */
    private int linkBatch = 5_000;
    private long skippedComparisons;

    ProgramRowDedup(MatchSettings settings, PairComparer comparer, MatchModel model, LinkExplanations explanations) {
        this.settings = settings;
        this.comparer = comparer;
        this.model = model;
        this.explanations = explanations;
    }

    /** Makes links {@code n} at a time (5,000 unless told). */
    ProgramRowDedup linkBatch(int n) {
        this.linkBatch = n;
        return this;
    }

    /** Pairs compared by the last call. */
    long compared() {
        return compared;
    }

    /** Pairs the last call left uncompared because their block was larger than {@code max-block-size}. */
    long skippedComparisons() {
        return skippedComparisons;
    }

    /**
     * Whether two program rows are one person: the match probability reaches {@code accept} with the dedup prior, the
     * person's own attributes support it, their birth dates are not two different real dates (two rows with
     * different birthdays, whatever else they share, are two people: siblings given one name on one family card), the
     * names are not another name altogether unless the birth dates are one (siblings share a family card, a desa, often
     * a surname, and a placeholder date or none), and on one
     * family card one is not sent as a child and the other as a head, spouse or parent.
     */
    private boolean matches(double priorWeight, LinkRow later, LinkRow first, ScoredCandidate s) {
        int date = s.levels()[Comparison.BIRTH_DATE.ordinal()];
        boolean sameCard = s.levels()[Comparison.KK.ordinal()] == KkLevel.EXACT.ordinal();
        return MatchModel.probability(priorWeight + s.weight()) >= settings.accept() && s.attributeWeight() >= settings.minAttributeBits()
                && date != DateLevel.DIFFERENT.ordinal() && date != DateLevel.GENERATION_APART.ordinal()
                && (LinkDecision.ownBirthDate(date) || !comparer.anotherName(later, first))
                && !(sameCard && LinkDecision.otherPlaceInTheFamily(later, first));
    }

    /**
     * Whether the row's birth date (an epoch day) is another real date than one of the group's: a row without a date
     * that matches two sisters given one name does not make them one person (it joins the first group it is reached from).
     */
    private static boolean anotherBirthday(int row, List<Integer> group) {
        if (row == NO_DATE) return false;
        for (int m : group) {
            if (m == NO_DATE) continue;
            DateLevel d = DateLevel.compare(LocalDate.ofEpochDay(row), LocalDate.ofEpochDay(m));
            if (d == DateLevel.DIFFERENT || d == DateLevel.GENERATION_APART) return true;
        }
        return false;
    }

    /** The keys under which a row is compared with the others: its NIK, its family card, its name and birth-date blocks. */
    static List<String> keys(LinkRow r) {
        List<String> keys = new ArrayList<>(6);
        if (r.lookupKey() != null) keys.add("N" + r.lookupKey());
        // one family card: a baby's rows in two programs, the name typed two ways or the year mistyped, share no name
        // block but their family's card
        if (r.kk != null) keys.add("K" + r.kk);
        for (BlockingKey key : List.of(BlockingKey.NAME_SORTED, BlockingKey.BIRTH_DATE_NAME)) {
            for (String v : Blocking.values(key, r)) keys.add(key.ordinal() + v);
        }
        return keys;
    }

    /** A row of a block, with those of its {@link #keys} whose blocks are not larger than {@code max-block-size}. */
    record Member(LinkRow row, List<String> keys) {}

    /** The blocks of the rows to deduplicate, as {@link #deduplicate(long, Blocks)} reads them. */
    interface Blocks {
        /**
         * Hands over every block of at least two and at most {@code max-block-size} rows, once, whole, in any order;
         * each row with those of its keys whose blocks are not oversized.
         */
        void forEach(BiConsumer<String, List<Member>> block);

        /** The pairs in the blocks larger than {@code max-block-size}, block by block. */
        long skippedComparisons();

        /** The rows of these numbers ({@link LinkRow#index}), by number. */
        Map<Integer, LinkRow> rows(int[] numbers);
    }

    /** Deduplicates rows held in memory, numbered by {@link LinkRow#index} in the order that decides the earliest. */
    List<RowLink> deduplicate(List<LinkRow> unlinked) {
        return deduplicate(unlinked.size(), held(unlinked, settings.maxBlockSize()));
    }

    /** The blocks of rows held in memory, gathered in a map over every key of every row. */
    static Blocks held(List<LinkRow> rows, int maxBlockSize) {
        Map<String, List<LinkRow>> blocks = new HashMap<>();
        for (LinkRow r : rows) {
            for (String k : keys(r)) blocks.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
        }
        long skipped = 0;
        for (List<LinkRow> block : blocks.values()) {
            if (block.size() > maxBlockSize) skipped += (long) block.size() * (block.size() - 1) / 2;
        }
        long skippedPairs = skipped;
        Map<LinkRow, Member> members = new HashMap<>();
        Map<Integer, LinkRow> byNumber = new HashMap<>();
        for (LinkRow r : rows) {
            members.put(r, new Member(r, keys(r).stream().filter(k -> blocks.get(k).size() <= maxBlockSize).toList()));
            byNumber.put(r.index, r);
        }
        return new Blocks() {
            @Override
            public void forEach(BiConsumer<String, List<Member>> each) {
                blocks.forEach((key, block) -> {
                    if (block.size() >= 2 && block.size() <= maxBlockSize) each.accept(key, block.stream().map(members::get).toList());
                });
            }

            @Override
            public long skippedComparisons() {
                return skippedPairs;
            }

            @Override
            public Map<Integer, LinkRow> rows(int[] numbers) {
                Map<Integer, LinkRow> out = new HashMap<>();
                for (int n : numbers) out.put(n, byNumber.get(n));
                return out;
            }
        };
    }

    /** Deduplicates {@code rows} rows given block by block ({@link #deduplicate(long, Blocks, Consumer)}), all links in one list. */
    List<RowLink> deduplicate(long rows, Blocks blocks) {
        List<RowLink> links = new ArrayList<>();
        deduplicate(rows, blocks, links::addAll);
        return links;
    }

    /**
     * Deduplicates {@code rows} rows given block by block, handing the links to {@code sink} a batch at a time. A pair
     * is compared once, in the block of the smallest key (in {@link String#compareTo} order) the two rows share among
     * those not oversized, which both rows carry: no set of the pairs compared is needed, and the blocks may come in
     * any order. Of a pair that matches only the two numbers are kept, and of its rows their number and birth date;
     * the rows are read again ({@link Blocks#rows}) a batch of links at a time. So what is held is one block, one batch
     * and a few numbers for each pair that matches (the duplicates) and a bit for each row; then every row is linked
     * as {@link #groups} says.
     */
    void deduplicate(long rows, Blocks blocks, Consumer<List<RowLink>> sink) {
        compared = 0;
        skippedComparisons = 0;
        if (rows < 2) return;
        double priorWeight = Math.log(1.0 / rows / (1 - 1.0 / rows)) / Math.log(2);
        // every match found, both ways: (row << 32 | row it matches); and each matching row's birth date
        Longs pairs = new Longs();
        Longs born = new Longs();
        blocks.forEach((key, block) -> {
            for (int i = 0; i < block.size(); i++) {
                for (int j = i + 1; j < block.size(); j++) {
                    Member a = block.get(i), b = block.get(j);
                    if (!key.equals(pairBlock(a, b))) continue;
                    LinkRow first = a.row().index < b.row().index ? a.row() : b.row(), later = a.row().index < b.row().index ? b.row() : a.row();
                    compared++;
                    ScoredCandidate s = comparer.score(model, later, first);
                    if (!matches(priorWeight, later, first, s)) continue;
                    pairs.add(pack(later.index, first.index));
                    pairs.add(pack(first.index, later.index));
                    born.add(pack(first.index, day(first)));
                    born.add(pack(later.index, day(later)));
                }
            }
        });
        skippedComparisons = blocks.skippedComparisons();
        long[] targets = groups(pairs.sortedDistinct(), born.sortedDistinct(), rows);
        for (int from = 0; from < targets.length; from += linkBatch) {
            int to = Math.min(targets.length, from + linkBatch);
            int[] numbers = new int[2 * (to - from)];
            for (int i = from; i < to; i++) {
                numbers[2 * (i - from)] = high(targets[i]);
                numbers[2 * (i - from) + 1] = low(targets[i]);
            }
            Map<Integer, LinkRow> read = blocks.rows(numbers);
            List<RowLink> links = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) links.add(link(priorWeight, read.get(high(targets[i])), read.get(low(targets[i]))));
            sink.accept(links);
        }
    }

    private static final int NO_DATE = Integer.MIN_VALUE;

    private static long pack(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFF_FFFFL);
    }

    private static int high(long packed) {
        return (int) (packed >>> 32);
    }

    private static int low(long packed) {
        return (int) packed;
    }

    private static int day(LinkRow r) {
        return r.birthDate == null ? NO_DATE : (int) r.birthDate.toEpochDay();
    }

    /** The block a pair is compared in: the smallest key the two rows share whose block is not oversized. */
    private static String pairBlock(Member a, Member b) {
        String smallest = null;
        for (String k : a.keys()) {
            if ((smallest == null || k.compareTo(smallest) < 0) && b.keys().contains(k)) smallest = k;
        }
        return smallest;
    }

    /**
     * One link per row, each to a row it matches, joining every match found: from the earliest row of each group of
     * matching rows, breadth first, each row is linked to the first row it is reached from (the group's earliest row
     * when it matches it). A row whose first match is a later row (A and B both match C, not each other) is still
     * joined to its person. {@code pairs} are the matches both ways (row, row it matches), sorted; {@code born} each
     * matching row's birth date (row, epoch day), sorted. Gives (row, row it is linked to), in the order found.
     */
    private static long[] groups(long[] pairs, long[] born, long rows) {
        int[] number = new int[born.length];
        int[] day = new int[born.length];
        for (int i = 0; i < born.length; i++) {
            number[i] = high(born[i]);
            day[i] = low(born[i]);
        }
        Longs targets = new Longs();
        BitSet reached = new BitSet((int) rows);
        for (int start : number) {
            if (reached.get(start)) continue;
            reached.set(start);
            List<Integer> group = new ArrayList<>(List.of(day[Arrays.binarySearch(number, start)]));
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                int from = queue.poll();
                int at = -Arrays.binarySearch(pairs, pack(from, 0) - 1) - 1; // the first pair of the row: row << 32 itself is no pair
                for (; at < pairs.length && high(pairs[at]) == from; at++) {
                    int n = low(pairs[at]);
                    int date = day[Arrays.binarySearch(number, n)];
                    if (reached.get(n) || anotherBirthday(date, group)) continue;
                    reached.set(n);
                    group.add(date);
                    targets.add(pack(n, from));
                    queue.add(n);
                }
            }
        }
        return targets.toArray();
    }

    /** The link of a row to the row it matches, with the evidence of the pair (the row weighed against that row). */
    private RowLink link(double priorWeight, LinkRow row, LinkRow to) {
        ScoredCandidate s = comparer.score(model, row, to);
        boolean sameNik = s.levels()[Comparison.NIK.ordinal()] == NikLevel.EXACT.ordinal();
        MatchMethod method = sameNik ? MatchMethod.DEDUP_SAME_NIK : MatchMethod.DEDUP_PROBABILISTIC;
        Explanation ex = explanations.explanation(method, priorWeight, s, row, 1);
        return new RowLink(row.row.source(), row.row.recordKey(), to.row.source(), to.row.recordKey(), method,
                MatchModel.probability(priorWeight + s.weight()), ex.json());
    }

    /** A growing array of longs. */
    private static final class Longs {
        private long[] values = new long[16];
        private int size;

        void add(long v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }

        /** The values sorted, each once; this array is let go. */
        long[] sortedDistinct() {
            long[] v = Arrays.copyOf(values, size);
            values = new long[0];
            size = 0;
            Arrays.sort(v);
            int n = 0;
            for (int i = 0; i < v.length; i++) if (n == 0 || v[i] != v[n - 1]) v[n++] = v[i];
            return Arrays.copyOf(v, n);
        }
    }
}
