package id.padan.ingest;

import id.padan.standardise.StagedRow;
import java.util.List;

/**
 * What ingest hands to the stages after it: the standardised rows of a run, as loaded into staging, one
 * partition at a time. Nothing is kept in a heap between stages; every call reads the rows from the
 * database, so a stage restarted in a new process sees exactly what the first attempt saw.
 */
public interface StagedRun {
    /**
     * The loaded rows of the run whose bucket ({@link RowBuckets}) is in the partition, with all their values,
     * by source (names in {@link String#compareTo} order), then by line; {@code source} null for every
     * source, else that source's rows only. Empty when there are none. Rejected rows are never among them.
     */
    List<StagedRow> rows(long runId, Partition partition, String source);

    /** Every loaded row of the run, in the order of {@link #rows(long, Partition, String)}. */
    default List<StagedRow> rows(long runId) {
        return rows(runId, Partition.all(), null);
    }

    /**
     * The loaded rows of the run that {@code keyTable} names (a table of padan's own with columns {@code run_id},
     * {@code source}, {@code record_key}), in the order of {@link #rows(long, Partition, String)}.
     */
    List<StagedRow> rowsNamedIn(long runId, String keyTable);

    /** The rows of buckets {@code fromBucket} (inclusive) to {@code toBucket} (exclusive) that {@code keyTable} names, which has a {@code bucket} column too; same order. */
    List<StagedRow> rowsNamedIn(long runId, String keyTable, int fromBucket, int toBucket);

    /**
     * Copies the loaded rows of {@code source} into a new table {@code table} of padan's own (dropped first if it
     * exists), indexed by line number, for {@link #rowsAt}: one source's rows of a run read by line, many times.
     */
    void copyByLine(long runId, String source, String table);

    /**
     * The rows of a table made by {@link #copyByLine} in the partition whose line number is among those {@code lineQuery}
     * gives (an SQL query of padan's own over its tables, one integer column), by line.
     */
    List<StagedRow> rowsAt(String table, Partition partition, String lineQuery);

    /**
     * Copies the loaded rows of the run that {@code keyTable} names (a table of padan's own with columns {@code source}
     * and {@code record_key}, for no particular run) into a new table {@code table} of padan's own (dropped first if it
     * exists), each numbered in column {@code n} from 0 in the order of {@link #rows(long, Partition, String)}, indexed
     * by source and record key, for {@link #rowsSelected}. Gives how many rows it copied.
     */
    long copyNumbered(long runId, String keyTable, String table);

    /**
     * Streams rows of a table made by {@link #copyNumbered} as a query of padan's own selects them: {@code from} is the
     * query's {@code from} and {@code where} clauses, in which the table is called {@code t}; each row is handed over
     * with its number and then the values of the {@code extra} expressions, as text (null for SQL null), in the
     * query's {@code order}. Nothing is held but the row in hand.
     */
    void rowsSelected(String from, List<String> extra, String order, java.util.function.BiConsumer<String[], StagedRow> each);

    /** How many rows the run loaded, per bucket: index b holds bucket b's count. */
    long[] bucketSizes(long runId);
}
