package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code padan run --remote-workers} with {@code padan worker} processes on the same database (real JVMs, killed for
 * real): the run publishes exactly what a run in one process publishes, whichever worker ran which partition, when a
 * worker is killed (SIGKILL) in the middle of a partition, and when no worker comes (the run gives up after its timeout,
 * naming the partitions, and a restart finishes them on a worker). The parts of the search go to the workers too, and a
 * worker killed in the middle of one leaves it to another. No partition's or part's output is ever applied twice.
 */
class RemoteWorkersIT {
    private static final Duration START = Duration.ofSeconds(150);
    private static final Map<String, String> WORKER = Map.of("padan.worker.poll", "PT0.2S");

    @TempDir
    Path work;

    @Test
    void twoWorkersOneKilledMidPartitionAndAFreshOnePublishWhatOneProcessPublishes() throws Exception {
        Published reference = Extracts.reference();
        TestDatabase.Db db = TestDatabase.newDatabase();
        // Worker a is slow inside a partition (each connection it takes there comes late), so that it is killed in the middle of one;
        // worker d, started once a is gone, is slow inside a part of the search and is killed in the middle of one, and b is
        // slow there too, so that d surely takes one of the parts (at most 5 rows each: several parts).
        Map<String, String> slow = Map.of("padan.worker.poll", "PT0.2S", "padan.test.slow-stages", "link-partition", "padan.test.slow-connection-ms", "1500");
        Map<String, String> slowSearch = Map.of("padan.worker.poll", "PT0.2S", "padan.test.slow-stages", "link-search-part",
                "padan.test.slow-connection-ms", "400");
        try (PadanProcess a = worker("a", db, slow)) {
            a.awaitLine("taking link partitions", START);
            try (PadanProcess run = PadanProcess.start(work.resolve("run"), db, Map.of("padan.link.remote.poll", "PT0.5S", "padan.link.search-rows", "5"),
                    runArgs());
                 PadanProcess b = worker("b", db, slowSearch)) {
                a.awaitLine("running partition", START);
                a.awaitLine("slow connection", START);
                a.kill();
                String me = InetAddress.getLocalHost().getHostName();
                String lostInSearch;
                try (PadanProcess d = worker("d", db, slowSearch)) {
                    d.awaitLine("running search part", START);
                    d.awaitLine("slow connection", START);
                    d.kill();
                    lostInSearch = me + ":" + d.pid();
                }
                try (PadanProcess c = worker("c", db, WORKER)) {
                    assertThat(run.waitFor(Duration.ofMinutes(4))).as(run.output()).isZero();
                    assertThat(run.output()).contains("by exact NIK in 4 partitions");
                    String lost = me + ":" + a.pid();
                    assertThat(b.output() + c.output()).as("the fresh workers ran the partitions, the killed one's included").contains("COMPLETED in");

                    assertThat(Sql.longValue(db, "select count(*) from batch_step_execution where step_name like 'link-partition:%'"))
                            .as("one step execution per partition: the killed worker's partition was handed out again, not failed").isEqualTo(4);
                    assertThat(Sql.longValue(db, "select count(*) from batch_step_execution where step_name like 'link-partition:%' and status = 'COMPLETED'"))
                            .isEqualTo(4);
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("left for the search in ([0-9]+) parts").matcher(run.output());
                    assertThat(m.find()).as(run.output()).isTrue();
                    long parts = Long.parseLong(m.group(1));
                    assertThat(parts).as("search parts").isGreaterThan(2);
                    assertThat(Sql.longValue(db, "select count(*) from batch_step_execution where step_name like 'link-search-part:%'"))
                            .as("one step execution per search part: the killed worker's part was handed out again, not failed").isEqualTo(parts);
                    assertThat(Sql.longValue(db, "select count(*) from batch_step_execution where step_name like 'link-search-part:%' and status = 'COMPLETED'"))
                            .isEqualTo(parts);
                    assertNothingTwice(db);
                    Published.load(db).assertSameAs(reference);

                    InProcess.Result history = InProcess.padan(db, "history", "--run", "1", "--config", PadanProcess.CONFIG.toString());
                    assertThat(history.output()).contains("taken before by " + lost, "taken before by " + lostInSearch)
                            .containsAnyOf("worker " + me + ":" + b.pid(), "worker " + me + ":" + c.pid());
                    assertThat(history.output()).doesNotContain("worker " + lost + " ").doesNotContain("worker " + lostInSearch + " ");
                    assertThat(history.output().lines().filter(l -> l.contains("link-search-part:b") && l.contains("COMPLETED")
                            && (l.contains("worker " + me + ":" + b.pid()) || l.contains("worker " + me + ":" + c.pid()))).count())
                            .as("each search part ran on a worker, named in the history").isEqualTo(parts);

                    // SIGTERM: a worker with nothing in hand stops cleanly.
                    assertThat(b.stop(Duration.ofSeconds(60))).isIn(0, 143);
                    assertThat(b.output()).contains("stopped after");
                }
            }
        }
    }

