package id.padan.link.internal;

import id.padan.ingest.RowBuckets;
import id.padan.ingest.StagedRun;
import id.padan.link.internal.ProgramRowDedup.Member;
import id.padan.standardise.StagedRow;
import id.padan.store.CopyWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * The program rows the search of a run leaves unlinked, held in PostgreSQL for their deduplication
 * ({@code padan.dedup_row}, {@code padan.dedup_key}, see migrations V122, V123): each part of the search writes the rows it
 * leaves and their keys ({@link ProgramRowDedup#keys}), with the run and the row's bucket, replacing what an earlier
 * attempt at the part wrote ({@link LinkRunStore}); then the run's blocks are read back one at a time, in key order,
 * each block's rows read with it. Block sizes are counted by PostgreSQL; blocks of one row are never read, blocks larger
 * than {@code max-block-size} only counted; the rows of the links found are read again a batch at a time. What is
 * held is one block (at most {@code max-block-size} rows) or one batch of rows, whatever the number of rows.
 */
public final class JdbcDedupRows {
    /** The rows written, copied from staging and numbered in staging order (source, then line): the order that decides the earliest row. */
    private static final String NUMBERED = "padan.dedup_staged";
    /** The keys held by two rows or more, with the number of rows under each. */
    private static final String BLOCKS = "padan.dedup_block";
    private final DataSource dataSource;
    private final StagedRun staged;
    private final long runId;

    public JdbcDedupRows(DataSource dataSource, StagedRun staged, long runId) {
        this.dataSource = dataSource;
        this.staged = staged;
        this.runId = runId;
    }

    /** Removes the run's rows and the deduplication's own tables: once the deduplication's links are stored. */
    public void clear() {
        execute("delete from padan.dedup_row where run_id = " + runId, "delete from padan.dedup_key where run_id = " + runId);
        dropScratch();
    }

    /** Removes the deduplication's own tables (the numbered rows, the block sizes), which it makes again when it runs. */
    public void dropScratch() {
        execute("drop table if exists " + NUMBERED, "drop table if exists " + BLOCKS);
    }

    /** Writes these rows (the search's unlinked rows of one part) and their keys. */
    void add(List<LinkRow> rows) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            write(c, runId, rows);
            c.commit();
        } catch (Exception e) {
            throw new IllegalStateException("cannot store the unlinked rows of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Writes rows of the run and their keys on {@code c}, in its transaction, each with its bucket. */
    static void write(Connection c, long runId, List<LinkRow> rows) throws Exception {
        try (CopyWriter w = new CopyWriter(c, "padan.dedup_row", "run_id, bucket, source, record_key")) {
            for (LinkRow r : rows) {
                w.add(runId).add(RowBuckets.of(r.row)).add(r.row.source()).add(r.row.recordKey());
                w.endRow();
            }
        }
        try (CopyWriter w = new CopyWriter(c, "padan.dedup_key", "run_id, bucket, key, source, record_key")) {
            for (LinkRow r : rows) {
                int bucket = RowBuckets.of(r.row);
                for (String k : ProgramRowDedup.keys(r)) {
                    w.add(runId).add(bucket).add(k).add(r.row.source()).add(r.row.recordKey());
                    w.endRow();
                }
            }
        }
    }

    /** Numbers the rows written, in staging order, and counts the blocks; gives how many rows there are. */
    long number() {
        long rows = staged.copyNumbered(runId, "padan.dedup_row where run_id = " + runId, NUMBERED);
        execute("drop table if exists " + BLOCKS, "analyze padan.dedup_key",
                "create unlogged table " + BLOCKS + " as select key, count(*)::int as size from padan.dedup_key where run_id = " + runId
                        + " group by key having count(*) > 1",
                "analyze " + BLOCKS);
        return rows;
    }

    /** A row as the deduplication compares it, from its staged row and its number. */
    interface Features {
        LinkRow of(int number, StagedRow row);
    }

    /** The blocks of the rows written (after {@link #number}), read from the database one at a time. */
    ProgramRowDedup.Blocks blocks(int maxBlockSize, Features features) {
        return new ProgramRowDedup.Blocks() {
            @Override
            public void forEach(BiConsumer<String, List<Member>> each) {
                // each row of a block comes with its keys whose blocks are oversized, so that a pair's block is known from its two rows
                String oversized = "(select k2.source, k2.record_key, string_agg(k2.key, E'\\n') as keys from padan.dedup_key k2 join "
                        + BLOCKS + " b2 on b2.key = k2.key and b2.size > " + maxBlockSize + " where k2.run_id = " + runId
                        + " group by k2.source, k2.record_key)";
                String from = "padan.dedup_key k join " + BLOCKS + " b on b.key = k.key and b.size <= " + maxBlockSize
                        + " join " + NUMBERED + " t on t.source = k.source and t.record_key = k.record_key"
                        + " left join " + oversized + " o on o.source = k.source and o.record_key = k.record_key"
                        + " where k.run_id = " + runId;
                List<Member> block = new ArrayList<>();
                String[] key = {null};
                staged.rowsSelected(from, List.of("k.key", "o.keys"), "k.key collate \"C\", t.n", (values, row) -> {
                    if (key[0] != null && !key[0].equals(values[1])) {
                        each.accept(key[0], block);
                        block.clear();
                    }
                    key[0] = values[1];
                    LinkRow r = features.of(Integer.parseInt(values[0]), row);
                    List<String> keys = ProgramRowDedup.keys(r);
                    if (values[2] != null) {
                        Set<String> out = Set.of(values[2].split("\n"));
                        keys = keys.stream().filter(k -> !out.contains(k)).toList();
                    }
                    block.add(new Member(r, keys));
                });
                if (key[0] != null) each.accept(key[0], block);
            }

            @Override
            public Map<Integer, LinkRow> rows(int[] numbers) {
                Map<Integer, LinkRow> out = new HashMap<>();
                if (numbers.length == 0) return out;
                StringJoiner in = new StringJoiner(", ", NUMBERED + " t where t.n in (", ")");
                for (int n : numbers) in.add(Integer.toString(n));
                staged.rowsSelected(in.toString(), List.of(), "t.n", (values, row) -> {
                    int n = Integer.parseInt(values[0]);
                    out.put(n, features.of(n, row));
                });
                return out;
            }

            @Override
            public long skippedComparisons() {
                long pairs = 0;
                try (Connection c = dataSource.getConnection();
                     var ps = c.prepareStatement("select size from " + BLOCKS + " where size > ?")) {
                    ps.setInt(1, maxBlockSize);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) pairs += (long) rs.getInt(1) * (rs.getInt(1) - 1) / 2;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot count the blocks of the unlinked rows of run " + runId + ": " + e.getMessage(), e);
                }
                return pairs;
            }
        };
    }

    private void execute(String... statements) {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            for (String s : statements) st.execute(s);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the unlinked rows of run " + runId + ": " + e.getMessage(), e);
        }
    }
}
