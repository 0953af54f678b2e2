package id.padan.run.internal;

import id.padan.ingest.SourceMappings;
import id.padan.run.ReconcileLauncher;
import id.padan.schedule.JobDefinitions;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** What only {@code padan daemon} needs: its job definitions, the fire logic, metrics and health. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "padan.daemon", havingValue = "true")
public class DaemonConfiguration {

    @Bean
    public JobDefinitions jobDefinitions(@Value("${padan.jobs-dir:jobs}") String dir, @Value("${padan.jobs-base:}") String base,
                                         SourceMappings mappings) {
        // Relative directories in the definitions are taken from the directory the daemon runs in.
        return JobDefinitions.load(Path.of(dir), base.isBlank() ? Path.of("").toAbsolutePath() : Path.of(base), mappings);
    }

    @Bean
    public DaemonMetrics daemonMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        return new DaemonMetrics(registry, jdbc);
    }

    @Bean
    public ScheduledFire scheduledFire(JobDefinitions definitions, ReconcileLauncher launcher, JdbcTemplate jdbc, SourceMappings mappings,
                                       DaemonMetrics metrics, @Value("${padan.home:.padan}") String home,
                                       @Value("${padan.schedule.poll-seconds:30}") long pollSeconds,
                                       @Value("${padan.schedule.probe-ms:1000}") long probeMs) {
        return new ScheduledFire(definitions, launcher, jdbc, mappings, metrics, home, pollSeconds, probeMs);
    }

    @Bean
    public ScheduleHealthIndicator scheduleHealthIndicator(Scheduler scheduler, JobDefinitions definitions, JdbcTemplate jdbc) {
        return new ScheduleHealthIndicator(scheduler, definitions, jdbc);
    }
}