    @Test
    void aWorkerKilledAfterTakingARequestAndBeforeStartingItsPartitionLeavesItToAnother() throws Exception {
        Published reference = Extracts.reference();
        TestDatabase.Db db = TestDatabase.newDatabase();
        // Worker a takes a request, records itself in the partition and waits there, before the partition starts: the
        // request is gone from the channel and the partition is still STARTING when a is killed.
        Map<String, String> stalls = Map.of("padan.worker.poll", "PT0.2S", "padan.test.pause-before-stages", "taken:link-partition",
                "padan.test.pause-ms", "600000");
        try (PadanProcess a = worker("a", db, stalls)) {
            a.awaitLine("taking link partitions", START);
            // a timeout, so that a run that never hands the partition out again fails instead of waiting for 6 h
            try (PadanProcess run = PadanProcess.start(work.resolve("run"), db, Map.of("padan.link.remote.poll", "PT0.5S",
                    "padan.link.remote.timeout", "PT3M"), runArgs())) {
                String taken = a.awaitLine("running partition", START);
                a.awaitLine("after taking a request of link-partition", START);
                a.kill();
                String partition = taken.substring(taken.indexOf("running partition ") + "running partition ".length(), taken.indexOf(" of run"));
                try (PadanProcess c = worker("c", db, WORKER)) {
                    assertThat(run.waitFor(Duration.ofMinutes(5))).as(run.output()).isZero();
                    assertThat(run.output()).contains("after taking link-partition " + partition);
                    assertThat(c.output()).contains("running partition " + partition);
                }
                assertThat(Sql.longValue(db, "select count(*) from batch_step_execution where step_name like 'link-partition:%' and status = 'COMPLETED'"))
                        .as("one step execution per partition, each completed").isEqualTo(4);
                assertThat(Sql.longValue(db, "select count(*) from batch_step_execution where step_name like 'link-partition:%'")).isEqualTo(4);
                InProcess.Result history = InProcess.padan(db, "history", "--run", "1", "--config", PadanProcess.CONFIG.toString());
                assertThat(history.output()).contains("taken before by " + InetAddress.getLocalHost().getHostName() + ":" + a.pid());
                assertNothingTwice(db);
                Published.load(db).assertSameAs(reference);
            }
        }
    }

