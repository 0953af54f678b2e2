package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run linked in partitions and killed (SIGKILL) after some of them completed resumes with only the partitions
 * that had not: each completed partition has one step execution, never a second; no link is stored twice; and the
 * run publishes exactly what an uninterrupted run of the same extracts publishes.
 */
class PartitionRestartIT {
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path work;

    @Test
    void aRunKilledBetweenPartitionsRedoesOnlyThePartitionsNotCompleted() throws Exception {
        Published reference = Extracts.reference();
        TestDatabase.Db db = TestDatabase.newDatabase();
        String[] run = {"run", "--input", Extracts.input().toString(), "--as-of", Extracts.AS_OF, "--out", work.resolve("out").toString(),
                "--config", PadanProcess.CONFIG.toString(), "--partitions", "4"};
        String partitionsDone = "select count(*) from batch_step_execution where step_name like 'link-partition:%' and status = 'COMPLETED'";
        // Each connection a partition takes comes late, so that the kill falls after the first partition and before the last.
        // (Spring Batch creates the step execution of every partition at once; one thread runs them in turn.)
        try (PadanProcess p = PadanProcess.start(work, db, Map.of("padan.test.slow-stages", "link-partition", "padan.test.slow-connection-ms", "2500"), run)) {
            p.await("a completed partition", () -> Sql.longOrMinusOne(db, partitionsDone) >= 1, START);
            p.kill();
        }
        long completedBeforeKill = Sql.longValue(db, partitionsDone);
        assertThat(completedBeforeKill).as("partitions completed when killed").isBetween(1L, 3L);

        InProcess.Result resumed = InProcess.padan(db, "restart", "1", "--config", PadanProcess.CONFIG.toString());
        assertThat(resumed.exit()).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("by exact NIK in 4 partitions");

        assertThat(Sql.longValue(db, "select count(distinct step_name) from batch_step_execution where step_name like 'link-partition:%'"))
                .as("partitions").isEqualTo(4);
        assertThat(Sql.longValue(db, partitionsDone)).as("each partition completed once").isEqualTo(4);
        // The partitions not completed when killed (the one running, and those queued for the thread) were marked FAILED on
        // resume and run again; the completed ones ran once.
        assertThat(Sql.longValue(db, "select count(*) from batch_step_execution where step_name like 'link-partition:%' and status = 'FAILED'"))
                .as("partitions not completed when killed").isEqualTo(4 - completedBeforeKill);
        assertThat(Sql.longValue(db, "select count(*) from batch_step_execution where step_name like 'link-partition:%'"))
                .as("step executions of partitions").isEqualTo(4 + (4 - completedBeforeKill));
        assertThat(Sql.longValue(db, "select count(*) from (select step_name from batch_step_execution where step_name like 'link-partition:%'"
                + " group by step_name having count(*) = 1 and min(status) = 'COMPLETED') once")).as("partitions run once").isEqualTo(completedBeforeKill);
        assertThat(Sql.longValue(db, "select count(*) from padan.row_link where run_id = 1"))
                .as("no link twice").isEqualTo(Sql.longValue(db, "select count(*) from (select distinct source, record_key, target_source, target_key, method"
                        + " from padan.row_link where run_id = 1) l"));
        Published.load(db).assertSameAs(reference);

        // The history lists each partition of each attempt with its status and times.
        InProcess.Result history = InProcess.padan(db, "history", "--run", "1", "--config", PadanProcess.CONFIG.toString());
        assertThat(history.output()).contains("link-partition:p0001-of-0004", "link-partition:p0004-of-0004", "link-search");
    }
}
