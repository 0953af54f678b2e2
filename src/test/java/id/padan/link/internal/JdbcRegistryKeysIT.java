package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import id.padan.ingest.internal.JdbcStagedRun;
import id.padan.ingest.internal.Staging;
import id.padan.link.MatchSettings;
import id.padan.link.MatchSettings.BlockingKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The registry's keys written into PostgreSQL, a registry partition at a time, answer the search as the keys of the
 * whole registry held in memory do: the same block sizes, and the same candidates for every row, also for blocks
 * larger than max-block-size, whose rows are gathered from every partition and split by what the key does not hold.
 */
class JdbcRegistryKeysIT {
    private static final String[] NAMES = {"BUDI SANTOSO", "SITI AMINAH", "AGUS SALIM", "DEWI LESTARI"};

    @Test
    void oversizedBlocksAreSplitInTheDatabaseAsInMemoryOverEveryPartitionOfTheRegistry() throws Exception {
        MatchSettings settings = LeftoverSearchTest.maxBlock(4);
        // 4 names over 120 people: every name block holds 30 rows (oversized) and is split by what its key does not hold;
        // the NIKs spread the rows over every partition of the registry
        List<LinkRow> registry = LeftoverSearchTest.namesakes(NAMES, 120, 5);
        List<LinkRow> program = LeftoverSearchTest.askingRows(registry, NAMES, 40);
        TestDatabase.Db db = TestDatabase.newDatabase();
        DataSource ds = db.migratedDataSource();
        Staging.write(db, 1, registry.stream().map(r -> r.row).toList());
        JdbcRegistryKeys inDatabase = new JdbcRegistryKeys(ds, new JdbcStagedRun(ds), 1, Rows.REGISTRY);
        new ProbabilisticLinker(Rows.REGISTRY, settings, LocalDate.of(2026, 11, 30), s -> {}).keyRegistry(inDatabase, 4);
        HeldRegistryKeys held = new HeldRegistryKeys(registry, settings);

        Map<Integer, LinkRow> byLine = new HashMap<>();
        registry.forEach(r -> byLine.put(r.row.lineNo(), r));
        Map<String, Long> heldCounters = new HashMap<>();
        Map<String, Long> dbCounters = new HashMap<>();
        Map<Integer, Set<Integer>> fromHeld = LeftoverSearchTest.candidates(program, held, byLine, settings, 30, heldCounters);
        Map<Integer, Set<Integer>> fromDatabase = LeftoverSearchTest.candidates(program, inDatabase, byLine, settings, 30, dbCounters);

        assertThat(fromDatabase).isEqualTo(fromHeld);
        assertThat(dbCounters).isEqualTo(heldCounters);
        assertThat(heldCounters.get("blocks larger than 4 split by another key")).as("oversized blocks met and split").isPositive();
        assertThat(fromHeld.values().stream().mapToInt(Set::size).sum()).as("the rows meet registry rows").isGreaterThan(program.size());
        // every part's rows gathered at once are the rows that part asked for on its own
        List<SearchParts.Part> parts = new LeftoverSearch(settings, inDatabase, program, program.stream().map(x -> (String) null).toList(), 30).parts();
        assertThat(parts).as("several parts").hasSizeGreaterThan(2);
        var gathered = inDatabase.rowsOfParts(parts);
        for (SearchParts.Part part : parts) {
            List<Integer> alone = inDatabase.rows(part.keys(), part.lines()).stream().map(r -> r.lineNo()).toList();
            assertThat(gathered.next().stream().map(r -> r.lineNo()).toList()).as("lines of a part").isNotEmpty().isEqualTo(alone);
        }
        assertThat(gathered.hasNext()).isFalse();
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select count(distinct line_no) from padan.link_block where kind = " + BlockKeys.split(BlockingKey.NAME_SORTED))) {
            rs.next();
            assertThat(rs.getInt(1)).as("split keys written for the rows of oversized blocks, from every partition").isEqualTo(registry.size());
        }
    }
}