    @Test
    void withNoWorkerTheRunStopsAfterItsTimeoutNamingThePartitionsAndARestartFinishesThemOnAWorker() throws Exception {
        Published reference = Extracts.reference();
        TestDatabase.Db db = TestDatabase.newDatabase();
        try (PadanProcess run = PadanProcess.start(work.resolve("run"), db, Map.of("padan.link.remote.poll", "PT0.5S", "padan.link.remote.timeout", "PT3S"),
                runArgs())) {
            assertThat(run.waitFor(Duration.ofMinutes(3))).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("4 of 4 link partitions not done by a worker within 3 s: p0001-of-0004 (taken by no worker), ",
                    "p0004-of-0004 (taken by no worker)", "padan restart 1");
        }
        assertThat(Sql.longValue(db, "select count(*) from batch_step_execution where step_name like 'link-partition:%' and status = 'FAILED'"))
                .as("partitions given up, so that a restart runs them again").isEqualTo(4);

        // Worker w is slow inside a partition, so that SIGTERM comes while it holds one: it finishes that partition, then stops.
        Map<String, String> slow = Map.of("padan.worker.poll", "PT0.2S", "padan.test.slow-stages", "link-partition", "padan.test.slow-connection-ms", "700");
        try (PadanProcess w = worker("w", db, slow)) {
            w.awaitLine("taking link partitions", START);
            try (PadanProcess restart = PadanProcess.start(work.resolve("restart"), db, Map.of("padan.link.remote.poll", "PT0.5S"),
                    "restart", "1", "--config", PadanProcess.CONFIG.toString())) {
                String taken = w.awaitLine("running partition", START);
                w.awaitLine("slow connection", START);
                w.stop(Duration.ofMinutes(2));
                String partition = taken.substring(taken.indexOf("running ") + "running ".length());
                assertThat(w.output()).as("the partition in hand is finished").contains(partition + " COMPLETED in").contains("stopped after 1 partition(s)");
                // The first attempt's requests were still on the channel: the worker took them and left them, their partitions being given up.
                assertThat(w.output()).contains("is FAILED already; request dropped");
                try (PadanProcess w2 = worker("w2", db, WORKER)) {
                    assertThat(restart.waitFor(Duration.ofMinutes(4))).as(restart.output()).isZero();
                }
            }
        }
        assertThat(Sql.longValue(db, "select count(*) from batch_step_execution where step_name like 'link-partition:%' and status = 'COMPLETED'"))
                .isEqualTo(4);
        assertNothingTwice(db);
        Published.load(db).assertSameAs(reference);
    }

    private String[] runArgs() throws Exception {
        return new String[] {"run", "--input", Extracts.input().toString(), "--as-of", Extracts.AS_OF, "--out", work.resolve("out").toString(),
                "--config", PadanProcess.CONFIG.toString(), "--partitions", "4", "--remote-workers"};
    }

    private PadanProcess worker(String name, TestDatabase.Db db, Map<String, String> properties) throws Exception {
        return PadanProcess.start(work.resolve(name), db, properties, "worker", "--config", PadanProcess.CONFIG.toString());
    }

    /** Each partition's and search part's output once: no link, no left-over row, no separation and no row for the deduplication stored twice. */
    private static void assertNothingTwice(TestDatabase.Db db) {
        assertThat(Sql.longValue(db, "select count(*) from padan.row_link where run_id = 1"))
                .as("no link twice").isEqualTo(Sql.longValue(db, "select count(*) from (select distinct source, record_key, target_source, target_key, method"
                        + " from padan.row_link where run_id = 1) l"));
        assertThat(Sql.longValue(db, "select count(*) from padan.link_leftover where run_id = 1"))
                .as("no left-over row twice").isEqualTo(Sql.longValue(db, "select count(*) from (select distinct source, record_key"
                        + " from padan.link_leftover where run_id = 1) l"));
        assertThat(Sql.longValue(db, "select count(*) from padan.link_apart where run_id = 1"))
                .as("no separation twice").isEqualTo(Sql.longValue(db, "select count(*) from (select distinct source, record_key, target_key"
                        + " from padan.link_apart where run_id = 1) l"));
        assertThat(Sql.longValue(db, "select count(*) from padan.row_link where run_id = 1 and search_bucket is not null"))
                .as("the search's links are its parts'").isPositive();
    }
}
