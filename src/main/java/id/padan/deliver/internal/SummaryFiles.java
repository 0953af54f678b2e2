package id.padan.deliver.internal;

import id.padan.deliver.Deliverable;
import id.padan.deliver.WrittenFile;
import id.padan.store.RunScope;
import id.padan.store.RunSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The run summary ({@code summary.txt}): row accounting per file, persons, findings by code, stage timings. */
@Component
@Order(100)
public class SummaryFiles implements Deliverable {
    private final JdbcTemplate jdbc;

    public SummaryFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WrittenFile> write(RunScope scope, Path runDir) throws Exception {
        Path file = runDir.resolve("summary.txt");
        Files.writeString(file, RunSummary.load(jdbc, scope.runId()).render(), StandardCharsets.UTF_8);
        return List.of(new WrittenFile(file, 0));
    }
}
