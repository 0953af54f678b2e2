package id.padan.link.internal;

import id.padan.ingest.Partition;
import id.padan.ingest.StagedRun;
import id.padan.link.MatchSettings;
import id.padan.link.MatchSettings.BlockingKey;
import id.padan.link.internal.BlockKeys.Block;
import id.padan.standardise.StagedRow;
import id.padan.store.CopyWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * The registry's keys of one run held in PostgreSQL ({@code padan.link_nik}, {@code padan.link_block}, see migration
 * V112): written once when the search starts, then asked by the search for the rows each part of it can meet, so that
 * no more of the registry is in memory than one part needs. Block sizes are counted by PostgreSQL, over the whole
 * registry. The keys that split an oversized block are written for the rows of oversized blocks only.
 */
public final class JdbcRegistryKeys implements RegistryKeys {
    private static final int WANT_LINE = 0;
    private static final int WANT_NIK = 2;
    /** The registry's key rows under the keys wanted ({@link #want}). */
    private static final String KEY_ROWS_WANTED = "padan.link_block b join padan.link_want w on b.kind = w.kind and b.value = w.value";
    /** The lines wanted ({@link #want}, {@link #linesUnder}). */
    private static final String LINES_WANTED = "select value::int from padan.link_want where kind = " + WANT_LINE;
    /** The run's registry rows, copied when the search starts so that a part reads its rows by line. */
    private static final String REGISTRY_COPY = "padan.link_registry";
    /** The keys and lines each part of a search asks for ({@link #rowsOfParts}): part, kind, value (a line as kind {@value #WANT_LINE}). */
    private static final String PARTS_WANTED = "padan.link_part_want";
    /** The registry lines each part of a search reads, gathered for all its parts at once ({@link #rowsOfParts}). */
    private static final String PART_LINES = "padan.link_part_line";
    private final DataSource dataSource;
    private final StagedRun staged;
    private final long runId;
    private final String registrySource;
    /** The registry's NIKs as written by {@link #add}, so that only NIKs that may be there are asked about. */
    private final NikFilter niks = new NikFilter();
    private boolean written;

    public JdbcRegistryKeys(DataSource dataSource, StagedRun staged, long runId, String registrySource) {
        this.dataSource = dataSource;
        this.staged = staged;
        this.runId = runId;
        this.registrySource = registrySource;
    }

    /** Empties the tables: before a search writes them (in this object: only one that has written them answers), and when it is done. */
    public void clear() {
        execute("drop index if exists padan.link_nik_value", "drop index if exists padan.link_block_key",
                "truncate padan.link_nik, padan.link_block, padan.link_want", "drop table if exists " + REGISTRY_COPY,
                "drop table if exists " + PARTS_WANTED, "drop table if exists " + PART_LINES);
    }

    /** Copies the run's registry rows, to be read by line (after {@link #clear}, before the rest). */
    void copyRegistry() {
        staged.copyByLine(runId, registrySource, REGISTRY_COPY);
    }

    /** The registry rows of a partition: all of them ({@code lineQuery} null), or those at the lines the query gives. */
    List<StagedRow> registryRows(Partition partition, String lineQuery) {
        return lineQuery == null ? staged.rows(runId, partition, registrySource) : staged.rowsAt(REGISTRY_COPY, partition, lineQuery);
    }

