package id.padan.ingest;

/**
 * One of {@code count} partitions of a run: the buckets [{@link #fromBucket()}, {@link #toBucket()}). The
 * partitions of one count cover every bucket exactly once, in near-equal ranges.
 */
public record Partition(int index, int count) {
    public Partition {
        if (count < 1 || count > RowBuckets.COUNT) throw new IllegalArgumentException("partitions must be 1.." + RowBuckets.COUNT + ", not " + count);
        if (index < 0 || index >= count) throw new IllegalArgumentException("partition " + index + " of " + count);
    }

    /** The whole run as one partition. */
    public static Partition all() {
        return new Partition(0, 1);
    }

    /** Every partition of {@code count}, in bucket order. */
    public static java.util.List<Partition> of(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> new Partition(i, count)).toList();
    }

    /** First bucket of the partition (inclusive). */
    public int fromBucket() {
        return (int) ((long) RowBuckets.COUNT * index / count);
    }

    /** Bucket after the partition's last (exclusive). */
    public int toBucket() {
        return (int) ((long) RowBuckets.COUNT * (index + 1) / count);
    }

    public boolean contains(int bucket) {
        return bucket >= fromBucket() && bucket < toBucket();
    }

    @Override
    public String toString() {
        return (index + 1) + "/" + count;
    }
}
