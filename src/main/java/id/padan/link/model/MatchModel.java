package id.padan.link.model;

import java.util.Locale;

/**
 * Fellegi-Sunter weights for every level of every {@link Comparison}: {@code log2(m/u)}, with m the
 * probability of the level among true matches and u among non-matches. For the fields named for
 * term-frequency adjustment, an exact agreement uses the frequency of the agreeing value as u (a
 * common name or a placeholder birth date counts for little). NULL levels weigh 0.
 * Immutable and thread-safe.
 */
public final class MatchModel {
    private final double[][] m;
    private final double[][] u;
    private final double[][] weight;
    private final double priorWeight;
    private final double minU;

    public MatchModel(double[][] m, double[][] u, double prior, double minU) {
        this.m = m;
        this.u = u;
        this.minU = minU;
        this.priorWeight = log2(prior / (1 - prior));
        this.weight = new double[Comparison.COUNT][];
        for (Comparison c : Comparison.values()) {
            int i = c.ordinal();
            weight[i] = new double[c.levelCount()];
            for (int l = 0; l < c.nullLevel(); l++) weight[i][l] = log2(m[i][l] / u[i][l]);
        }
    }

    /** Weight of a level; {@code tfFrequency} (0 for none) replaces u for an exact level of a term-frequency field. */
    public double weight(Comparison c, int level, double tfFrequency) {
        if (level == 0 && tfFrequency > 0) return log2(m[c.ordinal()][0] / Math.max(tfFrequency, minU));
        return weight[c.ordinal()][level];
    }

    public double priorWeight() {
        return priorWeight;
    }

    public double m(Comparison c, int level) {
        return m[c.ordinal()][level];
    }

    public double u(Comparison c, int level) {
        return u[c.ordinal()][level];
    }

    /** Probability from a total match weight (prior included): {@code 1 / (1 + 2^-w)}. */
    public static double probability(double totalWeight) {
        return 1.0 / (1.0 + Math.pow(2, -totalWeight));
    }

    /** The highest total weight any pair can reach (all comparisons at their best non-NULL level, TF at its floor). */
    public double maxTotalWeight() {
        double w = priorWeight;
        for (Comparison c : Comparison.values()) {
            double best = 0;
            for (int l = 0; l < c.nullLevel(); l++) best = Math.max(best, weight[c.ordinal()][l]);
            if (c == Comparison.NAME || c == Comparison.BIRTH_DATE) best = Math.max(best, log2(m[c.ordinal()][0] / minU));
            w += best;
        }
        return w;
    }

    /** m, u and weight of every level, for the log and the README. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "prior weight %.2f bits%n", priorWeight));
        for (Comparison c : Comparison.values()) {
            for (int l = 0; l < c.nullLevel(); l++) {
                sb.append(String.format(Locale.ROOT, "  %-10s %-30s m=%.5f u=%.7f w=%+6.2f%n", c, c.levels().get(l), m[c.ordinal()][l],
                        u[c.ordinal()][l], weight[c.ordinal()][l]));
            }
        }
        return sb.toString();
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
