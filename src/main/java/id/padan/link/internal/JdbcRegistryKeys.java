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
    /** The run's registry rows, copied when the search starts so that a part reads its rows by line. */
    private static final String REGISTRY_COPY = "padan.link_registry";
    /** The scratch tables of the parts of a search, each part's named by a suffix of its own ({@link #forPart}). */
    private static final List<String> PART_TABLES = List.of("padan.link_want_", "padan.link_part_want_", "padan.link_part_line_");
    private final DataSource dataSource;
    private final StagedRun staged;
    private final long runId;
    private final String registrySource;
    /** The keys one question asks about ({@link #want}): {@code padan.link_want}, or a part's own table. */
    private final String wantTable;
    /** The registry's key rows under the keys wanted ({@link #want}). */
    private final String keyRowsWanted;
    /** The lines wanted ({@link #want}, {@link #linesUnder}). */
    private final String linesWanted;
    /** The keys and lines each part of a search asks for ({@link #rowsOfParts}): part, kind, value (a line as kind {@value #WANT_LINE}). */
    private final String partsWanted;
    /** The registry lines each part of a search reads, gathered for all its parts at once ({@link #rowsOfParts}). */
    private final String partLines;
    private final boolean partScratch;
    /** The registry's NIKs as written by {@link #add} (or read back, {@link #load}), so that only NIKs that may be there are asked about. */
    private final NikFilter niks;
    private boolean written;

    public JdbcRegistryKeys(DataSource dataSource, StagedRun staged, long runId, String registrySource) {
        this(dataSource, staged, runId, registrySource, "", new NikFilter(), false);
    }

    private JdbcRegistryKeys(DataSource dataSource, StagedRun staged, long runId, String registrySource, String suffix, NikFilter niks,
                             boolean written) {
        this.dataSource = dataSource;
        this.staged = staged;
        this.runId = runId;
        this.registrySource = registrySource;
        this.niks = niks;
        this.written = written;
        this.partScratch = !suffix.isEmpty();
        this.wantTable = partScratch ? PART_TABLES.get(0) + suffix : "padan.link_want";
        this.partsWanted = partScratch ? PART_TABLES.get(1) + suffix : "padan.link_part_want";
        this.partLines = partScratch ? PART_TABLES.get(2) + suffix : "padan.link_part_line";
        this.keyRowsWanted = "padan.link_block b join " + wantTable + " w on b.kind = w.kind and b.value = w.value";
        this.linesWanted = "select value::int from " + wantTable + " where kind = " + WANT_LINE;
    }

    /**
     * The same keys, asked by one part of a search that may run beside others (threads of a run, or workers): its
     * questions go to scratch tables of its own, named by {@code suffix} (letters, digits and underscores), which
     * {@link #dropPartScratch} removes when the part is done.
     */
    public JdbcRegistryKeys forPart(String suffix) {
        if (!suffix.matches("[a-z0-9_]+")) throw new IllegalArgumentException("not a table suffix: " + suffix);
        JdbcRegistryKeys part = new JdbcRegistryKeys(dataSource, staged, runId, registrySource, suffix, niks, written);
        part.execute("create unlogged table if not exists " + part.wantTable + " (like padan.link_want)");
        return part;
    }

    /** Removes a part's scratch tables ({@link #forPart}). */
    public void dropPartScratch() {
        if (partScratch) execute("drop table if exists " + wantTable, "drop table if exists " + partsWanted, "drop table if exists " + partLines);
    }

    /**
     * The keys a search of this run wrote ({@link #isKeyed}), as another process asks them: the registry's NIKs are
     * read back from {@code padan.link_nik} into the filter that tells which NIKs to ask about.
     */
    public static JdbcRegistryKeys load(DataSource dataSource, StagedRun staged, long runId, String registrySource) {
        JdbcRegistryKeys keys = new JdbcRegistryKeys(dataSource, staged, runId, registrySource);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("select value from padan.link_nik")) {
                ps.setFetchSize(100_000);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.niks.add(rs.getLong(1));
                        keys.written = true;
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the registry's NIKs of run " + runId + ": " + e.getMessage(), e);
        }
        return keys;
    }

    /**
     * Whether the registry's keys in the database are this run's and complete ({@link #markKeyed} was reached). A crash
     * of PostgreSQL empties the unlogged key tables and the mark with them; another run's search replaces them.
     */
    public static boolean isKeyed(DataSource dataSource, long runId) {
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement("select 1 from padan.link_keyed where run_id = ?")) {
            ps.setLong(1, runId);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the registry's keys of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Marks the keys complete for this run, once everything is written and indexed. */
    void markKeyed() {
        execute("truncate padan.link_keyed", "insert into padan.link_keyed (run_id) values (" + runId + ")");
    }

    /** Empties the tables, and the parts' scratch tables: before a search writes them, and when it is done. */
    public void clear() {
        execute("truncate padan.link_keyed", "drop index if exists padan.link_nik_value", "drop index if exists padan.link_block_key",
                "truncate padan.link_nik, padan.link_block, padan.link_want", "drop table if exists " + REGISTRY_COPY,
                "drop table if exists padan.link_part_want", "drop table if exists padan.link_part_line");
        StringBuilder like = new StringBuilder();
        for (String t : PART_TABLES) like.append(like.length() == 0 ? "" : " or ").append("tablename like '").append(t.substring("padan.".length()).replace("_", "\\_")).append("%'");
        try (Connection c = dataSource.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("select tablename from pg_tables where schemaname = 'padan' and (" + like + ")")) {
            List<String> drop = new java.util.ArrayList<>();
            while (rs.next()) drop.add("drop table if exists padan." + rs.getString(1));
            execute(c, drop.toArray(String[]::new));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the search's scratch tables of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Copies the run's registry rows, to be read by line (after {@link #clear}, before the rest). */
    void copyRegistry() {
        staged.copyByLine(runId, registrySource, REGISTRY_COPY);
    }

    /** The registry rows of a partition: all of them ({@code lineQuery} null), or those at the lines the query gives. */
    List<StagedRow> registryRows(Partition partition, String lineQuery) {
        return lineQuery == null ? staged.rows(runId, partition, registrySource) : staged.rowsAt(REGISTRY_COPY, partition, lineQuery);
    }

    /**
     * Writes these registry rows' NIKs, and of their family cards and blocking values (not what splits oversized blocks)
     * those that may be {@code asked} about ({@link Block#code}s in a Bloom filter: the keys the rows left over can ask
     * about, {@link LeftoverSearch#forEachAskedKey}). The count of every asked block is then still the whole registry's,
     * and no part's read changes. At 1,000,000 persons 36,699 rows are left over and ask about a small share of the
     * registry's ~9 million keys.
     */
    void add(List<LinkRow> rows, MatchSettings settings, NikFilter asked) {
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
                        if (!asked.mayHave(k.code())) return;
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
        execute("create index link_nik_value on padan.link_nik (value)", "create index link_block_key on padan.link_block (kind, value)");
        vacuum("padan.link_nik", "padan.link_block");
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
        execute("insert into " + wantTable + " (kind, value) select distinct " + WANT_LINE + ", b.line_no from " + keyRowsWanted,
                "analyze " + wantTable);
        return linesWanted;
    }

    /** Writes what splits the oversized blocks these registry rows are in, of it what may be {@code asked} about ({@link #add}). */
    void addSplits(List<LinkRow> rows, Set<Block> oversized, MatchSettings settings, NikFilter asked) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (CopyWriter w = new CopyWriter(c, "padan.link_block", "kind, value, line_no")) {
                for (LinkRow r : rows) {
                    BlockKeys.forEachSplit(settings, r, oversized::contains, k -> {
                        if (!asked.mayHave(k.code())) return;
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

    /** Statistics for the planner once every key is written, and the split keys' rows marked visible ({@link #vacuum}). */
    void analyze() {
        vacuum("padan.link_block");
    }

    /**
     * Vacuums and analyzes freshly written key tables. Their rows are read through the key index by every count and join
     * of the search; until a vacuum marks their pages all-visible, an index-only scan visits the table for each entry and
     * the first one also sets every row's hint bits: at 1,000,000 persons the oversized blocks' count over 6 million key
     * rows took 23.6 s after an analyze, 1.7 s after a vacuum that took 0.8 s.
     */
    private void vacuum(String... tables) {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            c.setAutoCommit(true); // VACUUM cannot run inside a transaction
            for (String t : tables) st.execute("vacuum (analyze) " + t);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the registry's keys of run " + runId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<Long, Integer> owners(Consumer<LongConsumer> wanted) {
        Map<Long, Integer> out = new HashMap<>();
        if (!written) return out; // no registry row has a NIK (or none was written by this object: it knows no NIK to ask about)
        try (Connection c = dataSource.getConnection()) {
            execute(c, "truncate " + wantTable);
            try (CopyWriter w = new CopyWriter(c, wantTable, "kind, value")) {
                wanted.accept(n -> {
                    if (!niks.mayHave(n)) return;
                    w.add(WANT_NIK).add(n);
                    w.endRow();
                });
            }
            execute(c, "analyze " + wantTable);
            try (var ps = c.prepareStatement("select n.value, max(n.line_no) from padan.link_nik n"
                    + " where n.value in (select value from " + wantTable + ") group by n.value")) {
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
             var ps = c.prepareStatement("select b.kind, b.value, count(*) from " + keyRowsWanted + " group by b.kind, b.value")) {
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
                "select b.line_no from " + keyRowsWanted + " union all " + linesWanted);
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
            execute(c, "drop table if exists " + partLines, "drop table if exists " + partsWanted,
                    "create unlogged table " + partsWanted + " (part int not null, kind smallint not null, value bigint not null)");
            try (CopyWriter w = new CopyWriter(c, partsWanted, "part, kind, value")) {
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
            execute(c, "analyze " + partsWanted,
                    "create unlogged table " + partLines + " as select w.part, b.line_no from padan.link_block b join " + partsWanted
                            + " w on b.kind = w.kind and b.value = w.value union select part, value::int from " + partsWanted
                            + " where kind = " + WANT_LINE + " order by 1, 2",
                    "create index on " + partLines + " (part)", "analyze " + partLines, "drop table " + partsWanted);
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
                return staged.rowsAt(REGISTRY_COPY, Partition.all(), "select line_no from " + partLines + " where part = " + next++);
            }
        };
    }

    /** Puts these keys and lines in the table of keys wanted (only what was there before is gone), with statistics. */
    private void want(Collection<Block> keys, Collection<Integer> lines) {
        try (Connection c = dataSource.getConnection()) {
            execute(c, "truncate " + wantTable);
            try (CopyWriter w = new CopyWriter(c, wantTable, "kind, value")) {
                for (Block k : keys) {
                    w.add(k.kind()).add(k.value());
                    w.endRow();
                }
                for (int line : lines) {
                    w.add(WANT_LINE).add(line);
                    w.endRow();
                }
            }
            execute(c, "analyze " + wantTable);
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
