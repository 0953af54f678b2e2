package id.padan.store;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * Replaces a run's rows of one table with a list of values, COPYing it in {@code parts} slices at once,
 * each on its own connection and in its own transaction: PostgreSQL parses each COPY in one backend,
 * so slices in parallel use the machine's cores. The run's old rows are removed first. A failure part-way
 * leaves some slices written; the stage that called this is then run again whole, and replaces them.
 */
public final class ParallelCopy {
    private ParallelCopy() {}

    public static <T> void replace(DataSource dataSource, long runId, String table, String columns, List<T> values, int parts,
                                   BiConsumer<CopyWriter, T> row) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            RunTables.clear(c, runId, table);
        }
        int n = Math.max(1, Math.min(parts, values.size()));
        if (n == 1) {
            copy(dataSource, table, columns, values, row);   // one slice: no thread of its own
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<?>> slices = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                List<T> slice = values.subList(values.size() * p / n, values.size() * (p + 1) / n);
                slices.add(pool.submit(() -> {
                    copy(dataSource, table, columns, slice, row);
                    return null;
                }));
            }
            for (Future<?> f : slices) f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** COPYs {@code values} on a connection of its own, in one transaction. */
    private static <T> void copy(DataSource dataSource, String table, String columns, List<T> values,
                                 BiConsumer<CopyWriter, T> row) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (CopyWriter w = new CopyWriter(c, table, columns)) {
                for (T v : values) {
                    row.accept(w, v);
                    w.endRow();
                }
            }
            c.commit();
        }
    }
}
