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
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Stage 6: writes what the run's users receive into {@code <out>/run-<id>/}, then a
 * {@code manifest.csv} listing every file with its row count and SHA-256.
 */
@Component
public class DeliverStage implements Tasklet {
    public static final String NAME = "deliver";
    private final List<Deliverable> deliverables;
    private final StageMetrics metrics;

    public DeliverStage(List<Deliverable> deliverables, StageMetrics metrics) {
        this.deliverables = deliverables;
        this.metrics = metrics;
    }

    public static Path runDir(RunScope scope) {
        return scope.outDir().resolve("run-" + scope.runId());
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        long start = System.nanoTime();
        RunScope scope = RunScope.of(chunk);
        Path dir = runDir(scope);
        Files.createDirectories(dir);
        List<WrittenFile> written = new ArrayList<>();
        for (Deliverable d : deliverables) written.addAll(d.write(scope, dir));
        Path manifest = dir.resolve("manifest.csv");
        try (BufferedWriter w = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
            w.write("file,rows,bytes,sha256\n");
            for (WrittenFile f : written) {
                w.write(dir.relativize(f.path()).toString().replace('\\', '/') + "," + f.rows() + "," + Files.size(f.path()) + ","
                        + InputFiles.sha256(f.path()) + "\n");
            }
        }
        long rows = written.stream().mapToLong(WrittenFile::rows).sum();
        metrics.record(scope.runId(), NAME, rows, start);
        metrics.progress("output    " + dir.toAbsolutePath() + " (" + (written.size() + 1) + " files)");
        return RepeatStatus.FINISHED;
    }
}