    /** Writes these registry rows' NIKs, family cards and blocking values (not what splits oversized blocks). */
    void add(List<LinkRow> rows, MatchSettings settings) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (CopyWriter w = new CopyWriter(c, "padan.link_nik", "value, line_no")) {
                for (LinkRow r : rows) {
                    if (r.digits == null) continue;
                    long nik = BlockKeys.nik(r.digits);
                    niks.add(nik);
                    written = true;
                    w.add(nik).add(r.row.lineNo());
                    w.endRow();
                }
            }
            try (CopyWriter w = new CopyWriter(c, "padan.link_block", "kind, value, line_no")) {
                for (LinkRow r : rows) {
                    HeldRegistryKeys.forEachKey(r, settings, false, k -> {
                        w.add(k.kind()).add(k.value()).add(r.row.lineNo());
                        w.endRow();
                    });
                }
            }
            c.commit();
        } catch (Exception e) {
            throw new IllegalStateException("cannot store the registry's keys of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Indexes the keys written, and gives the blocks of keys that are split ({@link BlockKeys#splits}) holding more than {@code maxBlock} rows. */
    Set<Block> index(MatchSettings settings) {
        execute("create index link_nik_value on padan.link_nik (value)", "create index link_block_key on padan.link_block (kind, value)",
                "analyze padan.link_nik", "analyze padan.link_block");
        StringJoiner kinds = new StringJoiner(", ");
        for (BlockingKey k : settings.blockingKeys()) if (BlockKeys.splits(k)) kinds.add(Integer.toString(BlockKeys.main(k)));
        Set<Block> out = new HashSet<>();
        if (kinds.length() == 0) return out;
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement("select kind, value from padan.link_block where kind in (" + kinds + ") group by kind, value having count(*) > ?")) {
            ps.setInt(1, settings.maxBlockSize());
            ps.setFetchSize(10_000);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Block(rs.getInt(1), rs.getLong(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the registry's blocks of run " + runId + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Asks for the lines of the rows under these keys: the query {@link #registryRows} then takes. */
    String linesUnder(Collection<Block> keys) {
        want(keys, List.of());
        // The lines are gathered once, as lines wanted: the join over the blocks' keys, asked again for each partition of
        // the registry, read the millions of key rows of the largest blocks once per partition (35 s each at 5 million
        // persons, where the gathered lines then take 3 s a partition).
        execute("insert into padan.link_want (kind, value) select distinct " + WANT_LINE + ", b.line_no from " + KEY_ROWS_WANTED,
                "analyze padan.link_want");
        return LINES_WANTED;
    }

    /** Writes what splits the oversized blocks these registry rows are in. */
    void addSplits(List<LinkRow> rows, Set<Block> oversized, MatchSettings settings) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (CopyWriter w = new CopyWriter(c, "padan.link_block", "kind, value, line_no")) {
                for (LinkRow r : rows) {
                    for (BlockingKey key : settings.blockingKeys()) {
                        if (!BlockKeys.splits(key)) continue;
                        for (String v : Blocking.values(key, r)) {
                            if (!oversized.contains(BlockKeys.main(key, v))) continue;
                            for (String s : BlockKeys.splitValues(key, r, v)) {
                                w.add(BlockKeys.split(key)).add(BlockKeys.hash(s)).add(r.row.lineNo());
                                w.endRow();
                            }
                        }
                    }
                }
            }
            c.commit();
        } catch (Exception e) {
            throw new IllegalStateException("cannot store the registry's keys of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Statistics for the planner once every key is written. */
    void analyze() {
        execute("analyze padan.link_block");
    }

    @Override
    public Map<Long, Integer> owners(Consumer<LongConsumer> wanted) {
        Map<Long, Integer> out = new HashMap<>();
        if (!written) return out; // no registry row has a NIK (or none was written by this object: it knows no NIK to ask about)
        try (Connection c = dataSource.getConnection()) {
            execute(c, "truncate padan.link_want");
            try (CopyWriter w = new CopyWriter(c, "padan.link_want", "kind, value")) {
                wanted.accept(n -> {
                    if (!niks.mayHave(n)) return;
                    w.add(WANT_NIK).add(n);
                    w.endRow();
                });
            }
            execute(c, "analyze padan.link_want");
            try (var ps = c.prepareStatement("select n.value, max(n.line_no) from padan.link_nik n"
                    + " where n.value in (select value from padan.link_want) group by n.value")) {
                ps.setFetchSize(10_000);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getLong(1), rs.getInt(2));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot look up NIKs in the registry of run " + runId + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public Map<Block, Integer> sizes(Collection<Block> keys) {
        Map<Block, Integer> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        want(keys, List.of());
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement("select b.kind, b.value, count(*) from " + KEY_ROWS_WANTED + " group by b.kind, b.value")) {
            ps.setFetchSize(10_000);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.put(new Block(rs.getInt(1), rs.getLong(2)), rs.getInt(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the registry's blocks of run " + runId + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public List<StagedRow> rows(Collection<Block> keys, Collection<Integer> lines) {
        want(keys, lines);
        return staged.rowsAt(REGISTRY_COPY, Partition.all(),
                "select b.line_no from " + KEY_ROWS_WANTED + " union all " + LINES_WANTED);
    }

    /**
     * Gathers the lines of every part in one join of the parts' keys with the registry's key rows, then reads each part's
     * rows by line when it is reached. Asked part by part ({@link #rows}), each part's join read all of
     * {@code padan.link_block} again (about 4 s a part at 1,000,000 persons, and the parts multiply with the persons a
     * kecamatan holds); the keys the parts ask for are already held by the caller, so writing them all at once holds
     * nothing more.
     */
    @Override
    public Iterator<List<StagedRow>> rowsOfParts(List<SearchParts.Part> parts) {
        try (Connection c = dataSource.getConnection()) {
            execute(c, "drop table if exists " + PART_LINES, "drop table if exists " + PARTS_WANTED,
                    "create unlogged table " + PARTS_WANTED + " (part int not null, kind smallint not null, value bigint not null)");
            try (CopyWriter w = new CopyWriter(c, PARTS_WANTED, "part, kind, value")) {
                for (int i = 0; i < parts.size(); i++) {
                    for (Block k : parts.get(i).keys()) {
                        w.add(i).add(k.kind()).add(k.value());
                        w.endRow();
                    }
                    for (int line : parts.get(i).lines()) {
                        w.add(i).add(WANT_LINE).add(line);
                        w.endRow();
                    }
                }
            }
            execute(c, "analyze " + PARTS_WANTED,
                    "create unlogged table " + PART_LINES + " as select w.part, b.line_no from padan.link_block b join " + PARTS_WANTED
                            + " w on b.kind = w.kind and b.value = w.value union select part, value::int from " + PARTS_WANTED
                            + " where kind = " + WANT_LINE + " order by 1, 2",
                    "create index on " + PART_LINES + " (part)", "analyze " + PART_LINES, "drop table " + PARTS_WANTED);
        } catch (Exception e) {
            throw new IllegalStateException("cannot ask the registry of run " + runId + " for rows: " + e.getMessage(), e);
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < parts.size();
            }

            @Override
            public List<StagedRow> next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                return staged.rowsAt(REGISTRY_COPY, Partition.all(), "select line_no from " + PART_LINES + " where part = " + next++);
            }
        };
    }

    /** Puts these keys and lines in {@code padan.link_want} (only what was there before is gone), with statistics. */
    private void want(Collection<Block> keys, Collection<Integer> lines) {
        try (Connection c = dataSource.getConnection()) {
            execute(c, "truncate padan.link_want");
            try (CopyWriter w = new CopyWriter(c, "padan.link_want", "kind, value")) {
                for (Block k : keys) {
                    w.add(k.kind()).add(k.value());
                    w.endRow();
                }
                for (int line : lines) {
                    w.add(WANT_LINE).add(line);
                    w.endRow();
                }
            }
            execute(c, "analyze padan.link_want");
        } catch (Exception e) {
            throw new IllegalStateException("cannot ask the registry of run " + runId + " for rows: " + e.getMessage(), e);
        }
    }

    private void execute(String... statements) {
        try (Connection c = dataSource.getConnection()) {
            execute(c, statements);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the registry's keys of run " + runId + ": " + e.getMessage(), e);
        }
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (var st = c.createStatement()) {
            for (String s : statements) st.execute(s);
        }
    }
}
