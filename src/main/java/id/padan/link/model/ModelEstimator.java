package id.padan.link.model;

import java.util.Map;

/**
 * Estimates a {@link MatchModel} without labels, the way Splink does: u from comparison levels of
 * random pairs (almost all non-matches), then m by expectation-maximisation over the comparison
 * patterns of blocked candidate pairs, with u held fixed. Patterns are level vectors packed into a
 * long (4 bits per comparison) with their counts.
 */
public final class ModelEstimator {
    private final int maxIterations;
    private final double tolerance;

    public ModelEstimator(int maxIterations, double tolerance) {
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    public static long pack(int[] levels) {
        long p = 0;
        for (int i = 0; i < levels.length; i++) p |= ((long) levels[i]) << (4 * i);
        return p;
    }

    public static int level(long pattern, int comparison) {
        return (int) ((pattern >>> (4 * comparison)) & 0xF);
    }

    /** u per level from the counts of random pairs, with add-one smoothing (so no level has u = 0). */
    public static double[][] uFromRandomPairs(Map<Long, Long> randomPatterns) {
        double[][] u = new double[Comparison.COUNT][];
        for (Comparison c : Comparison.values()) {
            int i = c.ordinal();
            double[] counts = new double[c.levelCount()];
            double total = 0;
            for (var e : randomPatterns.entrySet()) {
                int l = level(e.getKey(), i);
                if (l == c.nullLevel()) continue;
                counts[l] += e.getValue();
                total += e.getValue();
            }
            u[i] = new double[c.levelCount()];
            for (int l = 0; l < c.nullLevel(); l++) u[i][l] = (counts[l] + 1) / (total + c.nullLevel());
            u[i][c.nullLevel()] = 1;
        }
        return u;
    }

    /** Starting m: most true matches agree exactly, few fall to the weakest levels. */
    public static double[][] initialM() {
        double[][] m = new double[Comparison.COUNT][];
        for (Comparison c : Comparison.values()) {
            int n = c.nullLevel();
            m[c.ordinal()] = new double[c.levelCount()];
            double rest = 0.2 / Math.max(1, n - 1);
            for (int l = 0; l < n; l++) m[c.ordinal()][l] = l == 0 ? 0.8 : rest;
            m[c.ordinal()][n] = 1;
        }
        return m;
    }

    /**
     * Combines sessions: each comparison's m is the mean of the sessions that estimated it (those not
     * blocked on it); a comparison no session estimated keeps the starting m.
     */
    public static double[][] combine(java.util.List<Estimate> sessions, java.util.List<java.util.Set<Comparison>> blockedOn, double smoothing) {
        double[][] m = initialM();
        for (Comparison c : Comparison.values()) {
            int used = 0;
            double[] sum = new double[c.levelCount()];
            for (int s = 0; s < sessions.size(); s++) {
                if (blockedOn.get(s).contains(c)) continue;
                used++;
                for (int l = 0; l < c.nullLevel(); l++) sum[l] += sessions.get(s).m()[c.ordinal()][l];
            }
            if (used == 0) continue;
            for (int l = 0; l < c.nullLevel(); l++) {
                m[c.ordinal()][l] = (1 - smoothing) * sum[l] / used + smoothing / c.nullLevel();
            }
        }
        return m;
    }

    /** The result of estimation: m per level, the share of matches among candidate pairs, iterations run. */
    public record Estimate(double[][] m, double lambda, int iterations) {}

    /**
     * EM over one training session's candidate pairs. The comparisons in {@code blockedOn} are the ones
     * the session's candidates were blocked on: they agree by construction, so they take no part in
     * the estimate and keep their starting m (the caller takes their m from another session).
     */
    public Estimate estimateM(Map<Long, Long> candidatePatterns, double[][] u, java.util.Set<Comparison> blockedOn) {
        // Sums of doubles depend on their order: the patterns are taken in the order of their packed levels, not in
        // the order a map filled by parallel threads hands them out, so that the model is the same to the last bit
        // however the run was split (a few thousand patterns at most).
        long[][] ordered = candidatePatterns.entrySet().stream().map(e -> new long[] {e.getKey(), e.getValue()})
                .sorted(java.util.Comparator.comparingLong(e -> e[0])).toArray(long[][]::new);
        double[][] m = initialM();
        double lambda = 0.5;
        int it = 0;
        for (; it < maxIterations; it++) {
            double[][] num = new double[Comparison.COUNT][];
            double[] den = new double[Comparison.COUNT];
            for (Comparison c : Comparison.values()) num[c.ordinal()] = new double[c.levelCount()];
            double matchMass = 0, total = 0;
            for (long[] e : ordered) {
                long p = e[0];
                double count = e[1];
                double pm = lambda, pu = 1 - lambda;
                for (Comparison c : Comparison.values()) {
                    int l = level(p, c.ordinal());
                    if (l == c.nullLevel() || blockedOn.contains(c)) continue;
                    pm *= m[c.ordinal()][l];
                    pu *= u[c.ordinal()][l];
                }
                double w = pm / (pm + pu);
                matchMass += count * w;
                total += count;
                for (Comparison c : Comparison.values()) {
                    int l = level(p, c.ordinal());
                    if (l == c.nullLevel() || blockedOn.contains(c)) continue;
                    num[c.ordinal()][l] += count * w;
                    den[c.ordinal()] += count * w;
                }
            }
            double change = 0;
            for (Comparison c : Comparison.values()) {
                int i = c.ordinal();
                if (blockedOn.contains(c)) continue;
                for (int l = 0; l < c.nullLevel(); l++) {
                    // A small floor keeps a level no match showed from weighing minus infinity.
                    double next = den[i] == 0 ? m[i][l] : Math.max((num[i][l] + 1e-6) / (den[i] + 1e-6 * c.nullLevel()), 1e-6);
                    change = Math.max(change, Math.abs(next - m[i][l]));
                    m[i][l] = next;
                }
            }
            lambda = total == 0 ? lambda : matchMass / total;
            if (change < tolerance) {
                it++;
                break;
            }
        }
        return new Estimate(m, lambda, it);
    }
}
