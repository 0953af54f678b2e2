package id.padan.link.internal;

import id.padan.link.Linker;
import id.padan.link.MatchMethod;
import id.padan.link.MatchSettings;
import id.padan.link.MatchSettings.BlockingKey;
import id.padan.link.RowLink;
import id.padan.link.compare.DateLevel;
import id.padan.link.compare.NameComparator;
import id.padan.link.compare.NameLevel;
import id.padan.link.compare.NikLevel;
import id.padan.link.compare.SexLevel;
import id.padan.link.model.Comparison;
import id.padan.link.model.MatchModel;
import id.padan.link.model.ModelEstimator;
import id.padan.standardise.StagedRow;
import id.padan.standardise.name.NameStandardiser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * padan's linker. For each program row: an exact-NIK registry candidate whose name, birth date and
 * sex do not contradict it is taken at once; otherwise candidates are gathered from NIK repairs
 * (one digit, adjacent swap, 15/17 digits, family card in the NIK field, a family member's NIK) and
 * blocking keys, weighed in the Fellegi-Sunter model (m/u estimated from this run's data) and the
 * best one is linked when its match probability reaches the accept threshold and it clearly beats
 * the runner-up; a near miss goes to review. Program rows left unlinked are then deduplicated among
 * themselves (people the registry lacks), with the same model.
 */
public final class ProbabilisticLinker implements Linker {
    private static final int TRAINING_MAX_BLOCK = 30;

    private final String registrySource;
    private final MatchSettings settings;
    private final Consumer<String> log;
    private final NameStandardiser standardiser = new NameStandardiser();
    private final Map<String, Long> stats = new LinkedHashMap<>();

    public ProbabilisticLinker(String registrySource, MatchSettings settings, Consumer<String> log) {
        this.registrySource = registrySource;
        this.settings = settings;
        this.log = log;
    }

    /** Counters of the last call (candidate pairs per blocking key, links per method), for the log. */
    public Map<String, Long> stats() {
        return stats;
    }

    private record Scored(LinkRow candidate, int[] levels, double weight) {}

    private record Decision(LinkRow row, Scored best, double runnerUp, int candidates, boolean review) {}

    @Override
    public List<RowLink> link(List<StagedRow> staged) {
        stats.clear();
        long t0 = System.nanoTime();
        List<LinkRow> rows = features(staged);
        List<LinkRow> registryRows = new ArrayList<>();
        List<LinkRow> programRows = new ArrayList<>();
        for (LinkRow r : rows) (r.registry ? registryRows : programRows).add(r);
        long t1 = System.nanoTime();
        java.util.Set<String> programNames = new java.util.HashSet<>(programRows.size() * 2);
        for (LinkRow p : programRows) if (!p.name.isEmpty()) programNames.add(p.name.key());
        RegistryIndex index = new RegistryIndex(registryRows, programNames);
        long t2 = System.nanoTime();
        NameComparator names = new NameComparator(settings.name());
        PairComparer comparer = new PairComparer(names, index, settings.termFrequencyFields().contains("NAME"),
                settings.termFrequencyFields().contains("BIRTH_DATE"));
        Map<BlockingKey, LongAdder> pairsPerKey = new EnumMap<>(BlockingKey.class);
        for (BlockingKey k : BlockingKey.values()) pairsPerKey.put(k, new LongAdder());
        LongAdder oversized = new LongAdder();

        MatchModel model = estimate(programRows, index, comparer, pairsPerKey, oversized);
        long t3 = System.nanoTime();
        log.accept("link: model estimated from " + programRows.size() + " program rows and " + registryRows.size() + " registry rows\n" + model.describe());
        double maxProbability = MatchModel.probability(model.maxTotalWeight());
        if (!programRows.isEmpty() && !registryRows.isEmpty() && maxProbability < settings.accept()) {
            throw new IllegalStateException("matching settings: no pair can reach the accept threshold " + settings.accept()
                    + " with this run's model (best possible probability " + maxProbability + "); lower thresholds.accept in config/matching.yml");
        }
        for (LongAdder a : pairsPerKey.values()) a.reset();
        oversized.reset();

        Decision[] decisions = new Decision[programRows.size()];
        LongAdder fast = new LongAdder();
        // First the rows whose exact NIK settles them; blocking indexes are then built only for the
        // values the remaining rows carry, in one pass over the registry.
        IntStream.range(0, programRows.size()).parallel().forEach(i -> decisions[i] = fastPath(programRows.get(i), index, comparer, model));
        Map<BlockingKey, java.util.Set<String>> wanted = new EnumMap<>(BlockingKey.class);
        for (BlockingKey k : settings.blockingKeys()) if (k != BlockingKey.KK) wanted.put(k, new java.util.HashSet<>());
        for (int i = 0; i < decisions.length; i++) {
            if (decisions[i] != null) continue;
            LinkRow p = programRows.get(i);
            wanted.forEach((k, set) -> set.addAll(Blocking.values(k, p)));
        }
        index.buildBlocks(wanted);
        IntStream.range(0, programRows.size()).parallel().forEach(i -> {
            if (decisions[i] == null) decisions[i] = decide(programRows.get(i), index, comparer, model, pairsPerKey, oversized);
            else fast.increment();
        });
        long t4 = System.nanoTime();
        pairsPerKey.forEach((k, v) -> stats.put("candidate pairs " + k, v.sum()));
        stats.put("blocks skipped as larger than " + settings.maxBlockSize(), oversized.sum());
        stats.put("exact NIK taken without search", fast.sum());

        List<RowLink> links = new ArrayList<>();
        List<LinkRow> unlinked = new ArrayList<>();
        for (Decision d : decisions) {
            if (d.best() == null) {
                unlinked.add(d.row());
                continue;
            }
            if (d.review()) {
                links.add(link(d, model, comparer, MatchMethod.REVIEW));
                unlinked.add(d.row());
            } else {
                MatchMethod method = MatchMethod.ofNikLevel(NikLevel.values()[d.best().levels()[Comparison.NIK.ordinal()]]);
                links.add(link(d, model, comparer, method));
            }
        }
        long t5 = System.nanoTime();
        links.addAll(deduplicate(unlinked, index, comparer, model));
        long t6 = System.nanoTime();
        stats.put("ms features", (t1 - t0) / 1_000_000);
        stats.put("ms registry index", (t2 - t1) / 1_000_000);
        stats.put("ms estimation", (t3 - t2) / 1_000_000);
        stats.put("ms decisions", (t4 - t3) / 1_000_000);
        stats.put("ms explanations", (t5 - t4) / 1_000_000);
        stats.put("ms deduplication", (t6 - t5) / 1_000_000);
        for (RowLink l : links) stats.merge("links " + l.method(), 1L, Long::sum);
        return links;
    }

    private List<LinkRow> features(List<StagedRow> staged) {
        LinkRow[] out = new LinkRow[staged.size()];
        IntStream.range(0, staged.size()).parallel().forEach(i -> {
            StagedRow r = staged.get(i);
            out[i] = new LinkRow(i, r, r.source().equals(registrySource), standardiser.standardise(r.nameRaw()));
        });
        return List.of(out);
    }

    // ---- estimation ----------------------------------------------------------------------------

    private MatchModel estimate(List<LinkRow> program, RegistryIndex index, PairComparer comparer,
                                Map<BlockingKey, LongAdder> pairsPerKey, LongAdder oversized) {
        double prior = settings.prior() > 0 ? settings.prior() : 1.0 / Math.max(2, index.size());
        if (program.isEmpty() || index.size() == 0) {
            return new MatchModel(ModelEstimator.initialM(), ModelEstimator.uFromRandomPairs(Map.of()), prior, settings.tfMinU());
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        Map<Long, Long> randomPatterns = new ConcurrentHashMap<>();
        int[] pi = new int[settings.randomPairs()];
        int[] ri = new int[settings.randomPairs()];
        for (int i = 0; i < pi.length; i++) {
            pi[i] = random.nextInt(program.size());
            ri[i] = random.nextInt(index.size());
        }
        IntStream.range(0, pi.length).parallel().forEach(i -> {
            int[] l = comparer.levels(program.get(pi[i]), index.rows.get(ri[i]));
            randomPatterns.merge(ModelEstimator.pack(l), 1L, Long::sum);
        });
        double[][] u = ModelEstimator.uFromRandomPairs(randomPatterns);

        List<LinkRow> training = new ArrayList<>(program);
        Collections.shuffle(training, new java.util.Random(settings.seed()));
        if (training.size() > settings.trainingRows()) training = training.subList(0, settings.trainingRows());
        // Two training sessions, as Splink recommends: pairs blocked on the NIK (the submitted NIK or a
        // one-edit repair of it) teach m for every field but the NIK; pairs blocked on the sorted name
        // teach m for every field but the name. Each session's blocking field agrees by construction,
        // so it takes no part in that session's estimate.
        Map<Long, Long> byNik = new ConcurrentHashMap<>();
        Map<Long, Long> byName = new ConcurrentHashMap<>();
        java.util.Set<String> trainingNames = new java.util.HashSet<>();
        for (LinkRow p : training) if (!p.name.isEmpty()) trainingNames.add(p.name.sortedKey());
        index.buildBlocks(Map.of(BlockingKey.NAME_SORTED, trainingNames));
        Map<String, List<LinkRow>> nameBlocks = index.blocks.get(BlockingKey.NAME_SORTED);
        training.parallelStream().forEach(p -> {
            for (LinkRow c : nikCandidates(p, index, false)) byNik.merge(ModelEstimator.pack(comparer.levels(p, c)), 1L, Long::sum);
            if (nameBlocks != null && !p.name.isEmpty()) {
                List<LinkRow> block = nameBlocks.get(p.name.sortedKey());
                // Small blocks only: a common name's block is mostly namesakes and adds nothing but time.
                if (block != null && block.size() <= TRAINING_MAX_BLOCK) {
                    for (LinkRow c : block) byName.merge(ModelEstimator.pack(comparer.levels(p, c)), 1L, Long::sum);
                }
            }
        });
        ModelEstimator estimator = new ModelEstimator(settings.maxIterations(), settings.tolerance());
        List<java.util.Set<Comparison>> blocked = List.of(java.util.Set.of(Comparison.NIK), java.util.Set.of(Comparison.NAME));
        var nikSession = estimator.estimateM(byNik, u, blocked.get(0));
        var nameSession = estimator.estimateM(byName, u, blocked.get(1));
        stats.put("EM iterations (NIK-blocked session)", (long) nikSession.iterations());
        stats.put("EM iterations (name-blocked session)", (long) nameSession.iterations());
        stats.put("training pairs (NIK-blocked session)", byNik.values().stream().mapToLong(Long::longValue).sum());
        stats.put("training pairs (name-blocked session)", byName.values().stream().mapToLong(Long::longValue).sum());
        double[][] m = ModelEstimator.combine(List.of(nikSession, nameSession), blocked, settings.mSmoothing());
        return new MatchModel(m, u, prior, settings.tfMinU());
    }

    // ---- candidates and decisions --------------------------------------------------------------

    /** Registry rows whose NIK the row carries, or one edit of it (edits only when there is no exact owner, unless {@code always}). */
    private static Set<LinkRow> nikCandidates(LinkRow p, RegistryIndex index, boolean always) {
        Set<LinkRow> out = new LinkedHashSet<>();
        if (p.digits == null) return out;
        String key16 = p.lookupKey();
        LinkRow owner = key16 == null ? null : index.byNik.get(key16);
        if (owner != null) out.add(owner);
        if (owner != null && !always) return out;
        NikVariants.forEach(p.digits, v -> {
            LinkRow r = index.byNik.get(v);
            if (r != null) out.add(r);
        });
        return out;
    }

    private Set<LinkRow> candidates(LinkRow p, RegistryIndex index, boolean full, Map<BlockingKey, LongAdder> pairsPerKey, LongAdder oversized) {
        Set<LinkRow> out = nikCandidates(p, index, full);
        String key16 = p.lookupKey();
        LinkRow owner = key16 == null ? null : index.byNik.get(key16);
        if (full) {
            if (key16 != null) {
                List<LinkRow> family = index.byKk.get(key16);
                if (family != null) out.addAll(family);
            }
            if (owner != null && owner.kk != null) {
                List<LinkRow> family = index.byKk.get(owner.kk);
                if (family != null) out.addAll(family);
            }
        }
        if (full && p.kk != null) {
            List<LinkRow> family = index.byKk.get(p.kk);
            if (family != null && family.size() <= settings.maxBlockSize()) {
                pairsPerKey.get(BlockingKey.KK).add(family.size());
                out.addAll(family);
            }
        }
        for (BlockingKey key : settings.blockingKeys()) {
            if (key == BlockingKey.KK) continue; // the family-card index above
            Map<String, List<LinkRow>> blocks = index.blocks.get(key);
            for (String v : Blocking.values(key, p)) {
                List<LinkRow> block = blocks.get(v);
                if (block == null) continue;
                if (block.size() > settings.maxBlockSize()) {
                    oversized.increment();
                    continue;
                }
                pairsPerKey.get(key).add(block.size());
                out.addAll(block);
            }
        }
        return out;
    }

    /** The exact-NIK registry person when the row's own attributes clearly agree; null when a search is needed. */
    private Decision fastPath(LinkRow p, RegistryIndex index, PairComparer comparer, MatchModel model) {
        String key = p.lookupKey();
        LinkRow owner = key == null ? null : index.byNik.get(key);
        if (owner == null) return null;
        int[] l = comparer.levels(p, owner);
        if (comparer.attributeWeight(model, l, p, owner) < settings.exactNikMinAttributeBits()) return null;
        return new Decision(p, new Scored(owner, l, comparer.weight(model, l, p, owner)), Double.NaN, 1, false);
    }

    private Decision decide(LinkRow p, RegistryIndex index, PairComparer comparer, MatchModel model,
                            Map<BlockingKey, LongAdder> pairsPerKey, LongAdder oversized) {
        Set<LinkRow> cands = candidates(p, index, true, pairsPerKey, oversized);
        if (cands.isEmpty()) return new Decision(p, null, Double.NaN, 0, false);
        // The best candidate overall, and the best one whose own attributes (name, birth date, sex)
        // support the link: household evidence (family card, region, a relative's NIK) alone never links.
        Scored best = null, eligible = null;
        for (LinkRow c : cands) {
            int[] l = comparer.levels(p, c);
            Scored s = new Scored(c, l, comparer.weight(model, l, p, c));
            if (best == null || s.weight() > best.weight()) best = s;
            if (comparer.attributeWeight(model, l, p, c) >= settings.minAttributeBits()
                    && (eligible == null || s.weight() > eligible.weight())) eligible = s;
        }
        if (eligible != null) {
            double rival = Double.NEGATIVE_INFINITY;
            for (LinkRow c : cands) {
                if (c == eligible.candidate()) continue;
                int[] l = comparer.levels(p, c);
                rival = Math.max(rival, comparer.weight(model, l, p, c));
            }
            double probability = MatchModel.probability(model.priorWeight() + eligible.weight());
            if (probability >= settings.accept() && eligible.weight() - rival >= settings.minMarginBits()) {
                return new Decision(p, eligible, rival, cands.size(), false);
            }
        }
        if (MatchModel.probability(model.priorWeight() + best.weight()) >= settings.review()) {
            return new Decision(p, best, Double.NaN, cands.size(), true);
        }
        return new Decision(p, null, Double.NaN, cands.size(), false);
    }

    private RowLink link(Decision d, MatchModel model, PairComparer comparer, MatchMethod method) {
        LinkRow p = d.row();
        Scored s = d.best();
        double total = model.priorWeight() + s.weight();
        double probability = MatchModel.probability(total);
        Explanation e = explanation(method, model.priorWeight(), s, p, d.candidates(), model, comparer);
        if (!Double.isNaN(d.runnerUp()) && d.runnerUp() > Double.NEGATIVE_INFINITY) e.number("runner_up_weight", model.priorWeight() + d.runnerUp());
        NikLevel nik = NikLevel.values()[s.levels()[Comparison.NIK.ordinal()]];
        if (nik.isRepair()) e.text("nik_repair", nik.name());
        List<String> differs = differing(s.levels());
        if (!differs.isEmpty() && method != MatchMethod.REVIEW) e.text("attribute_mismatch", String.join(",", differs));
        if (method == MatchMethod.REVIEW) {
            e.text("review", "kemungkinan orang yang sama dengan satu penduduk di data Dukcapil (peluang "
                    + String.format(java.util.Locale.ROOT, "%.3f", probability) + "); perlu keputusan petugas");
            e.candidate(s.candidate().row.source(), s.candidate().row.recordKey(), probability);
        }
        return new RowLink(p.row.source(), p.row.recordKey(), s.candidate().row.source(), s.candidate().row.recordKey(),
                method, probability, e.json());
    }

    /** The explanation of a pair: method, probability and weight, and the level and weight of every field comparison. */
    private static Explanation explanation(MatchMethod method, double priorWeight, Scored s, LinkRow row, int candidates, MatchModel model,
                                           PairComparer comparer) {
        double total = priorWeight + s.weight();
        Explanation e = new Explanation(method.name(), MatchModel.probability(total), total, priorWeight, candidates);
        for (Comparison c : Comparison.values()) {
            int level = s.levels()[c.ordinal()];
            e.field(c.name(), c.levels().get(level), comparer.fieldWeight(model, c, level, row, s.candidate()));
        }
        return e;
    }

    /** Attributes of a linked row that differ from the registry beyond normal variation. */
    /**
     * The attributes of a linked row that differ from its person's beyond normal variation: a name that
     * is another name (spelling, titles, initials, truncation and typing slips are normal variation), any
     * other valid birth date (a swapped day and month or a placeholder is still a date to correct at the
     * source), another sex.
     */
    private static List<String> differing(int[] levels) {
        List<String> out = new ArrayList<>(3);
        if (levels[Comparison.NAME.ordinal()] == NameLevel.DIFFERENT.ordinal()) out.add("NAME");
        int date = levels[Comparison.BIRTH_DATE.ordinal()];
        if (date != DateLevel.EXACT.ordinal() && date != DateLevel.NULL.ordinal()) out.add("BIRTH_DATE");
        if (levels[Comparison.SEX.ordinal()] == SexLevel.DIFFERENT.ordinal()) out.add("SEX");
        return out;
    }

    // ---- people the registry lacks ---------------------------------------------------------------

    /**
     * Links unlinked program rows that are the same person: the same valid NIK or a shared blocking
     * key, and a match probability at the accept threshold with a prior of one in the number of
     * unlinked rows. Each row is linked to the earliest row it matches, so clusters form through the
     * resolver.
     */
    private List<RowLink> deduplicate(List<LinkRow> unlinked, RegistryIndex registry, PairComparer comparer, MatchModel model) {
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
        Map<LinkRow, Scored> target = new HashMap<>(); // later row -> the earliest row it matches, with the evidence
        AtomicLong compared = new AtomicLong();
        for (List<LinkRow> block : blocks.values()) {
            if (block.size() < 2 || block.size() > settings.maxBlockSize()) continue;
            for (int i = 0; i < block.size(); i++) {
                for (int j = i + 1; j < block.size(); j++) {
                    LinkRow a = block.get(i), b = block.get(j);
                    LinkRow first = a.index < b.index ? a : b, later = a.index < b.index ? b : a;
                    Scored known = target.get(later);
                    if (known != null && known.candidate().index <= first.index) continue;
                    compared.incrementAndGet();
                    int[] l = comparer.levels(later, first);
                    double w = comparer.weight(model, l, later, first);
                    if (MatchModel.probability(priorWeight + w) >= settings.accept()
                            && comparer.attributeWeight(model, l, later, first) >= settings.minAttributeBits()) {
                        target.put(later, new Scored(first, l, w));
                    }
                }
            }
        }
        stats.put("dedup pairs compared", compared.get());
        for (var e : target.entrySet()) {
            LinkRow row = e.getKey();
            Scored s = e.getValue();
            boolean sameNik = s.levels()[Comparison.NIK.ordinal()] == NikLevel.EXACT.ordinal();
            MatchMethod method = sameNik ? MatchMethod.DEDUP_SAME_NIK : MatchMethod.DEDUP_PROBABILISTIC;
            Explanation ex = explanation(method, priorWeight, s, row, 1, model, comparer);
            links.add(new RowLink(row.row.source(), row.row.recordKey(), s.candidate().row.source(), s.candidate().row.recordKey(),
                    method, MatchModel.probability(priorWeight + s.weight()), ex.json()));
        }
        return links;
    }
}
