package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many partitions the link stage splits a run into changes nothing that is published: a run with
 * {@code --partitions 8} (and 3, an uneven split of the buckets) publishes exactly the persons, ids, links and
 * findings of the same extracts linked in one, each partition a Spring Batch step execution of its own. The run in 3
 * partitions also searches its rows left over in parts of at most 5 rows (19 rows are left over) ({@code padan.link.search-rows}),
 * each a partition of step link-search-part, two at a time ({@code padan.link.threads}),
 * and the run in 8 in parts that each read at most about 20 registry rows ({@code padan.link.search-registry-rows}), which
 * changes nothing either.
 */
class PartitionCountIT {
    @TempDir
    Path work;

    @Test
    void theSameExtractsInOneOrManyPartitionsPublishTheSameResult() throws Exception {
        Published one = Extracts.reference(); // one partition: the run's own choice at this size
        for (int partitions : new int[] {8, 3}) {
            TestDatabase.Db db = TestDatabase.newDatabase();
            boolean inParts = partitions == 3;
            if (inParts) System.setProperty("padan.link.search-rows", "5");
            if (inParts) System.setProperty("padan.link.threads", "2");
            if (!inParts) System.setProperty("padan.link.search-registry-rows", "20");
            InProcess.Result r;
            try {
                r = InProcess.padan(db, "run", "--input", Extracts.input().toString(), "--as-of", Extracts.AS_OF,
                        "--out", work.resolve("out-" + partitions).toString(), "--config", PadanProcess.CONFIG.toString(), "--partitions",
                        Integer.toString(partitions));
            } finally {
                System.clearProperty("padan.link.search-rows");
                System.clearProperty("padan.link.threads");
                System.clearProperty("padan.link.search-registry-rows");
            }
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(r.output()).contains("by exact NIK in " + partitions + " partitions");
            Published.load(db).assertSameAs(one);
            long searchParts = Sql.longValue(db, "select count(*) from batch_step_execution where step_name like 'link-search-part:b%' and status = 'COMPLETED'");
            if (inParts) {
                // The search's parts are partitions of their own step, two at a time on the run's threads.
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("left for the search in ([0-9]+) parts").matcher(r.output());
                assertThat(m.find()).as(r.output()).isTrue();
                assertThat(searchParts).as("search part steps").isEqualTo(Long.parseLong(m.group(1))).isGreaterThan(2);
            } else {
                assertThat(searchParts).as("search part steps").isEqualTo(1);
                assertThat(Sql.longValue(db, "select sum(value) from padan.stage_counter where stage like 'link-search-part:%' and name = 'search parts'"))
                        .as("parts cut by the registry rows they read").isGreaterThan(3);
            }
            assertThat(Sql.longValue(db, "select count(*) from (select 1 from padan.row_link group by run_id, source, record_key, method having count(*) > 1) d"))
                    .as("no row linked twice").isZero();
            assertThat(Sql.longValue(db, "select count(*) from padan.dedup_row") + Sql.longValue(db, "select count(*) from padan.link_keyed"))
                    .as("the search's scratch given back").isZero();
            assertThat(Sql.longValue(db, "select count(*) from batch_step_execution where step_name like 'link-partition:p%-of-"
                    + String.format("%04d", partitions) + "' and status = 'COMPLETED'")).as("partition steps").isEqualTo(partitions);
        }
    }
}
