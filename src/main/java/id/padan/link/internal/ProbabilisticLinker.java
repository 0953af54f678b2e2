package id.padan.link.internal;

import id.padan.ingest.Partition;
import id.padan.link.KeptApart;
import id.padan.link.Linker;
import id.padan.link.MatchSettings;
import id.padan.link.RowLink;
import id.padan.link.compare.NameComparator;
import id.padan.link.model.MatchModel;
import id.padan.standardise.StagedRow;
import id.padan.standardise.name.NameStandardiser;
import id.padan.store.StageProgress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * padan's linker, in the order a run goes through it, one partition of the run at a time:
 * <ol>
 *   <li>{@link #estimate}: {@link ModelTraining} estimates the run's matching model once, from its own rows
 *       (all of them or a stated sample); every partition then weighs pairs with that one model;</li>
 *   <li>{@link #settleByExactNik}, per partition: the exact-NIK check ({@link LinkDecision#takesExactNikWithoutSearch})
 *       takes the owner of the row's NIK at once when name, birth date and sex clearly agree. The owner is
 *       always in the row's own partition (a NIK's rows share a bucket); every other program row is left over;</li>
 *   <li>{@link #linkLeftover}, over the rows left over: the registry's keys are held in the database
 *       ({@link #keyRegistry}) and each part of the rows reads only the registry rows it can meet; {@link CandidateSearch} (NIK repairs, families,
 *       blocking), pair scoring ({@link PairComparer}) and {@link LinkDecision} then link, send to review or
 *       leave as a new person, and {@link ProgramRowDedup} deduplicates the program rows left unlinked.</li>
 * </ol>
 * Each step sees what a search over the whole run would see, so the links do not depend on how many
 * partitions the run is split into. Term frequencies are the run's ({@link TermFrequencies}).
 */
public final class ProbabilisticLinker implements Linker {
    private final String registrySource;
    private final MatchSettings settings;
    private final Consumer<String> log;
    private final NameStandardiser standardiser = new NameStandardiser();
    private final Map<String, Long> stats = new ConcurrentHashMap<>();

    private final java.time.LocalDate asOf;

    /** {@code asOf}: the run's as-of date, for ages (null when unknown). */
    public ProbabilisticLinker(String registrySource, MatchSettings settings, java.time.LocalDate asOf, Consumer<String> log) {
        this.asOf = asOf;
        this.registrySource = registrySource;
        this.settings = settings;
        this.log = log;
    }

    private StageProgress progress = StageProgress.NONE;
    private KeptApart.Pairs apart = KeptApart.Pairs.none();

    /**
     * The registry rows reviewers decided program rows are not: such a registry row is no candidate of the row (not
     * taken as the owner of its NIK, not linked, not a rival, not sent to review), so the row's other candidates are
     * decided on under the same rules.
     */
    public void keepApart(KeptApart.Pairs apart) {
        this.apart = apart;
    }

    /** Where the link decisions count their progress: one for every program row settled, in a partition or after. */
    public void progress(StageProgress progress) {
        this.progress = progress;
    }

    /** Counters since construction (candidate pairs per blocking key, links per method, times), for the log. */
    public Map<String, Long> stats() {
        return new LinkedHashMap<>(new java.util.TreeMap<>(stats));
    }

    /**
     * What the exact-NIK step decided in one partition: the links, the rows left over and, for each of them, the family
     * card of its NIK's owner in the partition (null when none).
     */
    public record Settled(List<RowLink> links, List<StagedRow> leftover, List<String> ownerKkOfLeftover) {
        /** The family cards of the left-over rows' NIK owners. */
        public Set<String> ownerKks() {
            Set<String> kks = new HashSet<>();
            for (String kk : ownerKkOfLeftover) if (kk != null) kks.add(kk);
            return kks;
        }
    }

    /** The whole run in one partition: what {@link #estimate}, {@link #settleByExactNik} and {@link #linkLeftover} give together. */
    @Override
    public List<RowLink> link(List<StagedRow> staged) {
        List<StagedRow> registry = staged.stream().filter(r -> r.source().equals(registrySource)).toList();
        Set<String> programNames = new HashSet<>();
        for (StagedRow r : staged) if (!r.source().equals(registrySource) && r.nameKey() != null) programNames.add(r.nameKey());
        TermFrequencies frequencies = frequencies(features(registry), programNames);
        MatchModel model = estimate(staged, frequencies);
        Settled settled = settleByExactNik(staged, model, frequencies);
        List<RowLink> links = new ArrayList<>(settled.links());
        RegistryKeys keys = new HeldRegistryKeys(features(registry), settings);
        links.addAll(linkLeftover(settled.leftover(), settled.ownerKkOfLeftover(), keys, Long.MAX_VALUE, model, frequencies));
        return links;
    }

    /**
     * The matching model estimated from {@code sample} (rows of every source, in staging order); the prior
     * counts every registry row of the run. Fails when no pair could reach the accept threshold.
     */
    public MatchModel estimate(List<StagedRow> sample, TermFrequencies frequencies) {
        long t0 = System.nanoTime();
        List<LinkRow> rows = features(sample);
        List<LinkRow> registryRows = new ArrayList<>();
        List<LinkRow> programRows = new ArrayList<>();
        for (LinkRow r : rows) (r.registry ? registryRows : programRows).add(r);
        RegistryIndex index = new RegistryIndex(registryRows, frequencies);
        MatchModel model = new ModelTraining(settings, stats).estimate(programRows, index, comparer(index, frequencies));
        log.accept("link: model estimated from " + programRows.size() + " program rows and " + registryRows.size() + " registry rows\n"
                + model.describe());
        check(model, !programRows.isEmpty() && frequencies.registryRows() > 0);
        stats.merge("ms estimation", (System.nanoTime() - t0) / 1_000_000, Long::sum);
        return model;
    }

    /** Fails when no pair could reach the accept threshold with this model (a stored model is checked again). */
    public void check(MatchModel model, boolean anyPairs) {
        double maxProbability = MatchModel.probability(model.maxTotalWeight());
        if (anyPairs && maxProbability < settings.accept()) {
            throw new IllegalStateException("matching settings: no pair can reach the accept threshold " + settings.accept()
                    + " with this run's model (best possible probability " + maxProbability + "); lower thresholds.accept in config/matching.yml");
        }
    }

    /**
     * The links of the program rows of one partition whose exact-NIK owner is taken without search, and the
     * program rows left for {@link #linkLeftover} (in the order given), with the family cards of their NIKs'
     * owners.
     */
    public Settled settleByExactNik(List<StagedRow> partition, MatchModel model, TermFrequencies frequencies) {
        long t0 = System.nanoTime();
        List<LinkRow> rows = features(partition);
        List<LinkRow> registryRows = new ArrayList<>();
        List<LinkRow> programRows = new ArrayList<>();
        for (LinkRow r : rows) (r.registry ? registryRows : programRows).add(r);
        RegistryIndex index = new RegistryIndex(registryRows, frequencies);
        PairComparer comparer = comparer(index, frequencies);
        LinkDecision decision = new LinkDecision(settings, model.priorWeight(), asOf);
        LinkExplanations explanations = new LinkExplanations(model, comparer);
        RowLink[] links = new RowLink[programRows.size()];
        IntStream.range(0, programRows.size()).parallel().forEach(i -> {
            LinkRow p = programRows.get(i);
            LinkDecision.Outcome d = exactNikWithoutSearch(p, index, comparer, model, decision, apart.of(p.row.source(), p.row.recordKey()));
            if (d != null) {
                links[i] = explanations.link(p, d);
                progress.add(1);
            }
        });
        List<RowLink> settled = new ArrayList<>();
        List<StagedRow> leftover = new ArrayList<>();
        List<String> ownerKks = new ArrayList<>();
        for (int i = 0; i < links.length; i++) {
            if (links[i] != null) {
                settled.add(links[i]);
                continue;
            }
            LinkRow p = programRows.get(i);
            leftover.add(p.row);
            LinkRow owner = CandidateSearch.exactNikOwner(p, index);
            ownerKks.add(owner != null ? owner.kk : null);
        }
        stats.merge("exact NIK taken without search", (long) settled.size(), Long::sum);
        stats.merge("ms exact NIK", (System.nanoTime() - t0) / 1_000_000, Long::sum);
        return new Settled(settled, leftover, ownerKks);
    }

    /**
     * Links the program rows the partitions left over ({@code ownerKks}: the family card of each one's NIK owner, or
     * null) against the registry's keys, then deduplicates the ones left unlinked among themselves.
     */
    public List<RowLink> linkLeftover(List<StagedRow> leftover, List<String> ownerKks, RegistryKeys registry, long maxRegistryRows,
                                      MatchModel model, TermFrequencies frequencies) {
        Searched searched = searchLeftover(leftover, ownerKks, registry, maxRegistryRows, model, frequencies);
        List<RowLink> links = new ArrayList<>(searched.links());
        links.addAll(deduplicateLeftover(searched.unlinked(), model, frequencies));
        return links;
    }

    /**
     * Writes the keys of the run's registry rows into the database ({@link JdbcRegistryKeys}), reading the registry a
     * partition at a time: its NIKs, family cards and blocking values, then what splits the blocks larger than
     * max-block-size (their rows read a second time). Of the cards, blocks and splits only those that the rows left over
     * ({@code leftover}, read a part at a time) can ask about are written: their keys go into a Bloom filter first.
     */
    public void keyRegistry(JdbcRegistryKeys keys, int partitions, Iterable<Leftover> leftover) {
        long t0 = System.nanoTime();
        NikFilter asked = new NikFilter();
        long askingRows = 0;
        for (Leftover part : leftover) {
            List<LinkRow> rows = features(part.rows());
            for (int i = 0; i < rows.size(); i++) LeftoverSearch.forEachAskedKey(settings, rows.get(i), part.ownerKks().get(i), k -> asked.add(k.code()));
            askingRows += rows.size();
        }
        keys.clear();
        keys.copyRegistry();
        for (Partition p : Partition.of(partitions)) keys.add(features(keys.registryRows(p, null)), settings, asked);
        Set<BlockKeys.Block> oversized = keys.index(settings);
        if (!oversized.isEmpty()) {
            String lines = keys.linesUnder(oversized);
            for (Partition p : Partition.of(partitions)) keys.addSplits(features(keys.registryRows(p, lines)), oversized, settings, asked);
            keys.analyze();
        }
        keys.markKeyed();
        stats.merge("registry blocks larger than " + settings.maxBlockSize() + " asked about", (long) oversized.size(), Long::sum);
        stats.merge("rows left over the registry's keys were written for", askingRows, Long::sum);
        stats.merge("ms leftover: registry keys", (System.nanoTime() - t0) / 1_000_000, Long::sum);
    }

    /** Rows left over by the partitions, with the family card of each one's NIK owner in its partition (or null). */
    public record Leftover(List<StagedRow> rows, List<String> ownerKks) {}

    /**
     * What the search gave for some of the rows left over: their links, the rows it left unlinked or waiting for
     * review, and the reviewers' separations it met (a kept-apart registry row among a row's candidates).
     */
    public record Searched(List<RowLink> links, List<StagedRow> unlinked, List<Separation> separations) {}

    /**
     * A reviewer's cannot-link pair the search applied: the program row, the registry row removed from its candidates,
     * and whether the model alone (that row still a candidate) would have linked them.
     */
    public record Separation(String source, String recordKey, String registryKey, boolean modelLinked) {}

    /**
     * Searches some of the rows left over (any part of them: a row's decision depends only on the row and the registry
     * rows it can meet) against the registry. {@code ownerKks}: the family card of each row's NIK owner in its partition,
     * or null. The registry is asked which rows carry the rows' NIKs and their repairs and how many rows each of their
     * family cards and blocking values holds (an oversized block: each of what splits it for the row); the rows are
     * then searched in parts ({@link SearchParts}) each reading at most about {@code maxRegistryRows} registry rows, the
     * ones under the keys its rows need, and letting them go before the next part.
     */
    public Searched searchLeftover(List<StagedRow> leftover, List<String> ownerKks, RegistryKeys registry, long maxRegistryRows,
                                   MatchModel model, TermFrequencies frequencies) {
        long t0 = System.nanoTime();
        List<LinkRow> programRows = features(leftover);
        LeftoverSearch plan = new LeftoverSearch(settings, registry, programRows, ownerKks, maxRegistryRows);
        long t1 = System.nanoTime();

        LinkDecision decision = new LinkDecision(settings, model.priorWeight(), asOf);
        LinkDecision.Outcome[] outcomes = new LinkDecision.Outcome[programRows.size()];
        List<List<Separation>> separated = new ArrayList<>(java.util.Collections.nCopies(programRows.size(), List.of()));
        RowLink[] links = new RowLink[programRows.size()];
        LongAdder fast = new LongAdder();
        long read = 0;
        long largest = 0;
        long alone = 0;
        Map<String, Long> searched = new LinkedHashMap<>();
        // The registry is asked for every part's rows at once (one pass over its keys), then read a part at a time.
        java.util.Iterator<List<StagedRow>> reads = registry.rowsOfParts(plan.parts());
        for (SearchParts.Part part : plan.parts()) {
            List<LinkRow> held = features(reads.next());
            read += held.size();
            largest = Math.max(largest, held.size());
            if (part.rows().size() == 1 && part.registryRows() > maxRegistryRows) alone++;
            RegistryIndex index = plan.index(held, part, frequencies);
            PairComparer comparer = comparer(index, frequencies);
            CandidateSearch search = new CandidateSearch(index, settings);
            LinkExplanations explain = new LinkExplanations(model, comparer);
            part.rows().parallelStream().forEach(i -> {
                LinkRow p = programRows.get(i);
                Set<String> away = apart.of(p.row.source(), p.row.recordKey());
                // The owner's check again: a row can only miss it in its partition when its NIK's owner is not there.
                LinkDecision.Outcome d = exactNikWithoutSearch(p, index, comparer, model, decision, away);
                if (d != null) {
                    fast.increment();
                } else {
                    List<ScoredCandidate> scored = new ArrayList<>();
                    for (LinkRow c : search.candidates(p)) scored.add(comparer.score(model, p, c));
                    if (away.isEmpty()) {
                        d = decision.decide(p, scored);
                    } else {
                        List<ScoredCandidate> kept = new ArrayList<>(scored.size());
                        for (ScoredCandidate s : scored) if (!away.contains(s.candidate().row.recordKey())) kept.add(s);
                        d = decision.decide(p, kept);
                        separated.set(i, separations(p, away, scored, index, comparer, model, decision));
                    }
                }
                outcomes[i] = d;
                if (d.kind() != LinkDecision.Kind.NEW_PERSON) links[i] = explain.link(p, d);
                progress.add(1);
            });
            Map<String, Long> counted = new LinkedHashMap<>();
            search.report(counted);
            counted.forEach((k, v) -> searched.merge(k, v, Long::sum));
        }
        long t2 = System.nanoTime();
        searched.forEach((k, v) -> stats.merge(k, v, Long::sum));
        stats.merge("exact NIK taken without search", fast.sum(), Long::sum);
        stats.merge("rows left after the partitions", (long) programRows.size(), Long::sum);
        stats.merge("search parts", (long) plan.parts().size(), Long::sum);
        stats.merge("search rows needing more registry rows than a part may read", alone, Long::sum);
        stats.merge("registry rows read for the search", read, Long::sum);
        stats.merge("registry rows read by the largest search part", largest, Math::max);

        List<RowLink> out = new ArrayList<>();
        List<StagedRow> unlinked = new ArrayList<>();
        List<Separation> separations = new ArrayList<>();
        for (List<Separation> s : separated) separations.addAll(s);
        for (int i = 0; i < outcomes.length; i++) {
            if (links[i] != null) out.add(links[i]);
            if (outcomes[i].kind() != LinkDecision.Kind.LINK) unlinked.add(programRows.get(i).row);
        }
        stats.merge("ms leftover: registry asked", (t1 - t0) / 1_000_000, Long::sum);
        stats.merge("ms leftover: decisions", (t2 - t1) / 1_000_000, Long::sum);
        return new Searched(out, unlinked, separations);
    }

    /**
     * The kept-apart registry rows the row met (among its candidates, or as its NIK's owner), each with what the
     * model alone would have done: linked the row to it or not.
     */
    private static List<Separation> separations(LinkRow p, Set<String> away, List<ScoredCandidate> scored, RegistryIndex index,
                                                PairComparer comparer, MatchModel model, LinkDecision decision) {
        LinkDecision.Outcome free = exactNikWithoutSearch(p, index, comparer, model, decision, Set.of());
        if (free == null) free = decision.decide(p, scored);
        String took = free.kind() == LinkDecision.Kind.LINK ? free.chosen().candidate().row.recordKey() : null;
        Set<String> met = new java.util.TreeSet<>();
        for (ScoredCandidate s : scored) if (away.contains(s.candidate().row.recordKey())) met.add(s.candidate().row.recordKey());
        LinkRow owner = CandidateSearch.exactNikOwner(p, index);
        if (owner != null && away.contains(owner.row.recordKey())) met.add(owner.row.recordKey());
        List<Separation> out = new ArrayList<>(met.size());
        for (String k : met) out.add(new Separation(p.row.source(), p.row.recordKey(), k, k.equals(took)));
        return out;
    }

    /**
     * Deduplicates the rows the search left unlinked among themselves, in staging order (source, then line), as a
     * search over the whole run would see them: a row is linked to the earliest it matches. Comparing two program
     * rows needs no registry row, only the run's term frequencies. The rows are held in memory; a run's stage writes
     * them to the database instead ({@link #keepUnlinked}) and deduplicates them from there.
     */
    public List<RowLink> deduplicateLeftover(List<StagedRow> unlinked, MatchModel model, TermFrequencies frequencies) {
        long t0 = System.nanoTime();
        List<StagedRow> ordered = new ArrayList<>(unlinked);
        ordered.sort(Comparator.comparing(StagedRow::source).thenComparingInt(StagedRow::lineNo));
        ProgramRowDedup dedup = dedup(model, frequencies);
        List<RowLink> links = dedup.deduplicate(features(ordered));
        count(dedup, t0);
        return links;
    }

    /** Writes rows the search left unlinked (one part of them) and their keys to the database, for {@link #deduplicateLeftover(JdbcDedupRows, MatchModel, TermFrequencies, Consumer)}. */
    public void keepUnlinked(List<StagedRow> unlinked, JdbcDedupRows rows) {
        rows.add(features(unlinked));
    }

    /**
     * Replaces what one part of the search (the rows left over in buckets {@code fromBucket} to {@code toBucket},
     * exclusive) wrote for the run with what it found now, in one transaction: its links, its separations, and the rows
     * it leaves unlinked with their keys for the deduplication. A part run twice leaves its output once.
     */
    public void keepSearchPart(LinkRunStore store, long runId, int fromBucket, int toBucket, List<StagedRow> rows, Searched searched) {
        Map<String, Integer> bucketOf = new java.util.HashMap<>(rows.size() * 2);
        for (StagedRow r : rows) bucketOf.put(LinkRunStore.rowKey(r.source(), r.recordKey()), id.padan.ingest.RowBuckets.of(r));
        store.replaceSearchPart(runId, fromBucket, toBucket, registrySource, searched.links(), searched.separations(),
                (source, key) -> bucketOf.get(LinkRunStore.rowKey(source, key)), features(searched.unlinked()));
    }

    /**
     * Deduplicates the rows written by {@link #keepUnlinked}, with the same links as
     * {@link #deduplicateLeftover(List, MatchModel, TermFrequencies)} over the same rows, handed to {@code sink} a batch
     * at a time: the blocks are read from the database one at a time, and of the pairs that match only their numbers
     * are kept.
     */
    public void deduplicateLeftover(JdbcDedupRows rows, MatchModel model, TermFrequencies frequencies, Consumer<List<RowLink>> sink) {
        long t0 = System.nanoTime();
        ProgramRowDedup dedup = dedup(model, frequencies);
        dedup.deduplicate(rows.number(), rows.blocks(settings.maxBlockSize(), this::feature), sink);
        count(dedup, t0);
    }

    private ProgramRowDedup dedup(MatchModel model, TermFrequencies frequencies) {
        PairComparer comparer = comparer(new RegistryIndex(List.of(), frequencies), frequencies);
        return new ProgramRowDedup(settings, comparer, model, new LinkExplanations(model, comparer));
    }

    private void count(ProgramRowDedup dedup, long t0) {
        stats.merge("dedup pairs compared", dedup.compared(), Long::sum);
        stats.merge("dedup " + CandidateSearch.SKIPPED_COMPARISONS, dedup.skippedComparisons(), Long::sum);
        stats.merge("ms leftover: dedup", (System.nanoTime() - t0) / 1_000_000, Long::sum);
    }

    private PairComparer comparer(RegistryIndex index, TermFrequencies frequencies) {
        return new PairComparer(new NameComparator(settings.name()), index,
                settings.termFrequencyFields().contains("NAME"), settings.termFrequencyFields().contains("BIRTH_DATE"),
                frequencies.placeholders());
    }

    private List<LinkRow> features(List<StagedRow> staged) {
        LinkRow[] out = new LinkRow[staged.size()];
        IntStream.range(0, staged.size()).parallel().forEach(i -> out[i] = feature(i, staged.get(i)));
        return List.of(out);
    }

    /** The row as the linker compares it, numbered {@code index}. */
    private LinkRow feature(int index, StagedRow r) {
        String mother = r.motherName();
        return new LinkRow(index, r, r.source().equals(registrySource), standardiser.standardise(r.nameRaw()),
                mother == null || mother.isBlank() ? null : standardiser.standardise(mother), settings.pupilSources().contains(r.source()));
    }

    /** Term frequencies counted over these registry rows (the whole registry of a run held in memory). */
    private static TermFrequencies frequencies(List<LinkRow> registry, Set<String> programNameKeys) {
        Map<String, Integer> names = new java.util.HashMap<>();
        Map<java.time.LocalDate, Integer> dates = new java.util.HashMap<>();
        for (LinkRow r : registry) {
            if (!r.name.isEmpty() && programNameKeys.contains(r.name.key())) names.merge(r.name.key(), 1, Integer::sum);
            if (r.birthDate != null) dates.merge(r.birthDate, 1, Integer::sum);
        }
        return new TermFrequencies(registry.size(), names, dates);
    }

    /**
     * The exact-NIK owner's link when the check lets it be taken without search; null when a search is needed (also
     * when a reviewer kept the row apart from the owner: {@code away}).
     */
    private static LinkDecision.Outcome exactNikWithoutSearch(LinkRow p, RegistryIndex index, PairComparer comparer, MatchModel model,
                                                              LinkDecision decision, Set<String> away) {
        LinkRow owner = CandidateSearch.exactNikOwner(p, index);
        if (owner == null || away.contains(owner.row.recordKey())) return null;
        ScoredCandidate s = comparer.score(model, p, owner);
        return decision.takesExactNikWithoutSearch(p, s) ? new LinkDecision.Outcome(LinkDecision.Kind.LINK, s, Double.NaN, 1) : null;
    }
}
