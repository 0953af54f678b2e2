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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * People the registry lacks: links unlinked program rows that are the same person (the same valid
 * NIK, the same family card or a shared blocking key, and a match probability at the accept threshold with a prior of one
 * in the number of unlinked rows, and not two different birth dates). Each row is linked to a row it matches, the
 * earliest of its group when it matches it, so that every match found joins its rows; clusters form through the resolver.
 *
 * <p>What it holds: the rows come block by block ({@link Blocks}: from the database in a run, {@link JdbcDedupRows}, or
 * from rows held in memory), and a pair is compared in one block only, the smallest key the two rows share whose block
 * is not oversized, which is known from the two rows: no set of compared pairs is kept. So the largest things held are
 * one block (at most {@code max-block-size} rows) and the pairs that match with their rows. The matches are the
 * duplicates among the people the registry lacks: they grow with those duplicates (the links this step writes), not
 * with the rows compared.
 */
final class ProgramRowDedup {
    private final MatchSettings settings;
    private final PairComparer comparer;
    private final MatchModel model;
    private final LinkExplanations explanations;
    private long compared;
    private long skippedComparisons;

    ProgramRowDedup(MatchSettings settings, PairComparer comparer, MatchModel model, LinkExplanations explanations) {
        this.settings = settings;
        this.comparer = comparer;
        this.model = model;
        this.explanations = explanations;
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
     * Whether the row's birth date is another real date than one of the group's: a row without a date that matches two
     * sisters given one name does not make them one person (it joins the first group it is reached from).
     */
    private static boolean anotherBirthday(LinkRow row, List<LinkRow> group) {
        if (row.birthDate == null) return false;
        for (LinkRow m : group) {
            if (m.birthDate == null) continue;
            DateLevel d = DateLevel.compare(row.birthDate, m.birthDate);
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
        for (LinkRow r : rows) members.put(r, new Member(r, keys(r).stream().filter(k -> blocks.get(k).size() <= maxBlockSize).toList()));
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
        };
    }

    /**
     * Deduplicates {@code rows} rows given block by block. A pair is compared once, in the block of the smallest key
     * (in {@link String#compareTo} order) the two rows share among those not oversized, which both rows carry: no set
     * of the pairs compared is needed, and the blocks may come in any order. What is held is one block and the pairs
     * that match (the duplicates, with their rows); then every row is linked as
     * {@link #links} says.
     */
    List<RowLink> deduplicate(long rows, Blocks blocks) {
        compared = 0;
        skippedComparisons = 0;
        if (rows < 2) return new ArrayList<>();
        double priorWeight = Math.log(1.0 / rows / (1 - 1.0 / rows)) / Math.log(2);
        // every match found, both ways: row -> (row it matches -> the evidence, the earlier row weighed against the later)
        Map<Integer, Map<Integer, ScoredCandidate>> matched = new HashMap<>();
        Map<Integer, LinkRow> matchedRows = new HashMap<>();
        blocks.forEach((key, block) -> {
            for (int i = 0; i < block.size(); i++) {
                for (int j = i + 1; j < block.size(); j++) {
                    Member a = block.get(i), b = block.get(j);
                    if (!key.equals(pairBlock(a, b))) continue;
                    LinkRow first = a.row().index < b.row().index ? a.row() : b.row(), later = a.row().index < b.row().index ? b.row() : a.row();
                    compared++;
                    ScoredCandidate s = comparer.score(model, later, first);
                    if (!matches(priorWeight, later, first, s)) continue;
                    matched.computeIfAbsent(later.index, k -> new HashMap<>()).put(first.index, s);
                    matched.computeIfAbsent(first.index, k -> new HashMap<>()).put(later.index, s);
                    matchedRows.putIfAbsent(first.index, first);
                    matchedRows.putIfAbsent(later.index, later);
                }
            }
        });
        skippedComparisons = blocks.skippedComparisons();
        return links(priorWeight, matched, matchedRows);
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
     * joined to its person.
     */
    private List<RowLink> links(double priorWeight, Map<Integer, Map<Integer, ScoredCandidate>> matched, Map<Integer, LinkRow> rows) {
        Map<LinkRow, ScoredCandidate> target = new LinkedHashMap<>();
        List<Integer> starts = new ArrayList<>(matched.keySet());
        starts.sort(Comparator.naturalOrder());
        Set<Integer> reached = new HashSet<>();
        for (int start : starts) {
            if (!reached.add(start)) continue;
            List<LinkRow> group = new ArrayList<>(List.of(rows.get(start)));
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                int from = queue.poll();
                List<Integer> next = new ArrayList<>(matched.get(from).keySet());
                next.sort(Comparator.naturalOrder());
                for (int n : next) {
                    LinkRow row = rows.get(n);
                    if (reached.contains(n) || anotherBirthday(row, group)) continue;
                    reached.add(n);
                    group.add(row);
                    ScoredCandidate s = matched.get(from).get(n);
                    target.put(row, n > from ? s : comparer.score(model, row, rows.get(from)));
                    queue.add(n);
                }
            }
        }
        List<RowLink> links = new ArrayList<>(target.size());
        for (var e : target.entrySet()) {
            LinkRow row = e.getKey();
            ScoredCandidate s = e.getValue();
            boolean sameNik = s.levels()[Comparison.NIK.ordinal()] == NikLevel.EXACT.ordinal();
            MatchMethod method = sameNik ? MatchMethod.DEDUP_SAME_NIK : MatchMethod.DEDUP_PROBABILISTIC;
            Explanation ex = explanations.explanation(method, priorWeight, s, row, 1);
            links.add(new RowLink(row.row.source(), row.row.recordKey(), s.candidate().row.source(), s.candidate().row.recordKey(),
                    method, MatchModel.probability(priorWeight + s.weight()), ex.json()));
        }
        return links;
    }
}
