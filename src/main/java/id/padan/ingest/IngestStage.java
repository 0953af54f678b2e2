package id.padan.ingest;

import id.padan.findings.CheckPlan;
import id.padan.findings.FindingRules;
import id.padan.ingest.internal.SourceIngest;
import id.padan.store.RunChecks;
import id.padan.store.RunScope;
import id.padan.store.StageMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stage 1: reads every source's extract of the run, standardises each row and loads it into
 * {@code padan.staged_row}, or rejects it with file, line, raw text and reason. Sources are read in
 * parallel. Re-running the stage for a run first removes what an earlier attempt loaded, so a
 * restart never loads a row twice.
 */
@Component
public class IngestStage implements Tasklet {
    public static final String NAME = "ingest";
    /** Job parameter: the date of the files the run reads ({@link InputFiles#scan(Path, SourceMappings, java.time.LocalDate)}); absent: any date. */
    public static final String FILE_DATE = "fileDate";
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final SourceMappings mappings;
    private final StageMetrics metrics;
    private final int threads;
    private final FindingRules rules;

    public IngestStage(DataSource dataSource, JdbcTemplate jdbc, SourceMappings mappings, StageMetrics metrics,
                       @org.springframework.beans.factory.annotation.Value("${padan.ingest.threads:2}") int threads, FindingRules rules) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.metrics = metrics;
        this.threads = threads;
        this.rules = rules;
    }

    /** Job parameter: publish a run whose checks could not all be made (see {@link SourceCompleteness}). */
    public static final String ALLOW_PARTIAL = "allowPartial";

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        long start = System.nanoTime();
        RunScope scope = RunScope.of(chunk);
        var parameters = chunk.getStepContext().getStepExecution().getJobExecution().getJobParameters();
        InputFiles files = InputFiles.scan(scope.inputDir(), mappings, parameters.getLocalDate(FILE_DATE));
        String expected = parameters.getString("inputFingerprint");
        if (expected != null && !expected.equals(files.fingerprint())) {
            throw new IllegalStateException("the files in " + scope.inputDir() + " changed since this run was started; "
                    + "start a new run for the new extracts instead of restarting this one");
        }
        for (String table : List.of("padan.staged_row", "padan.rejected_row", "padan.input_file")) {
            jdbc.update("delete from " + table + " where run_id = ?", scope.runId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<SourceIngest.Result>> results = new ArrayList<>();
        try {
            // Largest files first, so the two threads finish together.
            var order = mappings.all().stream().sorted((a, b) -> Long.compare(size(files, b), size(files, a))).toList();
            for (SourceMapping m : order) {
                var file = files.bySource().get(m.source());
                if (file == null) {
                    jdbc.update("insert into padan.input_file (run_id, source, status, problem) values (?, ?, ?, ?)",
                            scope.runId(), m.source(), FileStatus.MISSING.name(), files.whyMissing(m));
                    metrics.progress(String.format("ingest    %-9s no extract in this run", m.source()));
                    continue;
                }
                results.add(pool.submit(() -> new SourceIngest(dataSource, m, metrics)
                        .ingest(scope.runId(), file, files.sha256().get(m.source()))));
            }
            long read = 0;
            for (Future<SourceIngest.Result> f : results) read += f.get().read();
            checkSources(scope.runId(), Boolean.parseBoolean(parameters.getString(ALLOW_PARTIAL)));
            // Fresh statistics, so the later stages' joins over this run are planned as bulk joins.
            jdbc.execute("analyze padan.staged_row (run_id, source, record_key)"); // the join keys of later stages
            jdbc.execute("analyze padan.rejected_row");
            metrics.record(scope.runId(), NAME, read, start);
            contribution.incrementWriteCount(read);
        } finally {
            pool.shutdownNow();
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * Records which checks the run can make with the sources it loaded, and stops it (nothing published) when a
     * source they need is unusable and the run may not be partial.
     */
    private void checkSources(long runId, boolean allowPartial) {
        List<SourceCompleteness.SourceState> states = jdbc.query("select source, status, problem from padan.input_file where run_id = ? order by source",
                (rs, i) -> new SourceCompleteness.SourceState(rs.getString(1), rs.getString(2), rs.getString(3)), runId);
        RunChecks checks = CheckPlan.plan(mappings, rules, SourceCompleteness.usable(states));
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
            checks.store(c, runId);
            return null;
        });
        String refusal = SourceCompleteness.refusal(states, checks, mappings.registry().map(SourceMapping::source).orElse(null), allowPartial);
        if (refusal != null) {
            metrics.progress("ingest    " + refusal);
            throw new RunRefusedException(refusal);
        }
        if (checks.partial()) metrics.progress("ingest    partial run (allowed): not run: " + checks.describeNotRun());
    }

    private static long size(InputFiles files, SourceMapping m) {
        var f = files.bySource().get(m.source());
        try {
            return f == null ? 0 : java.nio.file.Files.size(f);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
