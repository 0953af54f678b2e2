package id.padan.ingest;

/**
 * Which bucket a staged row belongs to: a hash of its cleaned NIK, so that every row carrying the same NIK
 * (the registry's and every program's, well-formed or not) falls into the same bucket and an exact-NIK
 * owner is always in its row's partition; a row without a usable NIK gets a hash of its source and record
 * key. Hashing all 16 digits (serial number included) keeps buckets even however the rows are spread over
 * regions. A run's rows are split into {@link #COUNT} buckets; a {@link Partition} is a range of them.
 */
public final class RowBuckets {
    /** Buckets of every run: fixed, so a row's bucket does not depend on how many partitions a run uses. */
    public static final int COUNT = 1024;

    private RowBuckets() {}

    /** The bucket, in [0, {@link #COUNT}), of a row with this cleaned NIK (null when it has no usable one) and record identity. */
    public static int of(String nik, String source, String recordKey) {
        long h;
        if (nik != null && nik.length() == 16 && digitsOnly(nik)) {
            h = Long.parseLong(nik);
        } else if (nik != null) {
            h = nik.hashCode() * 0x9E3779B97F4A7C15L;
        } else {
            h = ((long) source.hashCode() << 32) ^ (recordKey == null ? 0 : recordKey.hashCode() & 0xffffffffL);
        }
        return (int) Long.remainderUnsigned(mix(h), COUNT);
    }

    /** The bucket of a standardised row, as ingest gives it when it stages the row. */
    public static int of(id.padan.standardise.StagedRow r) {
        return of("MISSING".equals(r.nikStatus()) ? null : r.nik(), r.source(), r.recordKey());
    }

    /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static boolean digitsOnly(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}
