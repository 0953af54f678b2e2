package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed (SIGKILL of its JVM, no exception, no clean-up) in the middle of ingest, at every boundary between
 * stages and in the middle of linking, and resumed each time, publishes exactly what an uninterrupted run of the
 * same extracts publishes: the same persons (ids included), links and findings. One run, one chain of processes:
 * each resumed process is the next one killed.
 */
class RestartAfterKillIT {
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path work;

    @Test
    void aRunKilledAnywhereAndResumedPublishesWhatAnUninterruptedRunPublishes() throws Exception {
        Published reference = Extracts.reference();
        TestDatabase.Db db = TestDatabase.newDatabase();
        String[] run = {"run", "--input", Extracts.input().toString(), "--as-of", Extracts.AS_OF, "--out", work.resolve("out").toString(),
                "--config", PadanProcess.CONFIG.toString()};
        String[] restart = {"restart", "1", "--config", PadanProcess.CONFIG.toString()};

        // 1. In the middle of ingest: some sources are loaded and committed, others not yet.
        try (PadanProcess p = PadanProcess.start(work, db, Map.of("padan.test.slow-stages", "ingest", "padan.test.slow-connection-ms", "700"), run)) {
            p.await("a committed source while ingest runs", () -> Sql.longOrMinusOne(db, "select count(*) from padan.input_file") >= 1
                    && Sql.longOrMinusOne(db, "select count(*) from batch_step_execution where step_name = 'ingest' and status = 'STARTED'") == 1, START);
            p.kill();
        }
        assertThat(Sql.longValue(db, "select count(*) from padan.input_file")).as("sources loaded when killed").isBetween(1L, 3L);

        // 2. The same command again (as the next scheduled fire would) resumes the run; killed at the ingest|link boundary.
        killAt(db, run, "padan.test.pause-before-stages", "link", "pausing 60000 ms before stage link");
        assertThat(Sql.longValue(db, "select count(*) from padan.run")).as("still one run").isEqualTo(1);
        assertThat(Sql.longValue(db, "select count(*) from padan.input_file")).as("every source loaded once").isEqualTo(4);

        // 3. padan restart, killed in the middle of linking (rows read and compared, links not yet written).
        try (PadanProcess p = PadanProcess.start(work, db, Map.of("padan.test.slow-stages", "link", "padan.test.slow-connection-ms", "1500"), restart)) {
            p.awaitLine("slow connection 2 in stage link", START);
            p.kill();
        }

        // 4-7. Killed at every later boundary: link|resolve, resolve|findings, findings|publish, publish|deliver.
        for (String stage : new String[] {"resolve", "findings", "publish", "deliver"}) {
            killAt(db, restart, "padan.test.pause-before-stages", stage, "pausing 60000 ms before stage " + stage);
        }
        assertThat(Sql.longValue(db, "select count(*) from padan.run where published_at is not null")).as("published before deliver").isEqualTo(1);

        // 8. The last restart completes.
        InProcess.Result last = InProcess.padan(db, restart);
        assertThat(last.exit()).as(last.output()).isZero();
        assertThat(last.output()).contains("status COMPLETED").doesNotContain("ingest    DUKCAPIL");

        Published resumed = Published.load(db);
        resumed.assertSameAs(reference);
        assertThat(Sql.longValue(db, "select count(*) from padan.run")).isEqualTo(1);
        assertThat(Sql.text(db, "select status from padan.run")).isEqualTo("COMPLETED");
        assertThat(Sql.longValue(db, "select count(*) from batch_job_execution")).as("attempts").isEqualTo(8);
        assertThat(Sql.longValue(db, "select count(*) from batch_job_execution where status = 'FAILED' and exit_message like 'interrupted:%'"))
                .as("killed attempts recorded as interrupted").isEqualTo(7);
        assertThat(Sql.longValue(db, "select count(*) from batch_step_execution where status in ('STARTED', 'STARTING', 'UNKNOWN')"))
                .as("no step left looking alive").isZero();
        assertThat(Sql.longValue(db, "select count(*) from padan.source_record where run_id = 1"))
                .as("no row twice").isEqualTo(Sql.longValue(db, "select count(distinct (source, record_key)) from padan.source_record where run_id = 1"));

        // The history tells the story: every attempt, what stopped it, and the completed one.
        InProcess.Result history = InProcess.padan(db, "history", "--run", "1", "--config", PadanProcess.CONFIG.toString());
        assertThat(history.exit()).isZero();
        assertThat(history.output()).contains("status COMPLETED", "8. COMPLETED", "interrupted: the process running it ended");
    }

    private void killAt(TestDatabase.Db db, String[] args, String property, String stage, String line) throws Exception {
        try (PadanProcess p = PadanProcess.start(work, db, Map.of(property, stage, "padan.test.pause-ms", "60000"), args)) {
            p.awaitLine(line, START);
            p.kill();
        }
        assertThat(Sql.text(db, "select status from batch_step_execution where step_name = '" + stage + "' order by step_execution_id desc limit 1"))
                .as("stage " + stage + " had started when killed").isEqualTo("STARTED");
    }
}
