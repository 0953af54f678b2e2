package id.padan.link.internal;

import id.padan.link.MatchSettings;
import id.padan.link.MatchSettings.BlockingKey;
import id.padan.link.model.Comparison;
import id.padan.link.model.MatchModel;
import id.padan.link.model.ModelEstimator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Estimates the run's matching model without labels, as Splink does: u from the comparison levels
 * of random program x registry pairs; m by expectation-maximisation in two sessions, one over pairs
 * blocked on the NIK (the submitted NIK or a one-edit repair of it), one over pairs blocked on the
 * sorted name. Each session's blocking field agrees by construction, so it takes no part in that
 * session's estimate.
 */
final class ModelTraining {
    /** Name blocks larger than this are left out of training: a common name's block is mostly namesakes. */
    private static final int TRAINING_MAX_BLOCK = 30;

    private final MatchSettings settings;
    private final Map<String, Long> stats;

    ModelTraining(MatchSettings settings, Map<String, Long> stats) {
        this.settings = settings;
        this.stats = stats;
    }

    MatchModel estimate(List<LinkRow> program, RegistryIndex index, PairComparer comparer) {
        double prior = settings.prior() > 0 ? settings.prior() : 1.0 / Math.max(2, index.registrySize());
        if (program.isEmpty() || index.size() == 0) {
            return new MatchModel(ModelEstimator.initialM(), ModelEstimator.uFromRandomPairs(Map.of()), prior, settings.tfMinU());
        }
        double[][] u = ModelEstimator.uFromRandomPairs(randomPairPatterns(program, index, comparer));

        List<LinkRow> training = new ArrayList<>(program);
        Collections.shuffle(training, new Random(settings.seed()));
        if (training.size() > settings.trainingRows()) training = training.subList(0, settings.trainingRows());
        Map<Long, Long> byNik = new ConcurrentHashMap<>();
        Map<Long, Long> byName = new ConcurrentHashMap<>();
        Set<String> trainingNames = new HashSet<>();
        for (LinkRow p : training) if (!p.name.isEmpty()) trainingNames.add(p.name.sortedKey());
        index.buildBlocks(Map.of(BlockingKey.NAME_SORTED, trainingNames));
        Map<String, List<LinkRow>> nameBlocks = index.blocks.get(BlockingKey.NAME_SORTED);
        training.parallelStream().forEach(p -> {
            for (LinkRow c : CandidateSearch.nikCandidates(p, index, false)) byNik.merge(ModelEstimator.pack(comparer.levels(p, c)), 1L, Long::sum);
            if (nameBlocks != null && !p.name.isEmpty()) {
                List<LinkRow> block = nameBlocks.get(p.name.sortedKey());
                if (block != null && block.size() <= TRAINING_MAX_BLOCK) {
                    for (LinkRow c : block) byName.merge(ModelEstimator.pack(comparer.levels(p, c)), 1L, Long::sum);
                }
            }
        });
        ModelEstimator estimator = new ModelEstimator(settings.maxIterations(), settings.tolerance());
        List<Set<Comparison>> blocked = List.of(Set.of(Comparison.NIK), Set.of(Comparison.NAME));
        var nikSession = estimator.estimateM(byNik, u, blocked.get(0));
        var nameSession = estimator.estimateM(byName, u, blocked.get(1));
        stats.put("EM iterations (NIK-blocked session)", (long) nikSession.iterations());
        stats.put("EM iterations (name-blocked session)", (long) nameSession.iterations());
        stats.put("training pairs (NIK-blocked session)", byNik.values().stream().mapToLong(Long::longValue).sum());
        stats.put("training pairs (name-blocked session)", byName.values().stream().mapToLong(Long::longValue).sum());
        double[][] m = ModelEstimator.combine(List.of(nikSession, nameSession), blocked, settings.mSmoothing());
        return new MatchModel(m, u, prior, settings.tfMinU());
    }

    /** Comparison patterns of random program x registry pairs (almost all non-matches), with their counts. */
    private Map<Long, Long> randomPairPatterns(List<LinkRow> program, RegistryIndex index, PairComparer comparer) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        Map<Long, Long> patterns = new ConcurrentHashMap<>();
        int[] pi = new int[settings.randomPairs()];
        int[] ri = new int[settings.randomPairs()];
        for (int i = 0; i < pi.length; i++) {
            pi[i] = random.nextInt(program.size());
            ri[i] = random.nextInt(index.size());
        }
        IntStream.range(0, pi.length).parallel().forEach(i -> {
            int[] l = comparer.levels(program.get(pi[i]), index.rows.get(ri[i]));
            patterns.merge(ModelEstimator.pack(l), 1L, Long::sum);
        });
        return patterns;
    }
}
