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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * People the registry lacks: links unlinked program rows that are the same person (the same valid
 * NIK, the same family card or a shared blocking key, and a match probability at the accept threshold with a prior of one
 * in the number of unlinked rows, and not two different birth dates). Each row is linked to a row it matches, the
 * earliest of its group when it matches it, so that every match found joins its rows; clusters form through the resolver.
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

    List<RowLink> deduplicate(List<LinkRow> unlinked) {
        compared = 0;
        skippedComparisons = 0;
        List<RowLink> links = new ArrayList<>();
        if (unlinked.size() < 2) return links;
        Map<String, List<LinkRow>> blocks = new HashMap<>();
        for (LinkRow r : unlinked) {
            if (r.lookupKey() != null) blocks.computeIfAbsent("N" + r.lookupKey(), k -> new ArrayList<>()).add(r);
            // one family card: a baby's rows in two programs, the name typed two ways or the year mistyped, share no
            // name block but their family's card
            if (r.kk != null) blocks.computeIfAbsent("K" + r.kk, k -> new ArrayList<>()).add(r);
            for (BlockingKey key : List.of(BlockingKey.NAME_SORTED, BlockingKey.BIRTH_DATE_NAME)) {
                for (String v : Blocking.values(key, r)) blocks.computeIfAbsent(key.ordinal() + v, k -> new ArrayList<>()).add(r);
            }
        }
        double priorWeight = Math.log(1.0 / unlinked.size() / (1 - 1.0 / unlinked.size())) / Math.log(2);
        // every match found, both ways: row -> (row it matches -> the evidence, the earlier row weighed against the later)
        Map<LinkRow, Map<LinkRow, ScoredCandidate>> matched = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (List<LinkRow> block : blocks.values()) {
            if (block.size() < 2) continue;
            if (block.size() > settings.maxBlockSize()) {
                skippedComparisons += (long) block.size() * (block.size() - 1) / 2;
                continue;
            }
            for (int i = 0; i < block.size(); i++) {
                for (int j = i + 1; j < block.size(); j++) {
                    LinkRow a = block.get(i), b = block.get(j);
                    LinkRow first = a.index < b.index ? a : b, later = a.index < b.index ? b : a;
                    if (!seen.add(((long) first.index << 32) | later.index)) continue;
                    compared++;
                    ScoredCandidate s = comparer.score(model, later, first);
                    if (!matches(priorWeight, later, first, s)) continue;
                    matched.computeIfAbsent(later, k -> new HashMap<>()).put(first, s);
                    matched.computeIfAbsent(first, k -> new HashMap<>()).put(later, s);
                }
            }
        }
        // One link per row, each to a row it matches, joining every match found: from the earliest row of each group
        // of matching rows, breadth first, each row is linked to the first row it is reached from (the group's earliest
        // row when it matches it). A row whose first match is a later row (A and B both match C, not each other) is still
        // joined to its person.
        Map<LinkRow, ScoredCandidate> target = new java.util.LinkedHashMap<>();
        List<LinkRow> starts = new ArrayList<>(matched.keySet());
        starts.sort(Comparator.comparingInt(r -> r.index));
        Set<LinkRow> reached = new HashSet<>();
        for (LinkRow start : starts) {
            if (!reached.add(start)) continue;
            List<LinkRow> group = new ArrayList<>(List.of(start));
            ArrayDeque<LinkRow> queue = new ArrayDeque<>(group);
            while (!queue.isEmpty()) {
                LinkRow from = queue.poll();
                List<LinkRow> next = new ArrayList<>(matched.get(from).keySet());
                next.sort(Comparator.comparingInt(r -> r.index));
                for (LinkRow row : next) {
                    if (reached.contains(row) || anotherBirthday(row, group)) continue;
                    reached.add(row);
                    group.add(row);
                    ScoredCandidate s = matched.get(from).get(row);
                    target.put(row, row.index > from.index ? s : comparer.score(model, row, from));
                    queue.add(row);
                }
            }
        }
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
