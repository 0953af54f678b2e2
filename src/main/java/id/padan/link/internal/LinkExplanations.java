package id.padan.link.internal;

import id.padan.link.MatchMethod;
import id.padan.link.RowLink;
import id.padan.link.compare.DateLevel;
import id.padan.link.compare.NikLevel;
import id.padan.link.compare.SexLevel;
import id.padan.link.model.Comparison;
import id.padan.link.model.MatchModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns decisions into stored links: the method, the probability and the explanation of every field comparison. */
final class LinkExplanations {
    private final MatchModel model;
    private final PairComparer comparer;

    LinkExplanations(MatchModel model, PairComparer comparer) {
        this.model = model;
        this.comparer = comparer;
    }

    /** The stored link of a decided row: a registry link, or a review proposal. */
    RowLink link(LinkRow p, LinkDecision.Outcome d) {
        ScoredCandidate s = d.chosen();
        boolean review = d.kind() == LinkDecision.Kind.REVIEW;
        MatchMethod method = review ? MatchMethod.REVIEW : MatchMethod.ofNikLevel(NikLevel.values()[s.levels()[Comparison.NIK.ordinal()]]);
        double total = model.priorWeight() + s.weight();
        double probability = MatchModel.probability(total);
        Explanation e = explanation(method, model.priorWeight(), s, p, d.candidates());
        if (!Double.isNaN(d.runnerUp()) && d.runnerUp() > Double.NEGATIVE_INFINITY) e.number("runner_up_weight", model.priorWeight() + d.runnerUp());
        // the mother's name, when it agrees: evidence outside the model's fields (see LinkDecision.motherUnderItsName)
        if (s.motherWeight() > 0) e.number("mother_name_weight", s.motherWeight());
        NikLevel nik = NikLevel.values()[s.levels()[Comparison.NIK.ordinal()]];
        if (nik.isRepair()) e.text("nik_repair", nik.name());
        List<String> differs = differing(s.levels(), comparer.anotherName(p, s.candidate()));
        if (!differs.isEmpty() && !review) e.text("attribute_mismatch", String.join(",", differs));
        if (review) {
            e.text("review", "kemungkinan orang yang sama dengan satu penduduk di data Dukcapil (peluang "
                    + String.format(Locale.ROOT, "%.3f", probability) + "); perlu keputusan petugas");
            e.candidate(s.candidate().row.source(), s.candidate().row.recordKey(), probability);
        }
        return new RowLink(p.row.source(), p.row.recordKey(), s.candidate().row.source(), s.candidate().row.recordKey(),
                method, probability, e.json());
    }

    /** The explanation of a pair: method, probability and weight, and the level and weight of every field comparison. */
    Explanation explanation(MatchMethod method, double priorWeight, ScoredCandidate s, LinkRow row, int candidates) {
        double total = priorWeight + s.weight();
        Explanation e = new Explanation(method.name(), MatchModel.probability(total), total, priorWeight, candidates);
        double[] weights = comparer.fieldWeights(model, s.levels(), row, s.candidate());
        for (Comparison c : Comparison.values()) {
            int level = s.levels()[c.ordinal()];
            e.field(c.name(), c.levels().get(level), weights[c.ordinal()]);
        }
        return e;
    }

    /**
     * The attributes of a linked row that differ from its person's beyond normal variation: a name that
     * is another name altogether ({@code anotherName}; spelling, titles, initials, truncation, a token added,
     * dropped or reordered and typing slips are normal variation), any other valid birth date (a swapped day
     * and month or a placeholder is still a date to correct at the source), another sex.
     */
    static List<String> differing(int[] levels, boolean anotherName) {
        List<String> out = new ArrayList<>(3);
        if (anotherName) out.add("NAME");
        int date = levels[Comparison.BIRTH_DATE.ordinal()];
        if (date != DateLevel.EXACT.ordinal() && date != DateLevel.NULL.ordinal()) out.add("BIRTH_DATE");
        if (levels[Comparison.SEX.ordinal()] == SexLevel.DIFFERENT.ordinal()) out.add("SEX");
        return out;
    }
}
