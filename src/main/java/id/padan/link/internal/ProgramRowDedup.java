package id.padan.link.internal;

import id.padan.link.MatchMethod;
import id.padan.link.MatchSettings;
import id.padan.link.MatchSettings.BlockingKey;
import id.padan.link.RowLink;
import id.padan.link.compare.NikLevel;
import id.padan.link.model.Comparison;
import id.padan.link.model.MatchModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * People the registry lacks: links unlinked program rows that are the same person (the same valid
 * NIK or a shared blocking key, and a match probability at the accept threshold with a prior of one
 * in the number of unlinked rows). Each row is linked to the earliest row it matches, so clusters
 * form through the resolver.
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

    List<RowLink> deduplicate(List<LinkRow> unlinked) {
        compared = 0;
        skippedComparisons = 0;
        List<RowLink> links = new ArrayList<>();
        if (unlinked.size() < 2) return links;
        Map<String, List<LinkRow>> blocks = new HashMap<>();
        for (LinkRow r : unlinked) {
            if (r.lookupKey() != null) blocks.computeIfAbsent("N" + r.lookupKey(), k -> new ArrayList<>()).add(r);
            for (BlockingKey key : List.of(BlockingKey.NAME_SORTED, BlockingKey.BIRTH_DATE_NAME)) {
                for (String v : Blocking.values(key, r)) blocks.computeIfAbsent(key.ordinal() + v, k -> new ArrayList<>()).add(r);
            }
        }
        double priorWeight = Math.log(1.0 / unlinked.size() / (1 - 1.0 / unlinked.size())) / Math.log(2);
        Map<LinkRow, ScoredCandidate> target = new HashMap<>(); // later row -> the earliest row it matches, with the evidence
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
                    ScoredCandidate known = target.get(later);
                    if (known != null && known.candidate().index <= first.index) continue;
                    compared++;
                    ScoredCandidate s = comparer.score(model, later, first);
                    if (MatchModel.probability(priorWeight + s.weight()) >= settings.accept()
                            && s.attributeWeight() >= settings.minAttributeBits()) {
                        target.put(later, s);
                    }
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
