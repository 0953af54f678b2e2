package id.padan.link.internal;

import id.padan.link.MatchSettings;
import id.padan.link.MatchSettings.BlockingKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The keys under which the search finds registry rows, as numbers a database table can hold: a NIK (its 16 digits as a
 * number, or a hash of another string of digits), a family card, and for each blocking key its value and the values
 * that split an oversized block of it. A key is a {@link Block}: a kind and a 64-bit value (a hash of the text; two
 * texts sharing a hash would only make a block look larger than it is).
 */
final class BlockKeys {
    private BlockKeys() {}

    /** A key: {@code kind} says what it is ({@link #KK}, {@link #main}, {@link #split}), {@code value} its text's hash. */
    record Block(int kind, long value) {
        // Written out: a record's generated equals goes through method handles, and the search's hash maps of keys
        // (hundreds of thousands a part, looked up for every value of every registry row it reads) spent 5-9 % of
        // link-search's samples in it at 1,000,000 persons, x16 density. The hash is the one the record generated
        // (31 * kind + the value's), so maps hold their keys in the same order as before.
        @Override
        public boolean equals(Object o) {
            return o instanceof Block b && b.kind == kind && b.value == value;
        }

        @Override
        public int hashCode() {
            return 31 * kind + Long.hashCode(value);
        }

        /** One number for the key, for a Bloom filter of keys ({@link NikFilter}): equal keys give equal numbers. */
        long code() {
            return value * 31 + kind;
        }
    }

    /** Kind of a family card number. */
    static final int KK = 1;

    /** Kind of the values of a blocking key. */
    static int main(BlockingKey key) {
        return 10 + 2 * key.ordinal();
    }

    /** Kind of the values that split an oversized block of a blocking key (see {@link #splitValues}). */
    static int split(BlockingKey key) {
        return 11 + 2 * key.ordinal();
    }

    /** The number a NIK (any string of digits) is kept as: its value when it is 16 digits, else a negative hash. */
    static long nik(String digits) {
        if (digits.length() == 16) {
            long x = 0;
            boolean allDigits = true;
            for (int i = 0; i < 16 && allDigits; i++) {
                char c = digits.charAt(i);
                allDigits = c >= '0' && c <= '9';
                x = x * 10 + (c - '0');
            }
            if (allDigits) return x;
        }
        return hash(digits) | Long.MIN_VALUE;
    }

    static Block kk(String kk) {
        return new Block(KK, hash(kk));
    }

    static Block main(BlockingKey key, String value) {
        return new Block(main(key), hash(value));
    }

    static Block split(BlockingKey key, String value) {
        return new Block(split(key), hash(value));
    }

    /**
     * What splits an oversized block {@code value} of {@code key} for this row: the block's members that share one of
     * these with a row are the ones compared with it. NAME_SORTED: the birth year and kecamatan; BIRTH_DATE_NAME: the
     * kecamatan; NIK_REGION_DATE, BIRTH_DATE_KECAMATAN and MOTHER_NAME: a distinctive token of the row's own name (one value each); other keys are
     * not split. Empty when the key is not split or the row lacks what splits it.
     */
    static List<String> splitValues(BlockingKey key, LinkRow r, String value) {
        List<String> out = new ArrayList<>(2);
        String kec = kecamatan(r);
        switch (key) {
            case NAME_SORTED -> {
                if (r.birthDate != null && kec != null) out.add(value + "|" + r.birthDate.getYear() + "|" + kec);
            }
            case BIRTH_DATE_NAME -> {
                if (kec != null) out.add(value + "|" + kec);
            }
            case NIK_REGION_DATE, BIRTH_DATE_KECAMATAN, MOTHER_NAME -> {
                for (String k : r.nameKeys) out.add(value + "|" + k);
            }
            default -> {
                // not split: an oversized block of this key is skipped
            }
        }
        return out;
    }

    /**
     * The keys that split the row's blocks of the splitting keys ({@link #splits}) whose main key {@code oversized}
     * accepts: what the registry writes for its oversized blocks, and what a row left over asks about.
     */
    static void forEachSplit(MatchSettings settings, LinkRow r, Predicate<Block> oversized, Consumer<Block> out) {
        for (BlockingKey key : settings.blockingKeys()) {
            if (!splits(key)) continue;
            for (String v : Blocking.values(key, r)) {
                if (!oversized.test(main(key, v))) continue;
                for (String s : splitValues(key, r, v)) out.accept(split(key, s));
            }
        }
    }

    /** Whether an oversized block of this key is split ({@link #splitValues}) rather than skipped. */
    static boolean splits(BlockingKey key) {
        return switch (key) {
            case NAME_SORTED, BIRTH_DATE_NAME, NIK_REGION_DATE, BIRTH_DATE_KECAMATAN, MOTHER_NAME -> true;
            default -> false;
        };
    }

    static String kecamatan(LinkRow r) {
        return r.region != null && r.region.length() >= 6 ? r.region.substring(0, 6) : null;
    }

    /** A 64-bit hash of the text (FNV-1a over its UTF-8 bytes, then MurmurHash3's finaliser). */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return id.padan.ingest.RowBuckets.mix(h);
    }
}
