package id.padan.deliver.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one mismatch report shows (the national one or one kabupaten/kota's): the counts by code, program and
 * kecamatan, the change since the previous run, and the rows needing a decision grouped by finding code in the
 * order of harm ({@code reports.decision-codes}). Filled while the rows stream past; the HTML page is rendered
 * from it at the end.
 */
final class ReportModel {
    /** Findings of one code and program in one kecamatan ({@code kec} null when the row gave only a kabupaten). */
    record Count(String kab, String kec, String code, String source, long rows) {}

    /** Findings of one code and program that are new, resolved or still open since the previous run. */
    record Change(String code, String source, String change, long rows) {
        /** The column of a change in the reports' tables: new, resolved, still open, explained. */
        static int column(String change) {
            return switch (change) {
                case "NEW" -> 0;
                case "RESOLVED" -> 1;
                case "EXPLAINED" -> 3;
                default -> 2;
            };
        }
    }

    final String key;
    final String name;
    final boolean national;
    final long runId;
    final LocalDate asOf;
    final Long previousRun;
    final List<Count> counts = new ArrayList<>();
    final List<Change> changes = new ArrayList<>();
    /** Rows needing a decision by code, codes in the order of harm; at most {@link #groupLimit} rows kept per code. */
    final Map<String, List<DecisionRow>> decisions = new LinkedHashMap<>();
    /** How many rows needing a decision each code has (all of them, also those not kept). */
    final Map<String, Long> decisionCounts = new LinkedHashMap<>();
    final int groupLimit;
    long decisionTotal;
    long rowsWithFindings;

    ReportModel(String key, String name, boolean national, long runId, LocalDate asOf, Long previousRun, List<String> harmOrder, int groupLimit) {
        this.key = key;
        this.name = name;
        this.national = national;
        this.runId = runId;
        this.asOf = asOf;
        this.previousRun = previousRun;
        this.groupLimit = groupLimit;
        for (String code : harmOrder) {
            decisions.put(code, new ArrayList<>());
            decisionCounts.put(code, 0L);
        }
    }

    void decision(DecisionRow row) {
        decisionCounts.merge(row.code(), 1L, Long::sum);
        List<DecisionRow> group = decisions.computeIfAbsent(row.code(), k -> new ArrayList<>());
        if (group.size() < groupLimit) group.add(row);
    }

    long totalFindings() {
        return counts.stream().mapToLong(Count::rows).sum();
    }

    long changeTotal(String change) {
        return changes.stream().filter(c -> c.change().equals(change)).mapToLong(Change::rows).sum();
    }
}
