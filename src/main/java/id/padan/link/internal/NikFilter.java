package id.padan.link.internal;

import id.padan.ingest.RowBuckets;

/**
 * A Bloom filter over the registry's NIK numbers ({@link BlockKeys#nik}) of a fixed 16 MB, whatever the registry's
 * size: it says that a NIK is surely not in the registry, or that it may be. The search asks PostgreSQL only about the
 * repairs of a NIK the filter lets through (nearly all of the ~150 repairs of a NIK are not anyone's), so the answer
 * is the same and a few hundred thousand rows go to the database instead of tens of millions. With 5 million registry
 * NIKs about 0.6 % of the NIKs asked about pass without being there; with more it lets more through, never fewer.
 */
final class NikFilter {
    private static final int BITS_LOG2 = 27;
    private final int bitsLog2;
    private final long[] bits;

    /** The registry's filter: 16 MB. */
    NikFilter() {
        this(BITS_LOG2);
    }

    private NikFilter(int bitsLog2) {
        this.bitsLog2 = bitsLog2;
        this.bits = new long[1 << (bitsLog2 - 6)];
    }

    /**
     * A filter for about {@code expected} NIKs held in memory anyway (an index's NIK owners), of 16 to 32 bits a NIK (at
     * least 8 KB), so that the ~150 repairs of a row's NIK are looked up in the index only when they may be there.
     */
    static NikFilter sized(int expected) {
        int log2 = 16;
        while (log2 < BITS_LOG2 && (1L << log2) < 16L * expected) log2++;
        return new NikFilter(log2);
    }

    void add(long nik) {
        long h = RowBuckets.mix(nik);
        set((int) (h >>> (64 - bitsLog2)));
        set((int) (h & ((1L << bitsLog2) - 1)));
    }

    /** False when no NIK added has this number. */
    boolean mayHave(long nik) {
        long h = RowBuckets.mix(nik);
        return get((int) (h >>> (64 - bitsLog2))) && get((int) (h & ((1L << bitsLog2) - 1)));
    }

    private void set(int bit) {
        bits[bit >>> 6] |= 1L << (bit & 63);
    }

    private boolean get(int bit) {
        return (bits[bit >>> 6] & 1L << (bit & 63)) != 0;
    }
}
