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
        ProbabilisticLinker.Leftover leftover = new ProbabilisticLinker.Leftover(program.stream().map(r -> r.row).toList(),
                program.stream().map(r -> (String) null).toList());
        new ProbabilisticLinker(Rows.REGISTRY, settings, LocalDate.of(2026, 11, 30), s -> {}).keyRegistry(inDatabase, 4, List.of(leftover));
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
        // only the keys the rows left over ask about are written (a Bloom filter may let a few others through)
        java.util.Set<BlockKeys.Block> asked = new java.util.HashSet<>();
        for (LinkRow p : program) LeftoverSearch.forEachAskedKey(settings, p, null, asked::add);
        long[] rows = {0, 0, 0}; // key rows of the registry: all (splits too), asked about (splits too), main keys asked about
        for (LinkRow r : registry) {
            HeldRegistryKeys.forEachKey(r, settings, true, k -> {
                rows[0]++;
                if (asked.contains(k)) rows[1]++;
            });
            HeldRegistryKeys.forEachKey(r, settings, false, k -> rows[2] += asked.contains(k) ? 1 : 0);
        }
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*), count(distinct line_no) filter (where kind = " + BlockKeys.split(BlockingKey.NAME_SORTED) + ") from padan.link_block")) {
            rs.next();
            assertThat(rows[1]).as("the program asks about some keys of the registry, not all").isPositive().isLessThan(rows[0]);
            assertThat(rs.getLong(1)).as("key rows written: every main key asked about, and of the splits only those asked about")
                    .isBetween(rows[2], rows[1]);
            assertThat(rs.getInt(2)).as("split keys written for the rows of oversized blocks, from every partition").isPositive();
        }
    }
}
