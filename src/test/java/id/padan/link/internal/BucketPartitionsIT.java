package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import id.padan.ingest.Partition;
import id.padan.ingest.RowBuckets;
import id.padan.link.MatchMethod;
import id.padan.link.RowLink;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The run-scoped link tables are partitioned natively by bucket: a Spring Batch partition (a range of buckets) writes
 * into, and replaces, only the table partitions of its own range, and the search's links (no bucket) go apart.
 */
class BucketPartitionsIT {
    private static final Pattern TABLE_PARTITION = Pattern.compile(" on (row_link_(?:\\d\\d|search))\\b");

    @Test
    void aPartitionsOutputLandsInAndIsReplacedWithinItsOwnTablePartitions() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        LinkRunStore store = new LinkRunStore(db.migratedDataSource());
        int partitions = 8;
        for (int i = 0; i < partitions; i++) {
            Partition p = new Partition(i, partitions);
            List<RowLink> links = new ArrayList<>();
            for (int k = 0; k < 300; k++) links.add(new RowLink("PKH", i + "-" + k, "DUKCAPIL", "d" + k, MatchMethod.EXACT_NIK, 1.0, null));
            int width = p.toBucket() - p.fromBucket();
            store.replacePartition(1, p, links, l -> p.fromBucket() + Math.floorMod(l.recordKey().hashCode(), width), List.of(), List.of());
        }
        assertThat(RowBuckets.COUNT % partitions).isZero();

        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            // every table partition holds the links of exactly one Spring Batch partition's range
            for (int i = 0; i < partitions; i++) {
                Partition p = new Partition(i, partitions);
                Set<String> tables = strings(c, "select distinct tableoid::regclass::text from padan.row_link where run_id = 1 and record_key like '" + i + "-%'");
                Set<String> planned = new TreeSet<>();
                for (String line : strings(c, "explain (costs off) delete from padan.row_link where run_id = 1 and bucket >= "
                        + p.fromBucket() + " and bucket < " + p.toBucket())) {
                    Matcher m = TABLE_PARTITION.matcher(line);
                    while (m.find()) planned.add("padan." + m.group(1));
                }
                assertThat(tables).as("table partitions holding partition %d", i).hasSize(RowBuckets.COUNT / partitions / 64);
                assertThat(planned).as("table partitions the replacement of partition %d touches", i).isEqualTo(tables);
            }
            assertThat(strings(c, "select tableoid::regclass::text from padan.row_link where bucket is null")).isEmpty();
            c.createStatement().execute("insert into padan.row_link (run_id, source, record_key, target_source, target_key, method) "
                    + "values (1, 'KIP', 'x', 'DUKCAPIL', 'd', 'PROBABILISTIC')");
            assertThat(strings(c, "select tableoid::regclass::text from padan.row_link where bucket is null")).containsExactly("padan.row_link_search");
        }
    }

    private static Set<String> strings(Connection c, String sql) throws Exception {
        Set<String> out = new TreeSet<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
