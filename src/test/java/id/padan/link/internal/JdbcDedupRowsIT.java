package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import id.padan.ingest.internal.JdbcStagedRun;
import id.padan.ingest.internal.Staging;
import id.padan.link.MatchMethod;
import id.padan.link.MatchSettings;
import id.padan.link.RowLink;
import id.padan.link.compare.NameComparator;
import id.padan.link.model.MatchModel;
import id.padan.standardise.StagedRow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The program rows left unlinked, written to PostgreSQL a part at a time and deduplicated block by block from there,
 * are linked exactly as when every row is held in memory: the same links (rows, targets, methods, probabilities,
 * explanations), the same pairs compared and the same comparisons skipped in oversized blocks.
 */
class JdbcDedupRowsIT {
    private static final MatchSettings SHIPPED = MatchSettings.load(java.nio.file.Path.of("config"));
    private static final TermFrequencies FREQUENCIES = new TermFrequencies(1, Map.of(), Map.of());

    @Test
    void theBlocksReadFromTheDatabaseGiveTheLinksOfTheRowsHeldInMemory() throws Exception {
        List<LinkRow> varied = ProgramRowDedupTest.varied(400, 5);
        List<StagedRow> rows = varied.stream().map(r -> r.row).toList();
        MatchModel model = ProgramRowDedupTest.modelOver(varied, new PairComparer(new NameComparator(SHIPPED.name()),
                new RegistryIndex(List.of(), FREQUENCIES), true, true));
        TestDatabase.Db db = TestDatabase.newDatabase();
        DataSource ds = db.migratedDataSource();
        Staging.write(db, 1, rows);
        Staging.write(db, 2, rows.subList(0, 100)); // another run's rows under the same keys are not this run's
        for (MatchSettings settings : List.of(SHIPPED, LeftoverSearchTest.maxBlock(6))) {
            ProbabilisticLinker held = linker(settings);
            List<RowLink> inMemory = held.deduplicateLeftover(rows, model, FREQUENCIES);

            ProbabilisticLinker streamed = linker(settings);
            JdbcDedupRows unlinked = new JdbcDedupRows(ds, new JdbcStagedRun(ds), 1);
            unlinked.clear();
            // written as the search leaves them, a part at a time and not in staging order
            for (int from = 0; from < rows.size(); from += 300) streamed.keepUnlinked(rows.subList(from, Math.min(rows.size(), from + 300)), unlinked);
            List<RowLink> fromDatabase = new java.util.ArrayList<>();
            streamed.deduplicateLeftover(unlinked, model, FREQUENCIES, fromDatabase::addAll);

            assertThat(inMemory).as("the rows hold duplicates, by NIK and without").extracting(RowLink::method)
                    .contains(MatchMethod.DEDUP_SAME_NIK, MatchMethod.DEDUP_PROBABILISTIC);
            assertThat(fromDatabase).containsExactlyInAnyOrderElementsOf(inMemory);
            assertThat(streamed.stats().get("dedup pairs compared")).isEqualTo(held.stats().get("dedup pairs compared")).isPositive();
            String skipped = "dedup " + CandidateSearch.SKIPPED_COMPARISONS;
            assertThat(streamed.stats().get(skipped)).isEqualTo(held.stats().get(skipped));
            if (settings.maxBlockSize() < SHIPPED.maxBlockSize()) assertThat(held.stats().get(skipped)).as("oversized blocks met").isPositive();

            unlinked.clear();
            try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                    "select (select count(*) from padan.dedup_row) + (select count(*) from padan.dedup_key)"
                            + " + (select count(*) from pg_tables where schemaname = 'padan' and tablename in ('dedup_staged', 'dedup_block'))")) {
                rs.next();
                assertThat(rs.getLong(1)).as("nothing left behind").isZero();
            }
        }
    }

    private static ProbabilisticLinker linker(MatchSettings settings) {
        return new ProbabilisticLinker(Rows.REGISTRY, settings, LocalDate.of(2026, 11, 30), s -> {});
    }
}
