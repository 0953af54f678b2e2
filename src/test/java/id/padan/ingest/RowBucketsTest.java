package id.padan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Buckets keep one NIK's rows together and stay even on skewed regions; partitions cover each bucket once. */
class RowBucketsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 8, 13, 64, 1000, RowBuckets.COUNT})
    void everyBucketAndSoEveryRowIsInExactlyOnePartition(int count) {
        int[] owners = new int[RowBuckets.COUNT];
        for (Partition p : Partition.of(count)) {
            for (int b = 0; b < RowBuckets.COUNT; b++) if (p.contains(b)) owners[b]++;
        }
        for (int b = 0; b < RowBuckets.COUNT; b++) assertThat(owners[b]).as("partitions holding bucket " + b).isEqualTo(1);
        SplittableRandom random = new SplittableRandom(3);
        var partitions = Partition.of(count);
        for (int i = 0; i < 2_000; i++) {
            int bucket = RowBuckets.of(nik(random, "3201"), "PKH", "K" + i);
            assertThat(partitions.stream().filter(p -> p.contains(bucket)).count()).isEqualTo(1);
        }
    }

    @Test
    void theRowsOfOneNikShareABucketWhateverTheirSourceAndKey() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 1_000; i++) {
            String nik = nik(random, i % 2 == 0 ? "3201" : "9471");
            int registry = RowBuckets.of(nik, "DUKCAPIL", "R" + i);
            assertThat(RowBuckets.of(nik, "PKH", "P" + i)).isEqualTo(registry);
            assertThat(RowBuckets.of(nik, "KIP", "S" + (i * 7))).isEqualTo(registry);
            String malformed = nik.substring(0, 14); // the same malformed NIK in two sources meets too
            assertThat(RowBuckets.of(malformed, "PKH", "A" + i)).isEqualTo(RowBuckets.of(malformed, "DUKCAPIL", "B" + i));
            assertThat(registry).isBetween(0, RowBuckets.COUNT - 1);
        }
    }

    @Test
    void bucketsAreEvenWhenNearlyEveryoneLivesInOneKabupaten() {
        // 90 % of the rows from one kabupaten (Bogor, 3201), born in a few years, the rest spread: as Java is to Papua.
        SplittableRandom random = new SplittableRandom(7);
        int rows = 400_000;
        long[] perPartition = new long[8];
        long[] perBucket = new long[RowBuckets.COUNT];
        for (int i = 0; i < rows; i++) {
            String region = random.nextInt(10) < 9 ? "3201" : String.valueOf(1100 + random.nextInt(8300));
            int b = RowBuckets.of(nik(random, region), "DUKCAPIL", "R" + i);
            perBucket[b]++;
            perPartition[(int) ((long) b * 8 / RowBuckets.COUNT)]++;
        }
        double mean = rows / 8.0;
        for (long n : perPartition) assertThat(Math.abs(n - mean) / mean).as("partition size off the mean").isLessThan(0.02);
        double bucketMean = (double) rows / RowBuckets.COUNT;
        for (long n : perBucket) assertThat(Math.abs(n - bucketMean) / bucketMean).as("bucket size off the mean").isLessThan(0.25);
    }

    @Test
    void rowsWithoutAUsableOrAWellFormedNikAreSpreadEvenly() {
        long[] perPartition = new long[4];
        int rows = 100_000;
        for (int i = 0; i < rows; i++) {
            String nik = i % 3 == 0 ? null : i % 3 == 1 ? "320101" + i : "3201010101" + (100_000 + i) + "0"; // none, too short, too long
            perPartition[(int) ((long) RowBuckets.of(nik, "PBI_JKN", Integer.toString(100_000 + i)) * 4 / RowBuckets.COUNT)]++;
        }
        for (long n : perPartition) assertThat(Math.abs(n - rows / 4.0) / (rows / 4.0)).isLessThan(0.03);
    }

    /** A 16-digit NIK of the kabupaten: kecamatan, birth date (women +40), serial. */
    private static String nik(SplittableRandom r, String kabupaten) {
        int day = 1 + r.nextInt(28) + (r.nextBoolean() ? 40 : 0);
        return String.format("%s%02d%02d%02d%02d%04d", kabupaten, 1 + r.nextInt(40), day, 1 + r.nextInt(12), 50 + r.nextInt(30),
                1 + r.nextInt(3000));
    }
}
