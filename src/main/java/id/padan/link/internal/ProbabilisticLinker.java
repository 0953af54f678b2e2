package id.padan.link.internal;

import id.padan.link.Linker;
import id.padan.link.MatchSettings;
import id.padan.link.MatchSettings.BlockingKey;
import id.padan.link.RowLink;
import id.padan.link.compare.NameComparator;
import id.padan.link.model.MatchModel;
import id.padan.standardise.StagedRow;
import id.padan.standardise.name.NameStandardiser;
import id.padan.store.StageProgress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * padan's linker, in the order a run goes through it:
 * <ol>
 *   <li>{@link ModelTraining}: the run's matching model, estimated from its own rows;</li>
 *   <li>the exact-NIK check ({@link LinkDecision#takesExactNikWithoutSearch}): the owner of the row's NIK
 *       is taken at once when name, birth date and sex clearly agree;</li>
 *   <li>{@link CandidateSearch}: NIK repair candidates, families and blocking, for every other row;</li>
 *   <li>pair scoring ({@link PairComparer}) and {@link LinkDecision}: link, review or new person;</li>
 *   <li>{@link ProgramRowDedup}: program rows left unlinked are deduplicated among themselves.</li>
 * </ol>
 */
public final class ProbabilisticLinker implements Linker {
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

    private java.util.function.LongFunction<StageProgress> progress = total -> StageProgress.NONE;

    /** Where the link decisions count their progress: given the number of program rows, the progress to count on. */
    public void progress(java.util.function.LongFunction<StageProgress> progress) {
        this.progress = progress;
    }

    @Override
    public List<RowLink> link(List<StagedRow> staged) {
        stats.clear();
        long t0 = System.nanoTime();
        List<LinkRow> rows = features(staged);
        List<LinkRow> registryRows = new ArrayList<>();
        List<LinkRow> programRows = new ArrayList<>();
        for (LinkRow r : rows) (r.registry ? registryRows : programRows).add(r);
        long t1 = System.nanoTime();
        Set<String> programNames = new HashSet<>(programRows.size() * 2);
        for (LinkRow p : programRows) if (!p.name.isEmpty()) programNames.add(p.name.key());
        RegistryIndex index = new RegistryIndex(registryRows, programNames);
        long t2 = System.nanoTime();
        PairComparer comparer = new PairComparer(new NameComparator(settings.name()), index,
                settings.termFrequencyFields().contains("NAME"), settings.termFrequencyFields().contains("BIRTH_DATE"));

        MatchModel model = new ModelTraining(settings, stats).estimate(programRows, index, comparer);
        long t3 = System.nanoTime();
        log.accept("link: model estimated from " + programRows.size() + " program rows and " + registryRows.size() + " registry rows\n" + model.describe());
        double maxProbability = MatchModel.probability(model.maxTotalWeight());
        if (!programRows.isEmpty() && !registryRows.isEmpty() && maxProbability < settings.accept()) {
            throw new IllegalStateException("matching settings: no pair can reach the accept threshold " + settings.accept()
                    + " with this run's model (best possible probability " + maxProbability + "); lower thresholds.accept in config/matching.yml");
        }

        LinkDecision decision = new LinkDecision(settings, model.priorWeight());
        LinkDecision.Outcome[] outcomes = new LinkDecision.Outcome[programRows.size()];
        // First the rows whose exact NIK settles them; blocking indexes are then built only for the
        // values the remaining rows carry, in one pass over the registry.
        StageProgress progress = this.progress.apply(programRows.size());
        IntStream.range(0, programRows.size()).parallel().forEach(i -> {
            outcomes[i] = exactNikWithoutSearch(programRows.get(i), index, comparer, model, decision);
            if (outcomes[i] != null) progress.add(1);
        });
        LongAdder fast = new LongAdder();
        Map<BlockingKey, Set<String>> wanted = new EnumMap<>(BlockingKey.class);
        for (BlockingKey k : settings.blockingKeys()) if (k != BlockingKey.KK) wanted.put(k, new HashSet<>());
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] != null) continue;
            LinkRow p = programRows.get(i);
            wanted.forEach((k, set) -> set.addAll(Blocking.values(k, p)));
        }
        index.buildBlocks(wanted);
        CandidateSearch search = new CandidateSearch(index, settings);
        IntStream.range(0, programRows.size()).parallel().forEach(i -> {
            if (outcomes[i] != null) {
                fast.increment();
                return;
            }
            LinkRow p = programRows.get(i);
            List<ScoredCandidate> scored = new ArrayList<>();
            for (LinkRow c : search.candidates(p)) scored.add(comparer.score(model, p, c));
            outcomes[i] = decision.decide(scored);
            progress.add(1);
        });
        long t4 = System.nanoTime();
        search.report(stats);
        stats.put("exact NIK taken without search", fast.sum());

        LinkExplanations explanations = new LinkExplanations(model, comparer);
        List<RowLink> links = new ArrayList<>();
        List<LinkRow> unlinked = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            LinkDecision.Outcome d = outcomes[i];
            LinkRow p = programRows.get(i);
            if (d.kind() != LinkDecision.Kind.NEW_PERSON) links.add(explanations.link(p, d));
            if (d.kind() != LinkDecision.Kind.LINK) unlinked.add(p);
        }
        long t5 = System.nanoTime();
        ProgramRowDedup dedup = new ProgramRowDedup(settings, comparer, model, explanations);
        links.addAll(dedup.deduplicate(unlinked));
        stats.put("dedup pairs compared", dedup.compared());
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

    /** The exact-NIK owner's link when the check lets it be taken without search; null when a search is needed. */
    private static LinkDecision.Outcome exactNikWithoutSearch(LinkRow p, RegistryIndex index, PairComparer comparer, MatchModel model,
                                                              LinkDecision decision) {
        LinkRow owner = CandidateSearch.exactNikOwner(p, index);
        if (owner == null) return null;
        ScoredCandidate s = comparer.score(model, p, owner);
        return decision.takesExactNikWithoutSearch(s) ? new LinkDecision.Outcome(LinkDecision.Kind.LINK, s, Double.NaN, 1) : null;
    }
}
