package id.padan.run.internal;

import id.padan.deliver.DeliverStage;
import id.padan.findings.FindingsStage;
import id.padan.ingest.IngestStage;
import id.padan.link.LinkStage;
import id.padan.publish.PublishStage;
import id.padan.resolve.ResolveStage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The daemon's metrics (Micrometer, served by Actuator under {@code /actuator/metrics}):
 * <ul>
 * <li>{@code padan.run.last.success}: when the newest completed run finished (epoch seconds);</li>
 * <li>{@code padan.run.last.duration}: seconds the newest finished run took (all its attempts);</li>
 * <li>{@code padan.run.last.failed}: 1 when the newest finished run failed, else 0;</li>
 * <li>{@code padan.stage.rows} / {@code padan.stage.seconds}, tag {@code stage}: rows and seconds of each stage of the newest run that has them;</li>
 * <li>{@code padan.schedule.fires}, tags {@code job}, {@code outcome}: fires of this daemon;</li>
 * <li>{@code padan.run.duration}, tags {@code job}, {@code status}: runs this daemon launched.</li>
 * </ul>
 * The gauges read the store (at most every 10 s), so they agree with {@code padan history} whichever daemon ran.
 */
public class DaemonMetrics {
    static final List<String> STAGES = List.of(IngestStage.NAME, LinkStage.NAME, ResolveStage.NAME, FindingsStage.NAME, PublishStage.NAME, DeliverStage.NAME);
    private static final long REFRESH_NANOS = Duration.ofSeconds(10).toNanos();

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private volatile Snapshot snapshot = new Snapshot(Double.NaN, Double.NaN, Double.NaN, Map.of(), Map.of());
    private volatile long readAt = Long.MIN_VALUE;

    private record Snapshot(double lastSuccess, double lastDuration, double lastFailed, Map<String, Double> stageRows, Map<String, Double> stageSeconds) {}

    public DaemonMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
        Gauge.builder("padan.run.last.success", this, m -> m.current().lastSuccess()).baseUnit("seconds")
                .description("when the newest completed run finished (seconds since the epoch)").register(registry);
        Gauge.builder("padan.run.last.duration", this, m -> m.current().lastDuration()).baseUnit("seconds")
                .description("how long the newest finished run took").register(registry);
        Gauge.builder("padan.run.last.failed", this, m -> m.current().lastFailed())
                .description("1 when the newest finished run failed, else 0").register(registry);
        for (String stage : STAGES) {
            Gauge.builder("padan.stage.rows", this, m -> m.current().stageRows().getOrDefault(stage, Double.NaN)).tag("stage", stage)
                    .description("rows the stage handled in the newest run").register(registry);
            Gauge.builder("padan.stage.seconds", this, m -> m.current().stageSeconds().getOrDefault(stage, Double.NaN)).tag("stage", stage)
                    .baseUnit("seconds").description("seconds the stage took in the newest run").register(registry);
        }
    }

    public void fired(String job, String outcome) {
        Counter.builder("padan.schedule.fires").tag("job", job).tag("outcome", outcome).description("scheduled fires and what they did")
                .register(registry).increment();
        readAt = Long.MIN_VALUE;
    }

    public void runFinished(String job, String status, Duration took) {
        Timer.builder("padan.run.duration").tag("job", job).tag("status", status).description("runs launched by this daemon")
                .register(registry).record(took);
        readAt = Long.MIN_VALUE;
    }

    private Snapshot current() {
        long now = System.nanoTime();
        if (readAt != Long.MIN_VALUE && now - readAt < REFRESH_NANOS) return snapshot;
        try {
            Double success = jdbc.queryForObject("select extract(epoch from max(finished_at))::float8 from padan.run where status = 'COMPLETED'", Double.class);
            Map<String, Object> last = jdbc.query("""
                    select extract(epoch from finished_at - started_at)::float8 as seconds, status from padan.run
                    where finished_at is not null order by finished_at desc limit 1""", rs -> rs.next() ? Map.of("s", rs.getDouble(1), "st", rs.getString(2)) : Map.of());
            Map<String, Double> rows = new HashMap<>(), seconds = new HashMap<>();
            jdbc.query("""
                    select stage, rows, seconds from padan.stage_metric
                    where run_id = (select max(run_id) from padan.stage_metric)""", rs -> {
                rows.put(rs.getString(1), (double) rs.getLong(2));
                seconds.put(rs.getString(1), rs.getDouble(3));
            });
            snapshot = new Snapshot(success == null ? Double.NaN : success,
                    last.isEmpty() ? Double.NaN : (Double) last.get("s"),
                    last.isEmpty() ? Double.NaN : ("FAILED".equals(last.get("st")) ? 1 : 0), rows, seconds);
        } catch (RuntimeException dbDown) {
            // keep the last values; the database's own health indicator reports the outage
        }
        readAt = now;
        return snapshot;
    }
}
