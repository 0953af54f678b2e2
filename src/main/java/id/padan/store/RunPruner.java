package id.padan.store;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention of old runs. A run is kept when it is among the newest {@code keepRuns} runs (by run id), when it started
 * less than {@code keepDays} days ago, when it is the current published run, or when it is still running; every other
 * run is pruned: its rows in the run-scoped tables and Spring Batch's records of it are deleted, and {@code padan.run}
 * keeps the run with {@code pruned_at} set (its history line stays). The stable person ids live in
 * {@code padan.person_identity}, which belongs to no run and is never pruned.
 */
public final class RunPruner {
    /** The run-scoped tables, each with a {@code run_id} column. */
    public static final List<String> RUN_TABLES = List.of("padan.staged_row", "padan.rejected_row", "padan.row_link", "padan.person",
            "padan.source_record", "padan.finding", "padan.row_outcome", "padan.input_file", "padan.stage_metric", "padan.stage_counter", "padan.delivered_file",
            "padan.run_check", "padan.run_model", "padan.link_leftover", "padan.link_apart", "padan.review_effect", "padan.review_conflict", "padan.review_run",
            "padan.review_queue_item", "padan.review_queue_count", "padan.dedup_row", "padan.dedup_key");

    private final JdbcTemplate jdbc;

    public RunPruner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a prune removed (or, on a dry run, would remove): the runs, and rows per table. */
    public record Pruned(List<Long> runs, Map<String, Long> rows) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The runs a prune with these limits removes, oldest first. {@code keepDays} 0 means no age limit. */
    public List<Long> candidates(int keepRuns, int keepDays) {
        if (keepRuns < 1) throw new IllegalArgumentException("at least the newest run is kept: --keep must be 1 or more, not " + keepRuns);
        OffsetDateTime since = keepDays > 0 ? OffsetDateTime.now().minus(Duration.ofDays(keepDays)) : null;
        return jdbc.queryForList("""
                select r.run_id from padan.run r
                where r.pruned_at is null and r.status <> 'RUNNING'
                  and r.run_id not in (select run_id from padan.run order by run_id desc limit ?)
                  and r.run_id is distinct from (select run_id from reconciled.current_run)
                  and (cast(? as timestamptz) is null or r.started_at < cast(? as timestamptz))
                order by r.run_id""", Long.class, keepRuns, since, since);
    }

    /** Removes (or with {@code dryRun} only counts) the rows of the given runs; one transaction per run. */
    public Pruned prune(List<Long> runs, boolean dryRun) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (long run : runs) {
            Map<String, Long> counts = dryRun ? count(run) : jdbc.execute((ConnectionCallback<Map<String, Long>>) c -> delete(c, run));
            counts.forEach((t, n) -> rows.merge(t, n, Long::sum));
        }
        return new Pruned(new ArrayList<>(runs), rows);
    }

    private Map<String, Long> count(long run) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : RUN_TABLES) out.put(table, jdbc.queryForObject("select count(*) from " + table + " where run_id = ?", Long.class, run));
        out.put("batch_job_execution (+ steps)", jdbc.queryForObject("""
                select count(*) from batch_job_execution e join padan.run r on r.job_instance_id = e.job_instance_id where r.run_id = ?""",
                Long.class, run));
        return out;
    }

    /** Deletes one run's rows in one transaction on {@code c}. */
    private static Map<String, Long> delete(Connection c, long run) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Map<String, Long> out = new LinkedHashMap<>();
            for (String table : RUN_TABLES) {
                out.put(table, RunPartitions.TABLES.contains(table) ? RunPartitions.drop(c, table, run) : update(c, "delete from " + table + " where run_id = ?", run));
            }
            Long instance = null;
            try (PreparedStatement ps = c.prepareStatement("select job_instance_id from padan.run where run_id = ?")) {
                ps.setLong(1, run);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long v = rs.getLong(1);
                        instance = rs.wasNull() ? null : v;
                    }
                }
            }
            long executions = 0;
            if (instance != null) {
                String executionsOf = "(select job_execution_id from batch_job_execution where job_instance_id = ?)";
                update(c, "delete from batch_step_execution_context where step_execution_id in (select step_execution_id from batch_step_execution "
                        + "where job_execution_id in " + executionsOf + ")", instance);
                update(c, "delete from batch_step_execution where job_execution_id in " + executionsOf, instance);
                update(c, "delete from batch_job_execution_context where job_execution_id in " + executionsOf, instance);
                update(c, "delete from batch_job_execution_params where job_execution_id in " + executionsOf, instance);
                executions = update(c, "delete from batch_job_execution where job_instance_id = ?", instance);
                update(c, "delete from batch_job_instance where job_instance_id = ?", instance);
            }
            out.put("batch_job_execution (+ steps)", executions);
            update(c, "update padan.run set pruned_at = now(), job_instance_id = null where run_id = ?", run);
            c.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static long update(Connection c, String sql, long param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, param);
            return ps.executeUpdate();
        }
    }
}
