package id.padan.link;

import id.padan.ingest.Partition;
import id.padan.ingest.RowBuckets;
import id.padan.ingest.SourceMappings;
import id.padan.ingest.StagedRun;
import id.padan.link.internal.JdbcDedupRows;
import id.padan.link.internal.JdbcRegistryKeys;
import id.padan.link.internal.LinkRunStore;
import id.padan.link.internal.ProbabilisticLinker;
import id.padan.link.internal.TermFrequencies;
import id.padan.link.model.MatchModel;
import id.padan.standardise.StagedRow;
import id.padan.store.RunScope;
import id.padan.store.StageMetrics;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stage 2: decides which rows belong to the same person and stores the links with their explanation (see
 * {@link ProbabilisticLinker} for the steps), as Spring Batch partitions of the run:
 * <ol>
 * <li>step {@value #NAME} splits the run into partitions (ranges of buckets, {@link #partition}); before that the model
 *     is estimated once per run from a stated sample (the first partition of as many as make it about
 *     {@value #SAMPLE_ROWS} rows, or the whole run when it is smaller) and stored with the run;</li>
 * <li>step {@value #PARTITION_STEP}, once per partition ({@link #partitionTasklet}): exact NIK inside the partition;
 *     the partition replaces its own links and the rows it leaves for the search in one transaction;</li>
 * <li>step {@value #SEARCH_STEP} splits the rows the partitions left over into parts ({@link #searchPartitioner}),
 *     after writing the registry's keys into the database once;</li>
 * <li>step {@value #SEARCH_PART_STEP}, once per part ({@link #searchPartTasklet}): its rows searched against the
 *     registry rows they can meet; the part replaces its own links, separations and unlinked rows in one transaction;</li>
 * <li>step {@value #DEDUP_STEP} ({@link #dedupTasklet}): the rows the parts left unlinked, deduplicated.</li>
 * </ol>
 * A run resumed after a kill runs again only the partitions and parts that had not completed (Spring Batch keeps each
 * one's step execution); the links never depend on the number of partitions or parts, nor on where they ran.
 */
@Component
public class LinkStage implements Partitioner {
    public static final String NAME = "link";
    public static final String PARTITION_STEP = "link-partition";
    public static final String SEARCH_STEP = "link-search";
    public static final String SEARCH_PART_STEP = "link-search-part";
    public static final String DEDUP_STEP = "link-dedup";
    /** About how many rows the model is estimated from. */
    static final long SAMPLE_ROWS = 300_000;
    /** About how many rows one partition holds when the number of partitions is left to the run. */
    static final long ROWS_PER_PARTITION = 250_000;
    private static final String INDEX = "padan.link.partition.index";
    private static final String COUNT = "padan.link.partition.count";
    private static final String FROM = "padan.link.search.from-bucket";
    private static final String TO = "padan.link.search.to-bucket";
    private static final String ROWS = "padan.link.search.rows";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LinkStage.class);
    private final DataSource dataSource;
    private final SourceMappings mappings;
    private final StageMetrics metrics;
    private final MatchSettings settings;
    private final StagedRun staged;
    private final LinkRunStore store;
    private final int partitionsSetting;
    private final int searchRows;
    private final long searchRegistryRows;
    /** Term frequencies per run, counted once per process and shared by its partitions. */
    private final Map<Long, TermFrequencies> frequencies = new ConcurrentHashMap<>();
    private final KeptApart keptApart;
    /** The reviewers' cannot-link pairs per run, read once per process. */
    private final Map<Long, KeptApart.Pairs> apart = new ConcurrentHashMap<>();
    /** The registry's keys per run, as the parts of the search in this process ask them (the NIKs' filter is built once). */
    private final Map<Long, JdbcRegistryKeys> registryKeys = new ConcurrentHashMap<>();

    public LinkStage(DataSource dataSource, SourceMappings mappings, StageMetrics metrics, MatchSettings settings, StagedRun staged,
                     LinkRunStore store, KeptApart keptApart, @Value("${padan.link.partitions:0}") int partitions,
                     @Value("${padan.link.search-rows:50000}") int searchRows,
                     @Value("${padan.link.search-registry-rows:100000}") long searchRegistryRows) {
        this.keptApart = keptApart;
        this.dataSource = dataSource;
        this.mappings = mappings;
        this.metrics = metrics;
        this.settings = settings;
        this.staged = staged;
        this.store = store;
        this.partitionsSetting = partitions;
        if (searchRows < 1) throw new IllegalArgumentException("padan.link.search-rows must be at least 1, got " + searchRows);
        this.searchRows = searchRows;
        if (searchRegistryRows < 1) throw new IllegalArgumentException("padan.link.search-registry-rows must be at least 1, got " + searchRegistryRows);
        this.searchRegistryRows = searchRegistryRows;
    }

    /** Partitions asked for ({@code --partitions}, {@code padan.link.partitions}); 0 leaves the number to the run's size. */
    public int partitionsSetting() {
        return partitionsSetting;
    }

    /**
     * The partitions of the run whose {@value #NAME} step is running: {@code gridSize} of them (0: one per about
     * {@value #ROWS_PER_PARTITION} rows, at most 64), each named {@code pNNNN-of-NNNN} so that a resumed run finds
     * the ones it completed. Estimates and stores the run's model first if no attempt did.
     */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        StepExecution manager = StepSynchronizationManager.getContext().getStepExecution();
        long runId = manager.getJobExecution().getExecutionContext().getLong(RunScope.RUN_ID);
        long total = java.util.Arrays.stream(staged.bucketSizes(runId)).sum();
        int count = partitionCount(gridSize, total);
        manager.getJobExecution().getExecutionContext().putInt(COUNT, count); // kept for the search, also when it runs in a later attempt
        TermFrequencies f = frequencies(runId);
        metrics.start(NAME, total - f.registryRows());
        if (store.model(runId).isEmpty()) {
            ProbabilisticLinker linker = new ProbabilisticLinker(registry(), settings, manager.getJobExecution().getJobParameters().getLocalDate("asOf"),
                    log::debug);
            Partition sample = new Partition(0, (int) Math.max(1, Math.min(RowBuckets.COUNT, total / SAMPLE_ROWS)));
            List<StagedRow> rows = staged.rows(runId, sample, null);
            store.keepModel(runId, linker.estimate(rows, f), rows.size());
            log.debug("link: model of run {} estimated from partition {} of the run ({} rows)", runId, sample, rows.size());
        }
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (Partition p : Partition.of(count)) {
            ExecutionContext ctx = new ExecutionContext();
            ctx.putInt(INDEX, p.index());
            ctx.putInt(COUNT, p.count());
            partitions.put(String.format(Locale.ROOT, "p%04d-of-%04d", p.index() + 1, count), ctx);
        }
        return partitions;
    }

    /** The partition a {@value #PARTITION_STEP} step execution works on, from its execution context. */
    public static Partition partitionOf(ExecutionContext ctx) {
        return new Partition(ctx.getInt(INDEX), ctx.getInt(COUNT));
    }

    /** One partition: exact NIK inside it; its links and the rows it leaves over replace what an earlier attempt wrote. */
    public Tasklet partitionTasklet() {
        return (contribution, chunk) -> {
            ExecutionContext ctx = chunk.getStepContext().getStepExecution().getExecutionContext();
            Partition p = partitionOf(ctx);
            long runId = RunScope.of(chunk).runId();
            MatchModel model = store.model(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " has no model to link with"));
            ProbabilisticLinker linker = new ProbabilisticLinker(registry(), settings, RunScope.of(chunk).asOf(), log::debug);
            linker.progress(metrics.current(NAME));
            linker.keepApart(apart(runId));
            List<StagedRow> rows = staged.rows(runId, p, null);
            Map<String, Integer> bucketOf = new HashMap<>(rows.size() * 2);
            for (StagedRow r : rows) bucketOf.put(r.source() + '\u0000' + r.recordKey(), RowBuckets.of(r));
            var settled = linker.settleByExactNik(rows, model, frequencies(runId));
            store.replacePartition(runId, p, settled.links(), l -> bucketOf.get(l.source() + '\u0000' + l.recordKey()),
                    settled.leftover(), settled.ownerKkOfLeftover());
            keepCounters(runId, chunk.getStepContext().getStepExecution().getStepName(), linker);
            contribution.incrementReadCount();
            contribution.incrementWriteCount(settled.links().size());
            log.debug("link: partition {} of run {}: {} rows, {} links, {} left over", p, runId, rows.size(), settled.links().size(),
                    settled.leftover().size());
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * The parts of the search over the rows the partitions left over (step {@value #SEARCH_STEP}): ranges of whole
     * buckets of at most {@code padan.link.search-rows} rows ({@link LinkRunStore#leftoverChunks}), each named by its
     * buckets ({@code bNNNN-NNNN}) so that a resumed run finds the ones it completed. Before they are handed out the
     * registry's keys go into the database, unless this run's are there and complete already ({@link JdbcRegistryKeys#isKeyed}:
     * a resumed run after its process was killed); a crash of PostgreSQL empties them, and then they are written again.
     */
    public Partitioner searchPartitioner() {
        return gridSize -> {
            StepExecution manager = StepSynchronizationManager.getContext().getStepExecution();
            long runId = manager.getJobExecution().getExecutionContext().getLong(RunScope.RUN_ID);
            long total = java.util.Arrays.stream(staged.bucketSizes(runId)).sum();
            int count = partitionsOf(manager.getJobExecution(), total);
            List<LinkRunStore.BucketRange> chunks = store.leftoverChunks(runId, searchRows);
            long leftover = chunks.stream().mapToLong(LinkRunStore.BucketRange::rows).sum();
            metrics.progress(String.format(Locale.ROOT, "link      %,d rows settled by exact NIK in %d partitions; %,d left for the search%s",
                    store.partitionLinks(runId), count, leftover, chunks.size() > 1 ? " in " + chunks.size() + " parts" : ""));
            if (!chunks.isEmpty() && !JdbcRegistryKeys.isKeyed(dataSource, runId)) {
                // The registry's keys go into the database once; each part then reads the registry rows its rows need.
                ProbabilisticLinker linker = new ProbabilisticLinker(registry(), settings, manager.getJobExecution().getJobParameters().getLocalDate("asOf"),
                        log::debug);
                JdbcRegistryKeys keys = new JdbcRegistryKeys(dataSource, staged, runId, registry());
                linker.keyRegistry(keys, count, () -> chunks.stream().map(part -> leftover(runId, part.fromBucket(), part.toBucket())).iterator());
                registryKeys.put(runId, keys);
                keepCounters(runId, SEARCH_STEP, linker);
                log.debug("link: registry keys of run {} written", runId);
            }
            Map<String, ExecutionContext> parts = new LinkedHashMap<>();
            for (LinkRunStore.BucketRange part : chunks) {
                ExecutionContext ctx = new ExecutionContext();
                ctx.putInt(FROM, part.fromBucket());
                ctx.putInt(TO, part.toBucket());
                ctx.putLong(ROWS, part.rows());
                parts.put(String.format(Locale.ROOT, "b%04d-%04d", part.fromBucket(), part.toBucket() - 1), ctx);
            }
            return parts;
        };
    }

    /**
     * One part of the search ({@value #SEARCH_PART_STEP}): its rows, searched against the registry rows they can meet in
     * smaller parts that read at most about {@code padan.link.search-registry-rows} registry rows each; its links, its
     * separations and the rows it leaves unlinked (for the deduplication) replace what an earlier attempt at the part
     * wrote. It refuses to run when the registry's keys are not this run's or not complete.
     */
    public Tasklet searchPartTasklet() {
        return (contribution, chunk) -> {
            StepExecution step = chunk.getStepContext().getStepExecution();
            int from = step.getExecutionContext().getInt(FROM);
            int to = step.getExecutionContext().getInt(TO);
            long runId = RunScope.of(chunk).runId();
            if (!JdbcRegistryKeys.isKeyed(dataSource, runId)) {
                registryKeys.remove(runId);
                throw new IllegalStateException("the registry's keys of run " + runId + " are not in the database (PostgreSQL emptied them when it "
                        + "restarted after a crash, or another run's search replaced them): padan restart " + runId + " writes them again");
            }
            MatchModel model = store.model(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " has no model to link with"));
            ProbabilisticLinker linker = new ProbabilisticLinker(registry(), settings, RunScope.of(chunk).asOf(), log::debug);
            linker.progress(metrics.current(NAME));
            linker.keepApart(apart(runId));
            JdbcRegistryKeys keys = registryKeys(runId).forPart(String.format(Locale.ROOT, "b%04d", from));
            int rowCount;
            int linkCount;
            try {
                ProbabilisticLinker.Leftover part = leftover(runId, from, to);
                var searched = linker.searchLeftover(part.rows(), part.ownerKks(), keys, searchRegistryRows, model, frequencies(runId));
                linker.keepSearchPart(store, runId, from, to, part.rows(), searched);
                rowCount = part.rows().size();
                linkCount = searched.links().size();
            } finally {
                keys.dropPartScratch();
            }
            keepCounters(runId, step.getStepName(), linker);
            contribution.incrementReadCount();
            contribution.incrementWriteCount(linkCount);
            log.debug("link: search of run {} over buckets {}..{}: {} rows, {} links", runId, from, to - 1, rowCount, linkCount);
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * The rows the search's parts left unlinked, deduplicated among themselves ({@value #DEDUP_STEP}); the registry's
     * keys are given back first, and the unlinked rows once the deduplication's links are stored. Ends the link stage.
     */
    public Tasklet dedupTasklet() {
        return (contribution, chunk) -> {
            StepExecution step = chunk.getStepContext().getStepExecution();
            long start = startOfStage(step);
            long runId = RunScope.of(chunk).runId();
            long total = java.util.Arrays.stream(staged.bucketSizes(runId)).sum();
            MatchModel model = store.model(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " has no model to link with"));
            ProbabilisticLinker linker = new ProbabilisticLinker(registry(), settings, RunScope.of(chunk).asOf(), log::debug);
            linker.progress(metrics.current(NAME));
            registryKeys.remove(runId);
            new JdbcRegistryKeys(dataSource, staged, runId, registry()).clear(); // not needed by the deduplication: their disk is given back first
            store.clearDedupLinks(runId);
            JdbcDedupRows unlinked = new JdbcDedupRows(dataSource, staged, runId);
            try {
                linker.deduplicateLeftover(unlinked, model, frequencies(runId), links -> store.addLinks(runId, links));
            } finally {
                unlinked.dropScratch();
            }
            unlinked.clear();
            linker.stats().forEach((k, v) -> log.debug("link: {} = {}", k, v));
            keepCounters(runId, DEDUP_STEP, linker);
            // Statistics for the next stages' joins over the run's links. Not of the explanations: no query filters or joins on
            // them, and sampling their JSON made this analyze take 16.5 s at 1,000,000 persons instead of 3.3 s.
            try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
                st.execute("analyze padan.row_link (run_id, source, record_key, target_source, target_key, method, score, bucket, search_bucket)");
            }
            frequencies.remove(runId);
            apart.remove(runId);
            metrics.record(runId, NAME, total, start);
            return RepeatStatus.FINISHED;
        };
    }

    /** The rows the partitions left over in buckets {@code from} (inclusive) to {@code to} (exclusive), with their NIK owners' cards. */
    private ProbabilisticLinker.Leftover leftover(long runId, int from, int to) {
        List<StagedRow> rows = staged.rowsNamedIn(runId, LinkRunStore.LEFTOVER_TABLE, from, to);
        Map<String, String> ownerKk = store.leftoverOwnerKks(runId, from, to);
        return new ProbabilisticLinker.Leftover(rows, rows.stream().map(r -> ownerKk.get(LinkRunStore.rowKey(r.source(), r.recordKey()))).toList());
    }

    /** The registry's keys of the run as this process asks them: the ones it wrote, else read back from the database. */
    private JdbcRegistryKeys registryKeys(long runId) {
        JdbcRegistryKeys keys = registryKeys.get(runId);
        if (keys != null) return keys;
        synchronized (registryKeys) {
            keys = registryKeys.get(runId);
            if (keys == null) {
                registryKeys.clear(); // one run's search at a time: another run's keys are gone from the database
                keys = JdbcRegistryKeys.load(dataSource, staged, runId, registry());
                registryKeys.put(runId, keys);
            }
            return keys;
        }
    }

    /**
     * What claims a partition of either partitioned step of link ({@value #PARTITION_STEP}, {@value #SEARCH_PART_STEP})
     * for one worker at a time: a number, unique within a run, from its step's name and its execution context.
     */
    public static int claimOf(String stepName, ExecutionContext ctx) {
        String step = stepName.indexOf(':') > 0 ? stepName.substring(0, stepName.indexOf(':')) : stepName;
        return step.equals(SEARCH_PART_STEP) ? RowBuckets.COUNT + ctx.getInt(FROM) : partitionOf(ctx).fromBucket();
    }

    /** How many partitions the run's {@value #NAME} step made (in this attempt or an earlier one); else as many as it would. */
    private int partitionsOf(JobExecution job, long total) {
        if (job.getExecutionContext().containsKey(COUNT)) return job.getExecutionContext().getInt(COUNT);
        for (StepExecution s : job.getStepExecutions()) {
            if (s.getStepName().startsWith(PARTITION_STEP + ":")) return s.getExecutionContext().getInt(COUNT);
        }
        return partitionCount(partitionsSetting, total);
    }

    private static int partitionCount(int asked, long total) {
        return asked > 0 ? Math.min(asked, RowBuckets.COUNT) : (int) Math.max(1, Math.min(64, (total + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION));
    }

    /** When this attempt's link stage began (its {@value #NAME} step, else this step), on {@link System#nanoTime}'s clock. */
    private static long startOfStage(StepExecution step) {
        LocalDateTime begun = step.getStartTime();
        for (StepExecution s : step.getJobExecution().getStepExecutions()) {
            if (s.getStepName().equals(NAME) && s.getStartTime() != null) begun = s.getStartTime();
        }
        long ago = begun == null ? 0 : Duration.between(begun, LocalDateTime.now()).toNanos();
        return System.nanoTime() - Math.max(0, ago);
    }

    /** What the linker counted (pairs, skipped comparisons; not its times), kept with the run under the step that counted it. */
    private void keepCounters(long runId, String step, ProbabilisticLinker linker) {
        Map<String, Long> counters = new LinkedHashMap<>(linker.stats());
        counters.keySet().removeIf(k -> k.startsWith("ms "));
        metrics.counters(runId, step, counters);
    }

    private TermFrequencies frequencies(long runId) {
        return frequencies.computeIfAbsent(runId, id -> store.frequencies(id, registry()));
    }

    /** The reviewers' held cannot-link pairs of the run, which no link may join. */
    private KeptApart.Pairs apart(long runId) {
        return apart.computeIfAbsent(runId, keptApart::apartFor);
    }

    private String registry() {
        return mappings.registrySource();
    }
}
