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
    private final double prior;
    private final double minU;

    public MatchModel(double[][] m, double[][] u, double prior, double minU) {
        this.m = m;
        this.u = u;
        this.prior = prior;
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

    /**
     * The model as text that {@link #fromText} turns back into an equal model (every number exactly): what a
     * run stores so that every partition, and a restarted stage, weighs pairs with the same model.
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("prior ").append(prior).append('\n').append("min-u ").append(minU).append('\n');
        for (Comparison c : Comparison.values()) {
            for (int l = 0; l < c.levelCount(); l++) {
                sb.append(c.name()).append(' ').append(l).append(' ').append(m[c.ordinal()][l]).append(' ').append(u[c.ordinal()][l]).append('\n');
            }
        }
        return sb.toString();
    }

    /** The model {@link #toText} wrote. */
    public static MatchModel fromText(String text) {
        double[][] m = new double[Comparison.COUNT][];
        double[][] u = new double[Comparison.COUNT][];
        for (Comparison c : Comparison.values()) {
            m[c.ordinal()] = new double[c.levelCount()];
            u[c.ordinal()] = new double[c.levelCount()];
        }
        double prior = Double.NaN, minU = Double.NaN;
        int levels = 0;
        for (String line : text.split("\n")) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "prior" -> prior = Double.parseDouble(f[1]);
                case "min-u" -> minU = Double.parseDouble(f[1]);
                default -> {
                    Comparison c = Comparison.valueOf(f[0]);
                    int l = Integer.parseInt(f[1]);
                    m[c.ordinal()][l] = Double.parseDouble(f[2]);
                    u[c.ordinal()][l] = Double.parseDouble(f[3]);
                    levels++;
                }
            }
        }
        int expected = 0;
        for (Comparison c : Comparison.values()) expected += c.levelCount();
        if (Double.isNaN(prior) || Double.isNaN(minU) || levels != expected) {
            throw new IllegalArgumentException("not a stored matching model (" + levels + " of " + expected + " levels)");
        }
        return new MatchModel(m, u, prior, minU);
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
