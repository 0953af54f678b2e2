package id.padan.deliver;

import id.padan.ingest.InputFiles;
import id.padan.store.RunScope;
import id.padan.store.StageMetrics;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvWriteFeature;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.Order;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stage 6: writes what the run's users receive into {@code <out>/run-<id>/} (deliverables in their
 * {@code @Order}: reports, corrected extracts, then the summary), records every file with its row count,
 * size and SHA-256 in {@code padan.delivered_file} as soon as its deliverable is done (so the summary can
 * account for them), and ends with {@code manifest.csv} listing them all. Everything is written into a hidden
 * {@code <out>/.run-<id>.partial/} that becomes {@code run-<id>} by one rename once the manifest is complete
 * ({@link RunFolder}), so a folder named {@code run-<id>} is always whole.
 */
@Component
public class DeliverStage implements Tasklet {
    public static final String NAME = "deliver";
    private final List<Deliverable> deliverables;
    private final StageMetrics metrics;
    private final JdbcTemplate jdbc;
    private final OutputFiles outputFiles;

    public DeliverStage(List<Deliverable> deliverables, StageMetrics metrics, JdbcTemplate jdbc, OutputFiles files) {
        this.outputFiles = files;
        this.deliverables = deliverables;
        this.metrics = metrics;
        this.jdbc = jdbc;
    }

    public static Path runDir(RunScope scope) {
        return scope.outDir().resolve("run-" + scope.runId());
    }

    /** One line of the manifest. */
    @JsonPropertyOrder({"file", "kind", "source", "region", "rows", "bytes", "sha256"})
    public record ManifestLine(String file, String kind, String source, String region, long rows, long bytes, String sha256) {}

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        long start = System.nanoTime();
        RunScope scope = RunScope.of(chunk);
        Path dir = runDir(scope);
        RunFolder folder = new RunFolder(dir, jdbc.queryForObject("select database_id::text from padan.installation", String.class), scope.runId(), outputFiles);
        Path temp = folder.prepare();
        List<ManifestLine> lines = deliver(scope, temp);
        folder.complete();
        long rows = lines.stream().mapToLong(ManifestLine::rows).sum();
        metrics.record(scope.runId(), NAME, rows, start);
        metrics.progress("output    " + dir.toAbsolutePath() + " (" + (lines.size() + 1) + " files)");
        return RepeatStatus.FINISHED;
    }

    /** Runs every deliverable for the run into {@code dir} and writes the manifest; returns its lines. */
    public List<ManifestLine> deliver(RunScope scope, Path dir) throws Exception {
        outputFiles.createDirectories(dir);
        jdbc.update("delete from padan.delivered_file where run_id = ?", scope.runId());
        // The run's rows were loaded moments ago, before autovacuum could look at them; without statistics the
        // planner takes million-row tables for empty ones and joins them row by row.
        jdbc.execute("analyze padan.finding, padan.row_outcome, padan.rejected_row");
        // Progress: every program line read (to the extracts) and every finding (to the reports).
        Long total = jdbc.queryForObject("select coalesce((select sum(rows_read) from padan.input_file where run_id = ? and status = 'LOADED'), 0)"
                + " + (select count(*) from padan.finding where run_id = ?)", Long.class, scope.runId(), scope.runId());
        metrics.start(NAME, total == null ? 0 : total);
        List<ManifestLine> lines = new ArrayList<>();
        // Reports and extracts are independent (each reads the store and writes its own folder): they run side by
        // side; deliverables that account for the others (the summary, @Order 100 and later) run after them.
        List<Deliverable> first = deliverables.stream().filter(d -> order(d) < LAST).toList();
        List<Deliverable> last = deliverables.stream().filter(d -> order(d) >= LAST).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(first.size(), 2)));
        try {
            List<Future<List<ManifestLine>>> running = new ArrayList<>();
            for (Deliverable d : first) running.add(pool.submit(() -> run(d, scope, dir)));
            for (Future<List<ManifestLine>> f : running) {
                try {
                    lines.addAll(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (Deliverable d : last) lines.addAll(run(d, scope, dir));
        Path manifest = dir.resolve("manifest.csv");
        try (BufferedWriter w = outputFiles.newBufferedWriter(manifest);
             SequenceWriter csv = MANIFEST.writerFor(ManifestLine.class).with(MANIFEST.schemaFor(ManifestLine.class).withHeader()).writeValues(w)) {
            for (ManifestLine l : lines) csv.write(l);
        }
        return lines;
    }

    /** Deliverables ordered at or after this run once the others have written their files. */
    static final int LAST = 100;

    private static int order(Deliverable d) {
        Order o = AnnotationUtils.findAnnotation(d.getClass(), Order.class);
        return o == null ? Ordered.LOWEST_PRECEDENCE : o.value();
    }

    private List<ManifestLine> run(Deliverable d, RunScope scope, Path dir) throws Exception {
        long t = System.nanoTime();
        List<WrittenFile> files = d.write(scope, dir, metrics.current(NAME));
        List<ManifestLine> lines = new ArrayList<>();
        for (WrittenFile f : files) {
            ManifestLine line = new ManifestLine(dir.relativize(f.path()).toString().replace('\\', '/'), f.kind(), f.source(), f.region(),
                    f.rows(), Files.size(f.path()), InputFiles.sha256(f.path()));
            jdbc.update("insert into padan.delivered_file (run_id, path, kind, source, region, rows, bytes, sha256) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    scope.runId(), line.file(), line.kind(), line.source(), line.region(), line.rows(), line.bytes(), line.sha256());
            lines.add(line);
        }
        metrics.progress(String.format(java.util.Locale.ROOT, "deliver   %-24s %5d files %8.1f s", d.getClass().getSimpleName(), files.size(),
                (System.nanoTime() - t) / 1e9));
        return lines;
    }

    /** The manifest's CSV (Jackson): the columns of {@link ManifestLine} in order, empty for null, quoted where a value needs it. */
    private static final CsvMapper MANIFEST = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();
}
