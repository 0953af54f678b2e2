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
 * transaction at a time.
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
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> attempts = new ArrayList<>();
                for (int a = 0; a < 2; a++) {
                    attempts.add(two.submit(() -> {
                        together.await();
                        store.replacePartition(1, p, links, l -> p.fromBucket(), List.of(), List.of());
                        return null;
                    }));
                }
                for (Future<?> f : attempts) f.get();
                assertThat(count(db, "select count(*) from padan.row_link where run_id = 1")).as("links after round " + round).isEqualTo(links.size());
            }
        } finally {
            two.shutdownNow();
        }
    }

    private static long count(TestDatabase.Db db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
