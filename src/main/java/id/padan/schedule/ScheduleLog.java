package id.padan.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What each scheduled fire did ({@code padan.schedule_fire}): started a run, found it already done, or why it
 * started none. Details name files and sources, never row data.
 */
public final class ScheduleLog {
    private final JdbcTemplate jdbc;

    public ScheduleLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Outcomes of a fire. */
    public enum Outcome {
        FIRED, WAITING, RUNNING, COMPLETED, FAILED, ALREADY_DONE, NOT_READY, MISSING_SOURCE, INPUT_PROBLEM, REFUSED, ERROR, INTERRUPTED
    }

    /** One fire as recorded. */
    public record Fire(long fireId, String jobName, Instant scheduledAt, Instant firedAt, Instant finishedAt, String node, Long pid,
                       boolean recovering, String outcome, Long runId, LocalDate inputDate, String detail) {}

    public long begin(String jobName, Instant scheduledAt, String node, long pid, boolean recovering) {
        return jdbc.queryForObject("""
                insert into padan.schedule_fire (job_name, scheduled_at, node, pid, recovering, outcome)
                values (?, ?, ?, ?, ?, 'FIRED') returning fire_id""", Long.class,
                jobName, scheduledAt == null ? null : Timestamp.from(scheduledAt), node, pid, recovering);
    }

    /**
     * Marks the unfinished fires of a job other than {@code fireId} as INTERRUPTED. Quartz never runs two fires of one
     * job at once in the cluster, so when a fire starts, an older one still unfinished belongs to a daemon that died.
     */
    public int markAbandoned(String jobName, long fireId) {
        return jdbc.update("""
                update padan.schedule_fire set outcome = 'INTERRUPTED', finished_at = now(),
                       detail = coalesce(detail || '; ', '') || 'its daemon ended before the fire finished (taken over by fire ' || ? || ')'
                where job_name = ? and finished_at is null and fire_id <> ?""", fireId, jobName, fireId);
    }

    /** Records progress; {@code finished} sets the finish time. Null values leave the recorded ones. */
    public void update(long fireId, Outcome outcome, Long runId, LocalDate inputDate, String detail, boolean finished) {
        jdbc.update("""
                update padan.schedule_fire set outcome = ?, run_id = coalesce(?, run_id), input_date = coalesce(?, input_date),
                       detail = coalesce(?, detail), finished_at = case when ? then now() else finished_at end
                where fire_id = ?""", outcome.name(), runId, inputDate, detail, finished, fireId);
    }

    /** The newest fires, newest first; of one job when {@code jobName} is not null. */
    public List<Fire> recent(String jobName, int limit) {
        String where = jobName == null ? "" : "where job_name = ? ";
        Object[] args = jobName == null ? new Object[] {limit} : new Object[] {jobName, limit};
        return jdbc.query("select fire_id, job_name, scheduled_at, fired_at, finished_at, node, pid, recovering, outcome, run_id, input_date, detail "
                + "from padan.schedule_fire " + where + "order by fire_id desc limit ?", (rs, i) -> new Fire(
                rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)),
                rs.getString(6), (Long) rs.getObject(7), rs.getBoolean(8), rs.getString(9), (Long) rs.getObject(10),
                rs.getDate(11) == null ? null : rs.getDate(11).toLocalDate(), rs.getString(12)), args);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
