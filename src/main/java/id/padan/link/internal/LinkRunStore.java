package id.padan.link.internal;

import id.padan.ingest.Partition;
import id.padan.ingest.RowBuckets;
import id.padan.link.RowLink;
import id.padan.link.model.MatchModel;
import id.padan.store.CopyWriter;
import id.padan.standardise.StagedRow;
import id.padan.store.RunTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * What the link stage keeps of a run in the database: its matching model ({@code padan.run_model}), its
 * links ({@code padan.row_link}), the rows its partitions left for the search ({@code padan.link_leftover}), and the registry's term frequencies it counts there.
 */
@Component
public final class LinkRunStore {
    private static final String LINK_COLUMNS = "run_id, source, record_key, target_source, target_key, method, score, explanation";
    private final DataSource dataSource;

    public LinkRunStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The model stored for the run, if an attempt of its link stage estimated one. */
    public Optional<MatchModel> model(long runId) {
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement("select model from padan.run_model where run_id = ?")) {
            ps.setLong(1, runId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(MatchModel.fromText(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the model of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Stores the run's model; the run's model is then the one read back from here, whoever estimated it. */
    public MatchModel keepModel(long runId, MatchModel model, long sampleRows) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            RunTables.clear(c, runId, "padan.run_model");
            try (var ps = c.prepareStatement("insert into padan.run_model (run_id, model, sample_rows) values (?, ?, ?)")) {
                ps.setLong(1, runId);
                ps.setString(2, model.toText());
                ps.setLong(3, sampleRows);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the model of run " + runId + ": " + e.getMessage(), e);
        }
        return model(runId).orElseThrow();
    }

    /** Removes the run's links, before an attempt of the link stage writes them again. */
    public void clearLinks(long runId) {
        try (Connection c = dataSource.getConnection()) {
            RunTables.clear(c, runId, "padan.row_link", "padan.link_apart");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the links of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Second key of the transaction lock (run id, this) under which a partition's output is replaced. */
    static final int REPLACE_LOCK = 1_000_000;

    /**
     * Replaces what one partition of the link stage wrote for the run (its exact-NIK links and the rows it left for the
     * search, found by the bucket of their row), in one transaction: a partition run twice leaves its output once.
     * {@code bucketOf} gives the bucket of a link's row; {@code leftover} and {@code ownerKks} are parallel lists.
     */
    public void replacePartition(long runId, Partition partition, Collection<RowLink> links, java.util.function.ToIntFunction<RowLink> bucketOf,
                                 List<StagedRow> leftover, List<String> ownerKks) {
        try (Connection c = dataSource.getConnection()) {
            startReplacing(c, runId, partition.fromBucket(), partition.toBucket(), "delete from padan.row_link where run_id = ? and bucket >= ? and bucket < ?",
                    "delete from padan.link_leftover where run_id = ? and bucket >= ? and bucket < ?");
            try (CopyWriter w = new CopyWriter(c, "padan.row_link", LINK_COLUMNS + ", bucket")) {
                for (RowLink l : links) {
                    w.add(runId).add(l.source()).add(l.recordKey()).add(l.targetSource()).add(l.targetKey()).add(l.method().name())
                            .add(l.score()).add(l.explanation()).add(bucketOf.applyAsInt(l));
                    w.endRow();
                }
            }
            try (CopyWriter w = new CopyWriter(c, "padan.link_leftover", "run_id, bucket, source, record_key, owner_kk")) {
                for (int i = 0; i < leftover.size(); i++) {
                    StagedRow r = leftover.get(i);
                    w.add(runId).add(RowBuckets.of(r)).add(r.source()).add(r.recordKey()).add(ownerKks.get(i));
                    w.endRow();
                }
            }
            c.commit();
        } catch (Exception e) {
            throw new IllegalStateException("cannot store partition " + partition + " of the links of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces what one part of the search over the rows left over wrote for the run (the rows left over in buckets
     * {@code fromBucket} to {@code toBucket}, exclusive), in one transaction: its links ({@code row_link.search_bucket}),
     * the reviewers' separations it applied ({@code link_apart.bucket}) and the rows it left unlinked with their keys
     * ({@code dedup_row}, {@code dedup_key}), each found by the bucket of its row ({@code bucketOf}: source, record key).
     * A part run twice, or two attempts at it overlapping, leave its output once.
     */
    void replaceSearchPart(long runId, int fromBucket, int toBucket, String registrySource, Collection<RowLink> links,
                           Collection<ProbabilisticLinker.Separation> separations, java.util.function.ToIntBiFunction<String, String> bucketOf,
                           List<LinkRow> unlinked) {
        try (Connection c = dataSource.getConnection()) {
            startReplacing(c, runId, fromBucket, toBucket,
                    "delete from padan.row_link where run_id = ? and bucket is null and search_bucket >= ? and search_bucket < ?",
                    "delete from padan.link_apart where run_id = ? and bucket >= ? and bucket < ?",
                    "delete from padan.dedup_row where run_id = ? and bucket >= ? and bucket < ?",
                    "delete from padan.dedup_key where run_id = ? and bucket >= ? and bucket < ?");
            try (CopyWriter w = new CopyWriter(c, "padan.row_link", LINK_COLUMNS + ", search_bucket")) {
                for (RowLink l : links) {
                    w.add(runId).add(l.source()).add(l.recordKey()).add(l.targetSource()).add(l.targetKey()).add(l.method().name())
                            .add(l.score()).add(l.explanation()).add(bucketOf.applyAsInt(l.source(), l.recordKey()));
                    w.endRow();
                }
            }
            try (CopyWriter w = new CopyWriter(c, "padan.link_apart", "run_id, source, record_key, target_source, target_key, model_linked, bucket")) {
                for (ProbabilisticLinker.Separation s : separations) {
                    w.add(runId).add(s.source()).add(s.recordKey()).add(registrySource).add(s.registryKey()).add(s.modelLinked())
                            .add(bucketOf.applyAsInt(s.source(), s.recordKey()));
                    w.endRow();
                }
            }
            JdbcDedupRows.write(c, runId, unlinked);
            c.commit();
        } catch (Exception e) {
            throw new IllegalStateException("cannot store the search over buckets " + fromBucket + ".." + (toBucket - 1) + " of run " + runId + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Begins replacing the output of a range of buckets on {@code c}: its transaction, the replace lock, and {@code deletes}
     * (each taking run id, first bucket, bucket past the last). Two attempts at the same partition may overlap (a request
     * delivered twice, a worker presumed dead that was only slow): they replace the run's partitions one transaction at a
     * time, so the second deletes what the first wrote instead of missing it and adding its own beside it.
     */
    private static void startReplacing(Connection c, long runId, int fromBucket, int toBucket, String... deletes) throws SQLException {
        c.setAutoCommit(false);
        try (var ps = c.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, (int) runId);
            ps.setInt(2, REPLACE_LOCK);
            ps.executeQuery().close();
        }
        for (String delete : deletes) {
            try (var ps = c.prepareStatement(delete)) {
                ps.setLong(1, runId);
                ps.setInt(2, fromBucket);
                ps.setInt(3, toBucket);
                ps.executeUpdate();
            }
        }
    }

    /** Removes the links of the deduplication of the rows the search left unlinked, before an attempt of it writes them again. */
    public void clearDedupLinks(long runId) {
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement("delete from padan.row_link where run_id = ? and bucket is null and search_bucket is null")) {
            ps.setLong(1, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the links of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** The table naming the rows the partitions left for the search (for {@code StagedRun#rowsNamedIn}). */
    public static final String LEFTOVER_TABLE = "padan.link_leftover";

    /** Buckets {@code fromBucket} (inclusive) to {@code toBucket} (exclusive) and the rows left over in them. */
    public record BucketRange(int fromBucket, int toBucket, long rows) {}

    /**
     * The rows left over, cut into ranges of whole buckets of at most {@code maxRows} rows each (a bucket holding
     * more is a range of its own), in bucket order; empty when nothing was left over.
     */
    public List<BucketRange> leftoverChunks(long runId, int maxRows) {
        List<BucketRange> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement("select bucket, count(*) from padan.link_leftover where run_id = ? group by bucket order by bucket")) {
            ps.setLong(1, runId);
            try (var rs = ps.executeQuery()) {
                int from = -1;
                int last = -1;
                long rows = 0;
                while (rs.next()) {
                    int bucket = rs.getInt(1);
                    long n = rs.getLong(2);
                    if (from >= 0 && rows + n > maxRows) {
                        out.add(new BucketRange(from, last + 1, rows));
                        from = -1;
                        rows = 0;
                    }
                    if (from < 0) from = bucket;
                    last = bucket;
                    rows += n;
                }
                if (from >= 0) out.add(new BucketRange(from, last + 1, rows));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows left over in run " + runId + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The family card of the NIK owner of each row left over in buckets {@code from} to {@code to} (exclusive), as its
     * partition found it, by {@link #rowKey} of the row; rows whose NIK has no owner in their partition are left out.
     */
    public Map<String, String> leftoverOwnerKks(long runId, int fromBucket, int toBucket) {
        Map<String, String> kks = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement("select source, record_key, owner_kk from padan.link_leftover where run_id = ? and bucket >= ? and bucket < ? and owner_kk is not null")) {
            ps.setLong(1, runId);
            ps.setInt(2, fromBucket);
            ps.setInt(3, toBucket);
            ps.setFetchSize(10_000);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) kks.put(rowKey(rs.getString(1), rs.getString(2)), rs.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rows left over in run " + runId + ": " + e.getMessage(), e);
        }
        return kks;
    }

    /** A row's source and record key as one string. */
    public static String rowKey(String source, String recordKey) {
        return source + '\u0000' + recordKey;
    }

    /** Exact-NIK links the partitions stored for the run. */
    public long partitionLinks(long runId) {
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement("select count(*) from padan.row_link where run_id = ? and bucket is not null")) {
            ps.setLong(1, runId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the links of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Adds links of the run with COPY, in one transaction. */
    public void addLinks(long runId, Collection<RowLink> links) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (CopyWriter w = new CopyWriter(c, "padan.row_link", LINK_COLUMNS)) {
                for (RowLink l : links) {
                    w.add(runId).add(l.source()).add(l.recordKey()).add(l.targetSource()).add(l.targetKey()).add(l.method().name())
                            .add(l.score()).add(l.explanation());
                    w.endRow();
                }
            }
            c.commit();
        } catch (Exception e) {
            throw new IllegalStateException("cannot store the links of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The registry's term frequencies over the whole run: rows per name key (for the keys some program row
     * carries) and per valid birth date, counted by PostgreSQL.
     */
    public TermFrequencies frequencies(long runId, String registrySource) {
        Map<String, Integer> names = new HashMap<>();
        Map<LocalDate, Integer> dates = new HashMap<>();
        long registryRows;
        try (Connection c = dataSource.getConnection()) {
            try (var ps = c.prepareStatement("select count(*) from padan.staged_row where run_id = ? and source = ?")) {
                ps.setLong(1, runId);
                ps.setString(2, registrySource);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    registryRows = rs.getLong(1);
                }
            }
            try (var ps = c.prepareStatement("""
                    select name_key, count(*) from padan.staged_row
                    where run_id = ? and source = ? and name_key is not null
                      and name_key in (select name_key from padan.staged_row where run_id = ? and source <> ? and name_key is not null)
                    group by name_key""")) {
                ps.setLong(1, runId);
                ps.setString(2, registrySource);
                ps.setLong(3, runId);
                ps.setString(4, registrySource);
                ps.setFetchSize(50_000);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) names.put(rs.getString(1), rs.getInt(2));
                }
            }
            try (var ps = c.prepareStatement("""
                    select birth_date, count(*) from padan.staged_row
                    where run_id = ? and source = ? and birth_date_status = 'OK' and birth_date is not null group by birth_date""")) {
                ps.setLong(1, runId);
                ps.setString(2, registrySource);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) dates.put(rs.getObject(1, LocalDate.class), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the term frequencies of run " + runId + ": " + e.getMessage(), e);
        }
        return new TermFrequencies(registryRows, names, dates);
    }
}
