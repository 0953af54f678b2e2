package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import id.padan.ingest.Partition;
import id.padan.link.MatchMethod;
import id.padan.link.RowLink;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A partition's output replaced by two attempts at once (a request delivered twice to two workers, or handed out again
 * while the first worker was only slow) is left once, never twice: the replacements of a run's partitions are taken one
 * transaction at a time. The same for the parts of the search.
 */
class PartitionReplaceIT {
    @Test
    void twoAttemptsAtOnceLeaveThePartitionsOutputOnce() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        LinkRunStore store = new LinkRunStore(db.migratedDataSource());
        Partition p = new Partition(1, 4);
        List<RowLink> links = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) links.add(new RowLink("PKH", "k" + i, "DUKCAPIL", "d" + i, MatchMethod.EXACT_NIK, 1.0, null));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 15; round++) {
                twoAtOnce(two, () -> store.replacePartition(1, p, links, l -> p.fromBucket(), List.of(), List.of()));
                assertThat(count(db, "select count(*) from padan.row_link where run_id = 1")).as("links after round " + round).isEqualTo(links.size());
            }
        } finally {
            two.shutdownNow();
        }
    }

    /**
     * The same for a part of the search: its links, its separations and the rows it leaves for the deduplication with
     * their keys, replaced by two attempts at once, are left once; another run's output over the same buckets stays.
     */
    @Test
    void twoAttemptsAtOnceLeaveASearchPartsOutputOnce() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        LinkRunStore store = new LinkRunStore(db.migratedDataSource());
        List<LinkRow> rows = ProgramRowDedupTest.varied(300, 3);
        java.util.Map<String, Integer> bucketOf = new java.util.HashMap<>();
        for (LinkRow r : rows) bucketOf.put(LinkRunStore.rowKey(r.row.source(), r.row.recordKey()), id.padan.ingest.RowBuckets.of(r.row));
        int from = java.util.Collections.min(bucketOf.values());
        int to = java.util.Collections.max(bucketOf.values()) + 1;
        List<RowLink> links = new ArrayList<>();
        List<ProbabilisticLinker.Separation> separations = new ArrayList<>();
        for (LinkRow r : rows) {
            links.add(new RowLink(r.row.source(), r.row.recordKey(), "DUKCAPIL", "d" + r.row.recordKey(), MatchMethod.PROBABILISTIC, 0.9, null));
            separations.add(new ProbabilisticLinker.Separation(r.row.source(), r.row.recordKey(), "x" + r.row.recordKey(), false));
        }
        java.util.function.ToIntBiFunction<String, String> bucket = (source, key) -> bucketOf.get(LinkRunStore.rowKey(source, key));
        store.replaceSearchPart(2, from, to, "DUKCAPIL", links, separations, bucket, rows); // another run's, over the same buckets
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                twoAtOnce(two, () -> store.replaceSearchPart(1, from, to, "DUKCAPIL", links, separations, bucket, rows));
                for (long run : new long[] {1, 2}) {
                    String as = "run " + run + " after round " + round;
                    assertThat(count(db, "select count(*) from padan.row_link where run_id = " + run + " and search_bucket is not null")).as("links, " + as)
                            .isEqualTo(rows.size());
                    assertThat(count(db, "select count(*) from padan.link_apart where run_id = " + run)).as("separations, " + as).isEqualTo(rows.size());
                    assertThat(count(db, "select count(*) from padan.dedup_row where run_id = " + run)).as("unlinked rows, " + as).isEqualTo(rows.size());
                    assertThat(count(db, "select count(*) from padan.dedup_key where run_id = " + run)).as("their keys, " + as)
                            .isEqualTo(rows.stream().mapToLong(r -> ProgramRowDedup.keys(r).size()).sum());
                }
            }
        } finally {
            two.shutdownNow();
        }
    }

    /** Runs {@code attempt} on both threads of {@code two} at once, and waits for both. */
    private static void twoAtOnce(ExecutorService two, Runnable attempt) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<?>> attempts = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            attempts.add(two.submit(() -> {
                together.await();
                attempt.run();
                return null;
            }));
        }
        for (Future<?> f : attempts) f.get();
    }

    private static long count(TestDatabase.Db db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
