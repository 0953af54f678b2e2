package id.padan.link;

import id.padan.ingest.Partition;
import id.padan.ingest.SourceMappings;
import id.padan.ingest.StagedRun;
import id.padan.link.internal.LinkRunStore;
import id.padan.link.internal.ProbabilisticLinker;
import id.padan.link.internal.TermFrequencies;
import id.padan.link.model.MatchModel;
import id.padan.standardise.StagedRow;
import id.padan.store.RunScope;
import id.padan.store.StageMetrics;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stage 2: decides which rows belong to the same person and stores the links with their explanation,
 * one partition of the run in memory at a time (see {@link ProbabilisticLinker} for the steps). The model
 * is estimated once per run from a stated sample (the first partition of as many as make it about
 * {@value #SAMPLE_ROWS} rows, or the whole run when it is smaller) and stored with the run.
 */
@Component
public class LinkStage implements Tasklet {
    public static final String NAME = "link";
    /** About how many rows the model is estimated from. */
    static final long SAMPLE_ROWS = 300_000;
    /** About how many rows one partition holds when the number of partitions is left to the run. */
    static final long ROWS_PER_PARTITION = 250_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LinkStage.class);
    private final DataSource dataSource;
    private final SourceMappings mappings;
    private final StageMetrics metrics;
    private final MatchSettings settings;
    private final StagedRun staged;
    private final LinkRunStore store;
    private final int partitionsSetting;

    public LinkStage(DataSource dataSource, SourceMappings mappings, StageMetrics metrics, MatchSettings settings, StagedRun staged,
                     LinkRunStore store, @Value("${padan.link.partitions:0}") int partitions) {
        this.dataSource = dataSource;
        this.mappings = mappings;
        this.metrics = metrics;
        this.settings = settings;
        this.staged = staged;
        this.store = store;
        this.partitionsSetting = partitions;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        long start = System.nanoTime();
        long runId = RunScope.of(chunk).runId();
        String registry = mappings.registry().map(m -> m.source()).orElse("");
        // The estimated model and the linker's counters are for whoever debugs a run, not for the operator's console.
        ProbabilisticLinker linker = new ProbabilisticLinker(registry, settings, RunScope.of(chunk).asOf(), log::debug);
        long total = java.util.Arrays.stream(staged.bucketSizes(runId)).sum();
        int count = partitionsSetting > 0 ? partitionsSetting : (int) Math.max(1, Math.min(64, (total + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION));
        List<Partition> partitions = Partition.of(count);
        TermFrequencies frequencies = store.frequencies(runId, registry);
        linker.progress(metrics.start(NAME, total - frequencies.registryRows()));
        MatchModel model = store.model(runId).orElse(null);
        if (model == null) {
            Partition sample = new Partition(0, (int) Math.max(1, Math.min(id.padan.ingest.RowBuckets.COUNT, total / SAMPLE_ROWS)));
            List<StagedRow> rows = staged.rows(runId, sample, null);
            model = store.keepModel(runId, linker.estimate(rows, frequencies), rows.size());
            log.debug("link: model of run {} estimated from partition {} of the run ({} rows)", runId, sample, rows.size());
        }
        store.clearLinks(runId);
        List<StagedRow> leftover = new ArrayList<>();
        Set<String> ownerKks = new HashSet<>();
        long links = 0;
        for (Partition p : partitions) {
            var settled = linker.settleByExactNik(staged.rows(runId, p, null), model, frequencies);
            store.addLinks(runId, settled.links());
            links += settled.links().size();
            leftover.addAll(settled.leftover());
            ownerKks.addAll(settled.ownerKks());
        }
        metrics.progress(String.format(Locale.ROOT, "link      %,d rows settled by exact NIK in %d partitions; %,d left for the search",
                links, partitions.size(), leftover.size()));
        List<Supplier<List<StagedRow>>> registryParts = partitions.stream()
                .<Supplier<List<StagedRow>>>map(p -> () -> staged.rows(runId, p, registry)).toList();
        store.addLinks(runId, linker.linkLeftover(leftover, ownerKks, registryParts, model, frequencies));
        linker.stats().forEach((k, v) -> log.debug("link: {} = {}", k, v));
        java.util.Map<String, Long> counters = new java.util.LinkedHashMap<>(linker.stats());
        counters.keySet().removeIf(k -> k.startsWith("ms "));
        metrics.counters(runId, NAME, counters);
        // Statistics for the next stages' joins over the run's links.
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("analyze padan.row_link");
        }
        metrics.record(runId, NAME, total, start);
        return RepeatStatus.FINISHED;
    }
}
