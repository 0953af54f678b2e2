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
            if (!inParts) System.setProperty("padan.link.search-registry-rows", "20");
            InProcess.Result r;
            try {
                r = InProcess.padan(db, "run", "--input", Extracts.input().toString(), "--as-of", Extracts.AS_OF,
                        "--out", work.resolve("out-" + partitions).toString(), "--config", PadanProcess.CONFIG.toString(), "--partitions",
                        Integer.toString(partitions));
            } finally {
                System.clearProperty("padan.link.search-rows");
                System.clearProperty("padan.link.search-registry-rows");
            }
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(r.output()).contains("by exact NIK in " + partitions + " partitions");
            if (inParts) assertThat(r.output()).containsPattern("left for the search in [0-9]+ parts");
            Published.load(db).assertSameAs(one);
            if (!inParts) {
                assertThat(Sql.longValue(db, "select value from padan.stage_counter where stage = 'link-search' and name = 'search parts'"))
                        .as("parts cut by the registry rows they read").isGreaterThan(3);
            }
            assertThat(Sql.longValue(db, "select count(*) from batch_step_execution where step_name like 'link-partition:p%-of-"
                    + String.format("%04d", partitions) + "' and status = 'COMPLETED'")).as("partition steps").isEqualTo(partitions);
        }
    }
}
