package id.padan.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * What one stage of a run hands to the next inside the same process (the rows it read, the links it
 * decided), so that the next stage does not read them back from PostgreSQL. The database stays the
 * record: a stage that finds nothing here (a restart in a new process) loads the same data from the
 * tables the earlier stage wrote, through the same code that would have filled the memory. Everything
 * kept for a run is dropped when its job ends, whatever the outcome.
 */
@Component
public class RunMemory implements JobExecutionListener {
    /** One kind of thing kept for a run; the type parameter is the type of the value. */
    public record Key<T>(String name) {}

    private final Map<Long, Map<Key<?>, Object>> kept = new ConcurrentHashMap<>();

    public <T> void keep(long runId, Key<T> key, T value) {
        kept.computeIfAbsent(runId, id -> new ConcurrentHashMap<>()).put(key, value);
    }

    /** The value an earlier stage of this run kept under {@code key}, if it ran in this process. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(long runId, Key<T> key) {
        Map<Key<?>, Object> run = kept.get(runId);
        return run == null ? Optional.empty() : Optional.ofNullable((T) run.get(key));
    }

    /** The value kept under {@code key}, else what {@code load} reads from the database. */
    public <T> T find(long runId, Key<T> key, Supplier<T> load) {
        return find(runId, key).orElseGet(load);
    }

    public void forget(long runId) {
        kept.remove(runId);
    }

    @Override
    public void afterJob(JobExecution job) {
        Object runId = job.getExecutionContext().get(RunScope.RUN_ID);
        if (runId instanceof Long id) forget(id);
    }
}
