package id.padan.link.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Expectation-maximisation recovers known m probabilities from simulated comparison patterns, as
 * Splink's test_correctness_of_convergence does: pairs are drawn from a known mixture of matches
 * (levels drawn from m) and non-matches (levels drawn from u), and EM, given u, must find m and the
 * share of matches.
 */
class ModelEstimatorTest {
    private static final double LAMBDA = 0.2;
    private static final int PAIRS = 200_000;

    /** A true m per comparison: mostly exact, the rest spread over the lower levels, nothing on NULL. */
    private static double[][] trueM() {
        double[][] m = new double[Comparison.COUNT][];
        for (Comparison c : Comparison.values()) {
            int n = c.nullLevel();
            m[c.ordinal()] = new double[c.levelCount()];
            double exact = 0.7 + 0.03 * c.ordinal();
            m[c.ordinal()][0] = exact;
            for (int l = 1; l < n; l++) m[c.ordinal()][l] = (1 - exact) * (n - l) / (n * (n - 1) / 2.0);
            m[c.ordinal()][n] = 1;
        }
        return m;
    }

    /** A true u: agreement is rare among non-matches, the last non-NULL level is the usual one. */
    private static double[][] trueU() {
        double[][] u = new double[Comparison.COUNT][];
        for (Comparison c : Comparison.values()) {
            int n = c.nullLevel();
            u[c.ordinal()] = new double[c.levelCount()];
            double rest = 0;
            for (int l = 0; l < n - 1; l++) {
                u[c.ordinal()][l] = 0.01 * (l + 1);
                rest += u[c.ordinal()][l];
            }
            u[c.ordinal()][n - 1] = 1 - rest;
            u[c.ordinal()][n] = 1;
        }
        return u;
    }

    private static int draw(double[] p, int levels, SplittableRandom random) {
        double x = random.nextDouble(), sum = 0;
        for (int l = 0; l < levels - 1; l++) {
            sum += p[l];
            if (x < sum) return l;
        }
        return levels - 1;
    }

    private static Map<Long, Long> simulate(double[][] m, double[][] u, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Long, Long> patterns = new HashMap<>();
        int[] levels = new int[Comparison.COUNT];
        for (int i = 0; i < PAIRS; i++) {
            double[][] source = random.nextDouble() < LAMBDA ? m : u;
            for (Comparison c : Comparison.values()) levels[c.ordinal()] = draw(source[c.ordinal()], c.nullLevel(), random);
            patterns.merge(ModelEstimator.pack(levels), 1L, Long::sum);
        }
        return patterns;
    }

    @Test
    void recoversKnownMAndTheShareOfMatches() {
        double[][] m = trueM(), u = trueU();
        ModelEstimator.Estimate e = new ModelEstimator(100, 1e-7).estimateM(simulate(m, u, 42), u, Set.of());
        assertThat(e.lambda()).isCloseTo(LAMBDA, within(0.01));
        for (Comparison c : Comparison.values()) {
            for (int l = 0; l < c.nullLevel(); l++) {
                assertThat(e.m()[c.ordinal()][l]).as(c + " " + c.levels().get(l)).isCloseTo(m[c.ordinal()][l], within(0.02));
            }
        }
        assertThat(e.iterations()).isLessThan(100);
    }

    /**
     * The same patterns give the same model to the last bit, whatever order the map hands them out in: the training
     * maps are filled by parallel threads, and a run split into other partitions (or run again) must publish the same
     * probabilities.
     */
    @Test
    void theEstimateDoesNotDependOnTheOrderThePatternsComeIn() {
        double[][] m = trueM(), u = trueU();
        Map<Long, Long> patterns = simulate(m, u, 11);
        List<Map.Entry<Long, Long>> entries = new java.util.ArrayList<>(patterns.entrySet());
        Map<Long, Long> forward = new java.util.LinkedHashMap<>(), backward = new java.util.LinkedHashMap<>();
        entries.forEach(e -> forward.put(e.getKey(), e.getValue()));
        java.util.Collections.reverse(entries);
        entries.forEach(e -> backward.put(e.getKey(), e.getValue()));
        ModelEstimator estimator = new ModelEstimator(100, 1e-7);
        ModelEstimator.Estimate a = estimator.estimateM(forward, u, Set.of()), b = estimator.estimateM(backward, u, Set.of());
        assertThat(b.lambda()).isEqualTo(a.lambda());
        for (Comparison c : Comparison.values()) assertThat(b.m()[c.ordinal()]).as(c.name()).containsExactly(a.m()[c.ordinal()]);
    }

    @Test
    void aComparisonTheSessionWasBlockedOnKeepsItsStartingM() {
        double[][] m = trueM(), u = trueU();
        ModelEstimator.Estimate e = new ModelEstimator(100, 1e-7).estimateM(simulate(m, u, 7), u, Set.of(Comparison.NIK));
        assertThat(e.m()[Comparison.NIK.ordinal()]).containsExactly(ModelEstimator.initialM()[Comparison.NIK.ordinal()], within(0.0));
        assertThat(e.m()[Comparison.NAME.ordinal()][0]).isCloseTo(m[Comparison.NAME.ordinal()][0], within(0.02));
    }

    @Test
    void combinedSessionsTakeEachFieldFromTheSessionsNotBlockedOnIt() {
        double[][] a = trueM(), b = trueM();
        a[Comparison.NAME.ordinal()][0] = 0.5;
        b[Comparison.NIK.ordinal()][0] = 0.4;
        List<ModelEstimator.Estimate> sessions = List.of(new ModelEstimator.Estimate(a, 0.1, 1), new ModelEstimator.Estimate(b, 0.1, 1));
        double[][] m = ModelEstimator.combine(sessions, List.of(Set.of(Comparison.NIK), Set.of(Comparison.NAME)), 0);
        assertThat(m[Comparison.NAME.ordinal()][0]).isEqualTo(0.5); // only session a estimated the name
        assertThat(m[Comparison.NIK.ordinal()][0]).isEqualTo(0.4); // only session b estimated the NIK
        assertThat(m[Comparison.SEX.ordinal()][0]).isEqualTo(a[Comparison.SEX.ordinal()][0], within(1e-12)); // both: the mean
    }

    @Test
    void uFromRandomPairsIgnoresNullAndNeverReachesZero() {
        int[] agree = new int[Comparison.COUNT];
        int[] missing = new int[Comparison.COUNT];
        for (Comparison c : Comparison.values()) missing[c.ordinal()] = c.nullLevel();
        double[][] u = ModelEstimator.uFromRandomPairs(Map.of(ModelEstimator.pack(agree), 98L, ModelEstimator.pack(missing), 1000L));
        Comparison sex = Comparison.SEX; // levels SAME, DIFFERENT, NULL
        assertThat(u[sex.ordinal()][0]).isCloseTo(99.0 / 100, within(1e-12));
        assertThat(u[sex.ordinal()][1]).isCloseTo(1.0 / 100, within(1e-12));
    }

    @Test
    void packedLevelsComeBackOutOneByOne() {
        int[] levels = {8, 6, 5, 2, 1, 3, 4};
        long p = ModelEstimator.pack(levels);
        for (int i = 0; i < levels.length; i++) assertThat(ModelEstimator.level(p, i)).isEqualTo(levels[i]);
    }
}
