package id.padan.store;

import java.io.PrintStream;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Records how many rows a stage handled and how long it took, and tells the operator on the console. */
@Component
public class StageMetrics {
    private final JdbcTemplate jdbc;
    private final PrintStream console = System.out;
    private final java.util.Map<String, StageProgress> running = new java.util.concurrent.ConcurrentHashMap<>();

    public StageMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long runId, String stage, long rows, long startNanos) {
        running.remove(stage);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        jdbc.update("""
                insert into padan.stage_metric (run_id, stage, rows, seconds) values (?, ?, ?, ?)
                on conflict (run_id, stage) do update set rows = excluded.rows, seconds = excluded.seconds, finished_at = now()""",
                runId, stage, rows, seconds);
        progress(String.format(Locale.ROOT, "%-9s %,12d rows %8.1f s %,12.0f rows/s", stage, rows, seconds, rows / Math.max(seconds, 1e-6)));
    }

    /**
     * Progress of {@code stage} over {@code total} rows, told on the console every few seconds while the stage runs
     * (with rows/s and the time left), for stages that are otherwise silent for minutes on a national run.
     */
    public StageProgress start(String stage, long total) {
        StageProgress p = new StageProgress(stage, total, this::progress);
        running.put(stage, p);
        return p;
    }

    /** The progress last started for {@code stage} in this process, for the parts of a stage to count on; {@link StageProgress#NONE} if none. */
    public StageProgress current(String stage) {
        return running.getOrDefault(stage, StageProgress.NONE);
    }

    /** Replaces a stage's counters of a run (what it counted beyond rows and seconds), kept with the run's history. */
    public void counters(long runId, String stage, java.util.Map<String, Long> counters) {
        jdbc.update("delete from padan.stage_counter where run_id = ? and stage = ?", runId, stage);
        jdbc.batchUpdate("insert into padan.stage_counter (run_id, stage, name, value) values (?, ?, ?, ?)",
                counters.entrySet().stream().map(e -> new Object[] {runId, stage, e.getKey(), e.getValue()}).toList());
    }

    /** One line of progress for an operator watching a manual run. */
    public void progress(String line) {
        synchronized (console) {
            console.println("  " + line);
        }
    }
}
