package id.padan.ingest.internal;

import id.padan.ingest.Partition;
import id.padan.ingest.RowBuckets;
import id.padan.ingest.StagedRun;
import id.padan.standardise.StagedRow;
import id.padan.store.CopyReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** {@link StagedRun} read from {@code padan.staged_row} with COPY. */
@Component
public final class JdbcStagedRun implements StagedRun {
    private final DataSource dataSource;

    public JdbcStagedRun(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<StagedRow> rows(long runId, Partition partition, String source) {
        StringBuilder where = new StringBuilder(" where run_id = ").append(runId);
        if (partition.count() > 1) where.append(" and bucket >= ").append(partition.fromBucket()).append(" and bucket < ").append(partition.toBucket());
        if (source != null) where.append(" and source = '").append(source.replace("'", "''")).append('\'');
        List<StagedRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            CopyReader.read(c, "select " + StagingTable.NAMES + " from " + StagingTable.TABLE + where + " order by source collate \"C\", line_no",
                    StagingTable.COUNT, f -> rows.add(StagingTable.read(f)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the staged rows of run " + runId + ": " + e.getMessage(), e);
        }
        return rows;
    }

    @Override
    public List<StagedRow> rowsNamedIn(long runId, String keyTable) {
        return rowsNamedIn(runId, keyTable, "");
    }

    @Override
    public List<StagedRow> rowsNamedIn(long runId, String keyTable, int fromBucket, int toBucket) {
        return rowsNamedIn(runId, keyTable, " and bucket >= " + fromBucket + " and bucket < " + toBucket);
    }

    private List<StagedRow> rowsNamedIn(long runId, String keyTable, String buckets) {
        List<StagedRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            CopyReader.read(c, "select " + StagingTable.NAMES + " from " + StagingTable.TABLE + " where run_id = " + runId + buckets
                    + " and (source, record_key) in (select source, record_key from " + keyTable + " where run_id = " + runId + buckets + ")"
                    + " order by source collate \"C\", line_no", StagingTable.COUNT, f -> rows.add(StagingTable.read(f)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the staged rows of run " + runId + " named in " + keyTable + ": " + e.getMessage(), e);
        }
        return rows;
    }

    @Override
    public void copyByLine(long runId, String source, String table) {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("drop table if exists " + table);
            st.execute("create unlogged table " + table + " as select " + StagingTable.NAMES + ", bucket from " + StagingTable.TABLE
                    + " where run_id = " + runId + " and source = '" + source.replace("'", "''") + "'");
            st.execute("create index on " + table + " (line_no)");
            st.execute("analyze " + table);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the staged rows of run " + runId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<StagedRow> rowsAt(String table, Partition partition, String lineQuery) {
        String buckets = partition.count() > 1 ? " bucket >= " + partition.fromBucket() + " and bucket < " + partition.toBucket() + " and" : "";
        List<StagedRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            CopyReader.read(c, "select " + StagingTable.NAMES + " from " + table + " where" + buckets + " line_no in (" + lineQuery + ") order by line_no",
                    StagingTable.COUNT, f -> rows.add(StagingTable.read(f)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the staged rows copied into " + table + ": " + e.getMessage(), e);
        }
        return rows;
    }

    @Override
    public long copyNumbered(long runId, String keyTable, String table) {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("drop table if exists " + table);
            st.execute("create unlogged table " + table + " as select (row_number() over (order by source collate \"C\", line_no, record_key) - 1)::int as n, "
                    + StagingTable.NAMES + " from " + StagingTable.TABLE + " where run_id = " + runId
                    + " and (source, record_key) in (select source, record_key from " + keyTable + ")");
            st.execute("create index on " + table + " (source, record_key)");
            st.execute("analyze " + table);
            try (var rs = st.executeQuery("select count(*) from " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the staged rows of run " + runId + " named in " + keyTable + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void rowsSelected(String from, List<String> extra, String order, BiConsumer<String[], StagedRow> each) {
        StringJoiner columns = new StringJoiner(", ");
        for (String name : StagingTable.NAMES.split(", ")) columns.add("t." + name);
        columns.add("t.n");
        extra.forEach(columns::add);
        int count = StagingTable.COUNT + 1 + extra.size();
        try (Connection c = dataSource.getConnection()) {
            CopyReader.read(c, "select " + columns + " from " + from + " order by " + order, count,
                    f -> each.accept(Arrays.copyOfRange(f, StagingTable.COUNT, count), StagingTable.read(f)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the staged rows from " + from + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long[] bucketSizes(long runId) {
        long[] sizes = new long[RowBuckets.COUNT];
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement("select bucket, count(*) from " + StagingTable.TABLE + " where run_id = ? group by bucket")) {
            ps.setLong(1, runId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) sizes[rs.getInt(1)] = rs.getLong(2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the staged rows of run " + runId + ": " + e.getMessage(), e);
        }
        return sizes;
    }
}
