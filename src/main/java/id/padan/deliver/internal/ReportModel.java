package id.padan.deliver.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What one mismatch report shows (the national one or one kabupaten/kota's): the counts by code,
 * program and kecamatan, the change since the previous run, and the first rows needing a decision.
 * Filled while the rows stream past; the HTML page is rendered from it at the end.
 */
final class ReportModel {
    /** Findings of one code and program in one kecamatan ({@code kec} null when the row gave only a kabupaten). */
    record Count(String kab, String kec, String code, String source, long rows) {}

    /** Findings of one code and program that are new, resolved or still open since the previous run. */
    record Change(String code, String source, String change, long rows) {}

    /** A row needing a decision, as shown: program, record key, code, severity, kecamatan, detail, evidence. */
    record Decision(String source, String recordKey, String code, String severity, String kec, String detail, String evidence) {}

    final String key;
    final String name;
    final boolean national;
    final long runId;
    final LocalDate asOf;
    final Long previousRun;
    final List<Count> counts = new ArrayList<>();
    final List<Change> changes = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();
    long decisionTotal;
    long rowsWithFindings;

    ReportModel(String key, String name, boolean national, long runId, LocalDate asOf, Long previousRun) {
        this.key = key;
        this.name = name;
        this.national = national;
        this.runId = runId;
        this.asOf = asOf;
        this.previousRun = previousRun;
    }

    long totalFindings() {
        return counts.stream().mapToLong(Count::rows).sum();
    }

    long changeTotal(String change) {
        return changes.stream().filter(c -> c.change().equals(change)).mapToLong(Change::rows).sum();
    }
}
