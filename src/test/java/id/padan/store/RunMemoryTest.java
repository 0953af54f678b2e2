package id.padan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;

class RunMemoryTest {
    private static final RunMemory.Key<List<String>> ROWS = new RunMemory.Key<>("rows");

    @Test
    void whatAStageKeepsIsFoundForItsRunOnly() {
        RunMemory memory = new RunMemory();
        memory.keep(7, ROWS, List.of("a"));
        assertThat(memory.find(7, ROWS)).contains(List.of("a"));
        assertThat(memory.find(8, ROWS)).isEmpty();
        assertThat(memory.find(8, ROWS, () -> List.of("from the database"))).containsExactly("from the database");
    }

    @Test
    void theEndOfTheJobDropsWhatWasKept() {
        RunMemory memory = new RunMemory();
        memory.keep(7, ROWS, List.of("a"));
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "reconcile"), new JobParameters());
        job.getExecutionContext().putLong(RunScope.RUN_ID, 7);
        memory.afterJob(job);
        assertThat(memory.find(7, ROWS)).isEmpty();
    }
}
