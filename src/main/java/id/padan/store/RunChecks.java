package id.padan.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which checks one run made: each finding code on each program source, and for a check it could not make, the
 * sources it needed that the run did not have. Stored in {@code padan.run_check} when ingest ends; read by the
 * findings stage (which computes only the checks that ran), the reports (which say what was not run and compare
 * with an earlier run only the checks both made) and the summaries.
 */
public record RunChecks(List<Check> checks) {

    /** One check: finding {@code code} on the rows of {@code source}; {@code missing} names the needed sources the run lacked. */
    public record Check(String source, String code, boolean ran, List<String> missing) {}

    /** The checks not run on one program source: every one of them ({@code all}), or the codes listed. */
    public record NotRun(String source, boolean all, List<String> codes, List<String> missing) {}

    public RunChecks {
        checks = List.copyOf(checks);
    }

    /** A run is partial when some check could not be made. */
    public boolean partial() {
        return checks.stream().anyMatch(c -> !c.ran());
    }

    /** The program sources on which {@code code} ran. */
    public Set<String> ranOn(String code) {
        Set<String> out = new LinkedHashSet<>();
        for (Check c : checks) if (c.ran() && c.code().equals(code)) out.add(c.source());
        return out;
    }

    /** The checks not run, by program source (in source order), with every code listed or {@code all} when none ran. */
    public List<NotRun> notRun() {
        Map<String, List<Check>> bySource = new TreeMap<>();
        for (Check c : checks) bySource.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c);
        List<NotRun> out = new ArrayList<>();
        bySource.forEach((source, list) -> {
            List<Check> missed = list.stream().filter(c -> !c.ran()).toList();
            if (missed.isEmpty()) return;
            Set<String> needs = new LinkedHashSet<>();
            missed.forEach(c -> needs.addAll(c.missing()));
            out.add(new NotRun(source, missed.size() == list.size(), missed.stream().map(Check::code).sorted().toList(), List.copyOf(needs)));
        });
        return out;
    }

    /** One line for people: "every check of KIP (needs KIP); GAP_PKH_CHILD_NO_KIP on PKH (needs KIP)", or null when all ran. */
    public String describeNotRun() {
        List<String> parts = new ArrayList<>();
        for (NotRun n : notRun()) {
            parts.add((n.all() ? "every check of " + n.source() : String.join(", ", n.codes()) + " on " + n.source())
                    + " (needs " + String.join(", ", n.missing()) + ")");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** Replaces the run's stored checks with these, and records whether the run is partial. Runs in the caller's transaction. */
    public void store(Connection c, long runId) throws SQLException {
        RunTables.clear(c, runId, "padan.run_check");
        try (PreparedStatement ps = c.prepareStatement("insert into padan.run_check (run_id, source, code, ran, missing) values (?, ?, ?, ?, ?)")) {
            for (Check check : checks) {
                ps.setLong(1, runId);
                ps.setString(2, check.source());
                ps.setString(3, check.code());
                ps.setBoolean(4, check.ran());
                ps.setArray(5, check.ran() ? null : c.createArrayOf("text", check.missing().toArray()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("update padan.run set partial = ? where run_id = ?")) {
            ps.setBoolean(1, partial());
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
    }

    /** The checks stored for a run; empty for a run made before checks were recorded (it made every check it had data for). */
    public static RunChecks load(Connection c, long runId) throws SQLException {
        List<Check> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select source, code, ran, missing from padan.run_check where run_id = ? order by source, code")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array missing = rs.getArray(4);
                    out.add(new Check(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                            missing == null ? List.of() : Arrays.asList((String[]) missing.getArray())));
                }
            }
        }
        return new RunChecks(out);
    }

    /** Reads through a JDBC template's data source. */
    public static RunChecks load(org.springframework.jdbc.core.JdbcTemplate jdbc, long runId) {
        return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<RunChecks>) c -> load(c, runId));
    }
}
