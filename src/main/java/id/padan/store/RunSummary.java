package id.padan.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What happened in one run, read from the store: the files with their row accounting, the stage
 * timings, persons and findings by code. The same text goes to the console, to {@code summary.txt}
 * and to {@code padan history --run N}. Contains counts only, no personal data.
 */
public record RunSummary(long runId, LocalDate asOf, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                         String failureReason, List<FileLine> files, List<StageLine> stages, long persons, long personsInRegistry,
                         List<CodeLine> findings, String notRun) {

    public record FileLine(String source, String fileName, String status, String problem, long read, long loaded, long rejected) {}

    public record StageLine(String stage, long rows, double seconds) {}

    /** The same summary with another status. */
    public RunSummary withStatus(String newStatus) {
        return new RunSummary(runId, asOf, newStatus, startedAt, finishedAt, failureReason, files, stages, persons, personsInRegistry, findings, notRun);
    }

    public record CodeLine(String code, String severity, long rows) {}

    public static RunSummary load(JdbcTemplate jdbc, long runId) {
        var run = jdbc.queryForMap("select as_of, status, started_at, finished_at, failure_reason from padan.run where run_id = ?", runId);
        List<FileLine> files = jdbc.query("""
                select source, file_name, status, problem, rows_read, rows_loaded, rows_rejected
                from padan.input_file where run_id = ? order by source""",
                (rs, i) -> new FileLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)),
                runId);
        List<StageLine> stages = jdbc.query("select stage, rows, seconds from padan.stage_metric where run_id = ? order by finished_at",
                (rs, i) -> new StageLine(rs.getString(1), rs.getLong(2), rs.getDouble(3)), runId);
        var persons = jdbc.queryForMap("select count(*) as n, count(*) filter (where in_dukcapil) as reg from padan.person where run_id = ?", runId);
        List<CodeLine> findings = jdbc.query("""
                select code, min(severity), count(*) from padan.finding where run_id = ? group by code order by code""",
                (rs, i) -> new CodeLine(rs.getString(1), rs.getString(2), rs.getLong(3)), runId);
        return new RunSummary(runId, ((java.sql.Date) run.get("as_of")).toLocalDate(), (String) run.get("status"),
                odt(run.get("started_at")), odt(run.get("finished_at")), (String) run.get("failure_reason"), files, stages,
                ((Number) persons.get("n")).longValue(), ((Number) persons.get("reg")).longValue(), findings,
                RunChecks.load(jdbc, runId).describeNotRun());
    }

    private static OffsetDateTime odt(Object o) {
        if (o == null) return null;
        if (o instanceof OffsetDateTime t) return t;
        if (o instanceof java.sql.Timestamp ts) return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        return null;
    }

    public long rowsRead() {
        return files.stream().mapToLong(FileLine::read).sum();
    }

    public long rowsLoaded() {
        return files.stream().mapToLong(FileLine::loaded).sum();
    }

    public long rowsRejected() {
        return files.stream().mapToLong(FileLine::rejected).sum();
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "run %d  as-of %s  status %s%n", runId, asOf, status));
        if (failureReason != null) sb.append("failure: ").append(failureReason).append('\n');
        sb.append(String.format(Locale.ROOT, "%n%-9s %-28s %-8s %12s %12s %10s%n", "source", "file", "status", "read", "loaded", "rejected"));
        for (FileLine f : files) {
            sb.append(String.format(Locale.ROOT, "%-9s %-28s %-8s %,12d %,12d %,10d%n", f.source(), f.fileName() == null ? "-" : f.fileName(),
                    f.status(), f.read(), f.loaded(), f.rejected()));
            if (f.problem() != null) sb.append("          ").append(f.problem()).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%-9s %-28s %-8s %,12d %,12d %,10d%n", "total", "", "", rowsRead(), rowsLoaded(), rowsRejected()));
        if (notRun != null && "COMPLETED".equals(status)) {
            sb.append(String.format(Locale.ROOT, "%nPARTIAL RUN: checks not run (tidak dijalankan): %s%n", notRun));
            sb.append("findings of these checks are not compared with other runs and never counted as resolved\n");
        } else if (notRun != null) {
            // A refused or failed run published nothing: calling it "partial" would read as a partial publication.
            sb.append(String.format(Locale.ROOT, "%nNOT PUBLISHED (tidak diterbitkan): checks that could not run: %s%n", notRun));
        }
        sb.append(String.format(Locale.ROOT, "%npersons %,d (%,d in Dukcapil, %,d not)%n", persons, personsInRegistry, persons - personsInRegistry));
        if (!findings.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n%-24s %-8s %10s%n", "finding", "severity", "rows"));
            for (CodeLine c : findings) sb.append(String.format(Locale.ROOT, "%-24s %-8s %,10d%n", c.code(), c.severity(), c.rows()));
        }
        if (!stages.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n%-9s %12s %9s %12s%n", "stage", "rows", "seconds", "rows/s"));
            for (StageLine s : stages) {
                sb.append(String.format(Locale.ROOT, "%-9s %,12d %9.1f %,12.0f%n", s.stage(), s.rows(), s.seconds(), s.rows() / Math.max(s.seconds(), 1e-6)));
            }
        }
        return sb.toString();
    }
}
