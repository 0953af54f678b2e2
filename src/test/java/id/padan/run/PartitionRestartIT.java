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
 * run publishes exactly what an uninterrupted run of the same extracts publishes. The same for the parts of the
 * search: the resumed run killed again after some of them completed, with every unlogged table then emptied as a crash
 * of PostgreSQL empties them (the registry's keys among them), resumes with only the parts not completed, against
 * keys it writes again.
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

        // Resumed, and killed again in the middle of the search (in parts of at most 5 rows: several parts); then what a
        // crash of PostgreSQL does: every unlogged table emptied (the registry's keys, and the mark that they are complete).
        String[] restart = {"restart", "1", "--config", PadanProcess.CONFIG.toString()};
        String partsDone = "select count(*) from batch_step_execution where step_name like 'link-search-part:%' and status = 'COMPLETED'";
        try (PadanProcess p = PadanProcess.start(work.resolve("search"), db, Map.of("padan.link.search-rows", "5",
                "padan.test.slow-stages", "link-search-part", "padan.test.slow-connection-ms", "600"), restart)) {
            p.await("a completed search part", () -> Sql.longOrMinusOne(db, partsDone) >= 1, START);
            p.kill();
        }
        long partsBeforeKill = Sql.longValue(db, partsDone);
        assertThat(Sql.longValue(db, "select count(*) from padan.link_keyed")).as("the keys were complete when killed").isOne();
        for (String unlogged : Sql.text(db, "select string_agg(oid::regclass::text, ',') from pg_class where relpersistence = 'u' and relkind = 'r'"
                + " and relnamespace = 'padan'::regnamespace").split(",")) {
            Sql.execute(db, "truncate " + unlogged);
        }

        InProcess.Result resumed;
        System.setProperty("padan.link.search-rows", "5");
        try {
            resumed = InProcess.padan(db, restart);
        } finally {
            System.clearProperty("padan.link.search-rows");
        }
        assertThat(resumed.exit()).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("by exact NIK in 4 partitions");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("left for the search in ([0-9]+) parts").matcher(resumed.output());
        assertThat(m.find()).as(resumed.output()).isTrue();
        long parts = Long.parseLong(m.group(1));
        assertThat(partsBeforeKill).as("search parts completed when killed").isBetween(1L, parts - 1);
        assertThat(Sql.longValue(db, partsDone)).as("each search part completed once").isEqualTo(parts);
        assertThat(Sql.longValue(db, "select count(*) from (select step_name from batch_step_execution where step_name like 'link-search-part:%'"
                + " group by step_name having count(*) = 1 and min(status) = 'COMPLETED') once")).as("search parts run once").isEqualTo(partsBeforeKill);

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
        assertThat(history.output()).contains("link-partition:p0001-of-0004", "link-partition:p0004-of-0004", "link-search ",
                "link-search-part:b", "link-dedup");
    }
}
