package id.padan.run.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A test-only hook, off unless a {@code padan.test.*} property is set, that makes stages slow enough for a test
 * to kill the process at a chosen point (a real {@code kill -9}, not an exception):
 * <ul>
 * <li>{@code padan.test.pause-before-stages=link,resolve} with {@code padan.test.pause-ms=N}: waits N ms at the
 * start of each listed stage, after the previous stage has completed (a stage boundary); a name
 * {@code taken:link-partition} (or {@code taken:link-search-part}) makes a {@code padan worker} wait N ms after it has
 * taken a request of that step and recorded itself in it, before the step starts;</li>
 * <li>{@code padan.test.slow-stages=ingest,link} with {@code padan.test.slow-connection-ms=N}: each database
 * connection taken while a listed stage runs is handed out N ms late, so the stage spends time between its
 * reads and writes (the middle of a stage).</li>
 * </ul>
 * Each wait prints one line starting {@code padan-test:} so that a test can see where the process is.
 */
public final class StageDelayForTests implements StepExecutionListener, BeanPostProcessor {
    private final Set<String> pauseBefore;
    private final long pauseMs;
    private final Set<String> slowStages;
    private final long slowMs;
    private volatile String activeStage;
    private final AtomicInteger connections = new AtomicInteger();

    public StageDelayForTests(String pauseBefore, long pauseMs, String slowStages, long slowMs) {
        this.pauseBefore = split(pauseBefore);
        this.pauseMs = pauseMs;
        this.slowStages = split(slowStages);
        this.slowMs = slowMs;
    }

    public boolean enabled() {
        return (pauseMs > 0 && !pauseBefore.isEmpty()) || (slowMs > 0 && !slowStages.isEmpty());
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        String stage = stepExecution.getStepName();
        if (stage.indexOf(':') > 0) stage = stage.substring(0, stage.indexOf(':')); // a partition: "link-partition:p0001-of-0004"
        connections.set(0);
        if (pauseMs > 0 && pauseBefore.contains(stage)) {
            say("pausing " + pauseMs + " ms before stage " + stage);
            sleep(pauseMs);
        }
        activeStage = stage;
    }

    /** In a worker, between taking a request of step {@code stage} (and recording itself in it) and starting it. */
    void afterTaken(String stage) {
        if (pauseMs > 0 && pauseBefore.contains("taken:" + stage)) {
            say("pausing " + pauseMs + " ms after taking a request of " + stage);
            sleep(pauseMs);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        activeStage = null;
        return null;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && !(bean instanceof SlowDataSource) && slowMs > 0 && !slowStages.isEmpty()) {
            return new SlowDataSource(ds);
        }
        return bean;
    }

    private final class SlowDataSource extends DelegatingDataSource implements AutoCloseable {
        SlowDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            delay();
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            delay();
            return super.getConnection(username, password);
        }

        private void delay() {
            String stage = activeStage;
            if (stage != null && slowStages.contains(stage)) {
                say("slow connection " + connections.incrementAndGet() + " in stage " + stage);
                sleep(slowMs);
            }
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable c) c.close();
        }
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println("padan-test: " + line);
            System.out.flush();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<String> split(String s) {
        if (s == null || s.isBlank()) return Set.of();
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
