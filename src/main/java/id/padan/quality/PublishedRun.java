package id.padan.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** One completed run as the published store shows it: its rows, its persons' NIKs and its findings. */
public record PublishedRun(long runId, List<LoadedRow> rows, Map<Long, String> personNik, Map<String, Set<String>> findings) {

    /** The newest published run, or the given one. */
    public static PublishedRun load(JdbcTemplate jdbc, Long run) {
        Long runId = run != null ? run : jdbc.queryForObject("select run_id from reconciled.current_run", Long.class);
        if (runId == null) throw new IllegalStateException("no published run in this database");
        List<LoadedRow> rows = new ArrayList<>();
        jdbc.query("select source, record_key, person_id from reconciled.source_record where run_id = ?",
                rs -> { rows.add(new LoadedRow(rs.getString(1), rs.getString(2), rs.getLong(3))); }, runId);
        Map<Long, String> nik = new HashMap<>();
        jdbc.query("select person_id, nik from padan.person where run_id = ?", rs -> { nik.put(rs.getLong(1), rs.getString(2)); }, runId);
        Map<String, Set<String>> findings = new HashMap<>();
        jdbc.query("select code, source, record_key from reconciled.finding where run_id = ?",
                rs -> { findings.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2) + '\u0000' + rs.getString(3)); },
                runId);
        return new PublishedRun(runId, rows, nik, findings);
    }

    public QualityScore score(List<TruthRow> truth) {
        return QualityScore.compute(truth, rows, personNik, findings);
    }
}
