package id.padan.store;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Progress of a long stage for an operator watching a run: rows done of a known total, counted from any thread,
 * and every {@link #INTERVAL_NANOS} at most one console line with the rate and an estimate of the time left
 * ({@code link      450.000 / 1.546.067 rows   45.120 rows/s   about 24 s left}). Counting is one atomic add; the
 * clock is read once per {@link #CHECK_EVERY} rows.
 */
public final class StageProgress {
    static final long INTERVAL_NANOS = 5_000_000_000L;
    static final long CHECK_EVERY = 4_096;
    /** A progress that counts nothing and says nothing. */
    public static final StageProgress NONE = new StageProgress("", 0, line -> {});
    private final String stage;
    private final long total;
    private final Consumer<String> out;
    private final AtomicLong done = new AtomicLong();
    private final long start = System.nanoTime();
    private volatile long lastPrint = start;

    StageProgress(String stage, long total, Consumer<String> out) {
        this.stage = stage;
        this.total = total;
        this.out = out;
    }

    /** {@code n} more rows done. */
    public void add(long n) {
        long before = done.getAndAdd(n);
        if (this == NONE || (before / CHECK_EVERY) == ((before + n) / CHECK_EVERY)) return;
        long now = System.nanoTime();
        long last = lastPrint;
        if (now - last < INTERVAL_NANOS) return;
        synchronized (this) {
            if (lastPrint != last) return;
            lastPrint = now;
        }
        out.accept(line(before + n, now));
    }

    String line(long rows, long now) {
        double seconds = (now - start) / 1e9;
        double rate = rows / Math.max(seconds, 1e-6);
        String left = total > rows && rate > 0 ? String.format(Locale.ROOT, "   about %,.0f s left", (total - rows) / rate) : "";
        return String.format(Locale.ROOT, "%-9s %,12d / %,d rows %,10.0f rows/s%s", stage, rows, total, rate, left);
    }

    public long done() {
        return done.get();
    }
}
