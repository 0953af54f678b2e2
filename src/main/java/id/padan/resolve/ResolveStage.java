package id.padan.resolve;

import id.padan.ingest.SourceMappings;
import id.padan.ingest.StagedRun;
import id.padan.link.RowLink;
import id.padan.link.RunLinks;
import id.padan.resolve.internal.JdbcPersonIdentities;
import id.padan.standardise.StagedRow;
import id.padan.store.ParallelCopy;
import id.padan.store.RunScope;
import id.padan.store.StageMetrics;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Stage 3: clusters the linked rows into persons, gives each its stable id and writes
 * {@code padan.person} and {@code padan.source_record} for the run (see {@link #execute} on transactions).
 */
@Component
public class ResolveStage implements Tasklet {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ResolveStage.class);
    public static final String NAME = "resolve";
    private final DataSource dataSource;
    private final SourceMappings mappings;
    private final StageMetrics metrics;
    private final StagedRun staged;
    private final RunLinks runLinks;

    public ResolveStage(DataSource dataSource, SourceMappings mappings, StageMetrics metrics, StagedRun staged, RunLinks runLinks) {
        this.dataSource = dataSource;
        this.mappings = mappings;
        this.metrics = metrics;
        this.staged = staged;
        this.runLinks = runLinks;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        long start = System.nanoTime();
        RunScope scope = RunScope.of(chunk);
        long runId = scope.runId();
        List<StagedRow> rows = staged.rows(runId);
        long tRead = System.nanoTime();
        String registry = mappings.registry().map(m -> m.source()).orElse("");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // One run resolves at a time: person ids are handed out under this lock.
            try (var st = c.createStatement()) {
                st.execute("lock table padan.person_identity in exclusive mode");
            }
            List<RowLink> links = runLinks.links(runId);
            long tLinks = System.nanoTime();
            var identities = new DeferredIdentities(new JdbcPersonIdentities(c));
            var resolution = new PersonResolver(registry).resolve(rows, links, identities);
            long tResolved = System.nanoTime();
            // The three outputs are written at once, each on its own connection and in its own transaction:
            // a stage that fails part-way is run again whole, and the ids it hands out again are the same
            // (remembered ones are found; the counter of new ones only moves when the identities commit).
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> persons = pool.submit(() -> {
                    ParallelCopy.replace(dataSource, runId, "padan.person", PERSON_COLUMNS, resolution.persons(), 1,
                            (w, p) -> w.add(runId).add(p.personId()).add(p.nik()).add(p.noKk()).add(p.name()).add(p.birthDate())
                                    .add(p.sex()).add(p.regionCode()).add(p.deathDate()).add(p.inDukcapil()));
                    return null;
                });
                // Explanations stay where the link stage wrote them (padan.row_link); the published view joins them.
                Future<?> records = pool.submit(() -> {
                    ParallelCopy.replace(dataSource, runId, "padan.source_record", ROW_COLUMNS, resolution.rows(), 1,
                            (w, r) -> w.add(runId).add(r.source()).add(r.recordKey()).add(r.lineNo()).add(r.personId())
                                    .add(r.method().name()).add(r.score()));
                    return null;
                });
                identities.flush();
                c.commit();
                persons.get();
                records.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            } finally {
                pool.shutdownNow();
            }
            long tWritten = System.nanoTime();
            log.debug("resolve: ms read rows {}, read links {}, resolve {}, write {}",
                    (tRead - start) / 1_000_000, (tLinks - tRead) / 1_000_000, (tResolved - tLinks) / 1_000_000,
                    (tWritten - tResolved) / 1_000_000);
            // Statistics for the next stages' joins, in a transaction of their own (an ANALYZE left in an
            // uncommitted transaction is rolled back with it).
            c.setAutoCommit(true);
            try (var st = c.createStatement()) {
                st.execute("analyze padan.person");
                st.execute("analyze padan.source_record");
            }
            metrics.record(runId, NAME, rows.size(), start);
        }
        return RepeatStatus.FINISHED;
    }

    private static final String PERSON_COLUMNS = "run_id, person_id, nik, no_kk, name, birth_date, sex, region_code, death_date, in_dukcapil";
    private static final String ROW_COLUMNS = "run_id, source, record_key, line_no, person_id, match_method, match_score";

    /** Looks up and hands out ids at once, but writes what to remember only when {@link #flush} is called. */
    private static final class DeferredIdentities implements PersonIdentities {
        private final PersonIdentities store;
        private Map<String, Long> keyToId = Map.of();
        private Set<String> existing = Set.of();

        DeferredIdentities(PersonIdentities store) {
            this.store = store;
        }

        @Override
        public Map<String, Long> lookup(java.util.Collection<String> keys) {
            return store.lookup(keys);
        }

        @Override
        public long[] newIds(int count) {
            return store.newIds(count);
        }

        @Override
        public void remember(Map<String, Long> keyToId, Set<String> existing) {
            this.keyToId = keyToId;
            this.existing = existing;
        }

        void flush() {
            store.remember(keyToId, existing);
        }
    }
}
