package id.padan.link.internal;

import id.padan.link.MatchSettings;
import id.padan.link.model.MatchModel;
import java.util.Collection;

/**
 * The link decision, a pure function of a row's scored candidates and the settings: link the best
 * candidate, send it to a reviewer, or leave the row to become a person of its own.
 *
 * <p>A candidate is linked when its match probability reaches {@code accept}, it beats every other
 * candidate by {@code min-margin-bits}, and the person's own attributes (name, birth date, sex)
 * weigh at least {@code min-attribute-bits}: a family card, a region or a relative's NIK in common
 * never link people on their own. Otherwise the best candidate overall goes to review when its
 * probability reaches {@code review}.
 */
final class LinkDecision {
    /** What becomes of a row. */
    enum Kind { LINK, REVIEW, NEW_PERSON }

    /**
     * The decision about one row: {@code chosen} is the linked or reviewed candidate (null for a new
     * person), {@code runnerUp} the best other candidate's weight (NaN when not computed, minus
     * infinity when there was none), {@code candidates} how many were weighed.
     */
    record Outcome(Kind kind, ScoredCandidate chosen, double runnerUp, int candidates) {
        static Outcome newPerson(int candidates) {
            return new Outcome(Kind.NEW_PERSON, null, Double.NaN, candidates);
        }
    }

    private final double priorWeight;
    private final double accept;
    private final double review;
    private final double minMarginBits;
    private final double minAttributeBits;
    private final double exactNikMinAttributeBits;

    LinkDecision(MatchSettings settings, double priorWeight) {
        this(priorWeight, settings.accept(), settings.review(), settings.minMarginBits(), settings.minAttributeBits(),
                settings.exactNikMinAttributeBits());
    }

    LinkDecision(double priorWeight, double accept, double review, double minMarginBits, double minAttributeBits,
                 double exactNikMinAttributeBits) {
        this.priorWeight = priorWeight;
        this.accept = accept;
        this.review = review;
        this.minMarginBits = minMarginBits;
        this.minAttributeBits = minAttributeBits;
        this.exactNikMinAttributeBits = exactNikMinAttributeBits;
    }

    /** The match probability of a candidate's weight with this decision's prior. */
    double probability(ScoredCandidate s) {
        return MatchModel.probability(priorWeight + s.weight());
    }

    /**
     * Whether the owner of the row's exact NIK may be taken without a search: its name, birth date and
     * sex clearly agree.
     */
    boolean takesExactNikWithoutSearch(ScoredCandidate owner) {
        return owner.attributeWeight() >= exactNikMinAttributeBits;
    }

    /** Link, review or new person, from every candidate weighed for the row. */
    Outcome decide(Collection<ScoredCandidate> candidates) {
        if (candidates.isEmpty()) return Outcome.newPerson(0);
        // The best candidate overall, and the best one whose own attributes support the link.
        ScoredCandidate best = null, eligible = null;
        for (ScoredCandidate s : candidates) {
            if (best == null || s.weight() > best.weight()) best = s;
            if (s.attributeWeight() >= minAttributeBits && (eligible == null || s.weight() > eligible.weight())) eligible = s;
        }
        if (eligible != null) {
            double rival = Double.NEGATIVE_INFINITY;
            for (ScoredCandidate s : candidates) if (s != eligible) rival = Math.max(rival, s.weight());
            if (probability(eligible) >= accept && eligible.weight() - rival >= minMarginBits) {
                return new Outcome(Kind.LINK, eligible, rival, candidates.size());
            }
        }
        if (probability(best) >= review) return new Outcome(Kind.REVIEW, best, Double.NaN, candidates.size());
        return Outcome.newPerson(candidates.size());
    }
}
