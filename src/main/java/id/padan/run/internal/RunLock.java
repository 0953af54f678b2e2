package id.padan.run.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import id.padan.run.ReconcileLauncher.RunInProgressException;
import javax.sql.DataSource;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one-writer rule: a run writes the database only while its process holds a PostgreSQL advisory lock, on a
 * connection of its own kept open for the whole run. A second run (another process, another daemon) is
 * refused. PostgreSQL drops the lock with the session, so a killed process never leaves it behind; and before
 * each stage the holder checks that its lock connection is still alive, because a database restart drops the
 * lock too and another process may then have taken over the run.
 */
@Component
public class RunLock implements StepExecutionListener {
    /** Key of the advisory lock held while a run writes the database. */
    public static final long KEY = 0x7061_6461_6eL; // "padan"

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private volatile Connection held;

    public RunLock(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Work done while holding the lock. */
    public interface Work<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code work} holding the lock.
     *
     * @throws RunInProgressException when another process holds it (naming the run in progress when known)
     */
    public <T> T holding(Work<T> work) throws Exception {
        try (Connection lock = dataSource.getConnection(); Statement st = lock.createStatement()) {
            lock.setAutoCommit(true);
            try (ResultSet rs = st.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
                rs.next();
                if (!rs.getBoolean(1)) throw new RunInProgressException(refusal());
            }
            held = lock;
            try {
                return work.run();
            } finally {
                held = null;
                try {
                    st.execute("select pg_advisory_unlock(" + KEY + ")");
                } catch (SQLException gone) {
                    // the session is gone, and the lock with it
                }
            }
        }
    }

    /** True when some process holds the lock now (a run is writing the database). */
    public boolean heldByAnyone() {
        Integer n = jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' and granted and classid = ? and objid = ? and objsubid = 1",
                Integer.class, (int) (KEY >>> 32), (int) KEY);
        return n != null && n > 0;
    }

    /** Before each stage: the run must not go on when its lock connection is gone. */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        Connection c = held;
        if (c == null) return; // not started through the launcher (e.g. a test driving the job directly)
        boolean alive;
        try {
            alive = c.isValid(10);
        } catch (SQLException e) {
            alive = false;
        }
        if (!alive) {
            throw new IllegalStateException("lost the database connection that holds the run lock (was the database restarted?); "
                    + "the run stops here so that no other process writes it at the same time");
        }
    }

    private String refusal() {
        String running = jdbc.query("select string_agg('run ' || run_id || ' (started ' || to_char(started_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI') || ' WIB)', ', ') "
                + "from padan.run where status = 'RUNNING'", r -> r.next() ? r.getString(1) : null);
        return "another padan run is writing to this database" + (running == null ? "" : ": " + running) + "; try again when it has finished";
    }
}
