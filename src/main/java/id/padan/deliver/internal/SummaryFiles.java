package id.padan.deliver.internal;

import id.padan.deliver.OutputFiles;

import id.padan.deliver.Deliverable;
import id.padan.deliver.WrittenFile;
import id.padan.store.RunScope;
import id.padan.store.StageProgress;
import id.padan.store.RunSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The run summary ({@code summary.txt}): row accounting per file, persons, findings by code, stage
 * timings, and what was delivered: for each source, the lines read from its extract against the lines
 * in its corrected extracts (they must be equal: rejected lines are delivered too), and the reports.
 * Runs after the other deliverables, whose files the deliver stage has recorded by then.
 */
@Component
@Order(100)
public class SummaryFiles implements Deliverable {
    private final JdbcTemplate jdbc;
    private final OutputFiles outputFiles;

    public SummaryFiles(JdbcTemplate jdbc, OutputFiles files) {
        this.outputFiles = files;
        this.jdbc = jdbc;
    }

    @Override
    public List<WrittenFile> write(RunScope scope, Path runDir, StageProgress progress) throws Exception {
        Path file = runDir.resolve("summary.txt");
        RunSummary summary = RunSummary.load(jdbc, scope.runId());
        // The summary is the last file of the run's last stage: once it is written only the manifest remains, and the
        // run is recorded COMPLETED when this stage ends (a failure after it would fail the stage, and a restart writes
        // the summary again). "RUNNING" would describe the moment of writing, not the run the file hands over.
        if ("RUNNING".equals(summary.status())) summary = summary.withStatus("COMPLETED");
        outputFiles.writeString(file, summary.render() + deliveries(scope.runId()));
        return List.of(new WrittenFile(file, 0, "SUMMARY", null, null));
    }

    String deliveries(long runId) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n%-9s %-8s %12s %12s %12s %7s  %s%n", "delivered", "input", "read", "loaded+rej.", "in extracts", "files", "check"));
        long read = 0, delivered = 0;
        for (var r : jdbc.queryForList("""
                select i.source, i.status, i.rows_read, i.rows_loaded + i.rows_rejected as accounted,
                       coalesce(sum(d.rows), 0) as delivered, count(d.path) as files
                from padan.input_file i
                left join padan.delivered_file d on d.run_id = i.run_id and d.source = i.source and d.kind = 'EXTRACT'
                where i.run_id = ? group by i.source, i.status, i.rows_read, i.rows_loaded, i.rows_rejected order by i.source""", runId)) {
            String source = (String) r.get("source");
            String status = (String) r.get("status");
            long rowsRead = ((Number) r.get("rows_read")).longValue();
            long inExtracts = ((Number) r.get("delivered")).longValue();
            long files = ((Number) r.get("files")).longValue();
            String check;
            if (!"LOADED".equals(status)) check = "no extract (" + status.toLowerCase(Locale.ROOT) + ")";
            else if (files == 0) check = "registry: not delivered back";
            else {
                check = inExtracts == rowsRead ? "ok" : "COUNTS DIFFER";
                read += rowsRead;
                delivered += inExtracts;
            }
            sb.append(String.format(Locale.ROOT, "%-9s %-8s %,12d %,12d %,12d %7d  %s%n", source, status, rowsRead,
                    ((Number) r.get("accounted")).longValue(), inExtracts, files, check));
        }
        sb.append(String.format(Locale.ROOT, "%-9s %-8s %,12d %12s %,12d%n", "total", "", read, "", delivered));
        var reports = jdbc.queryForMap("select count(*) as n, coalesce(sum(rows), 0) as rows from padan.delivered_file where run_id = ? and kind = 'REPORT'", runId);
        sb.append(String.format(Locale.ROOT, "reports   %d files (%,d table rows); every file with its rows and SHA-256 in manifest.csv%n",
                ((Number) reports.get("n")).longValue(), ((Number) reports.get("rows")).longValue()));
        return sb.toString();
    }
}
