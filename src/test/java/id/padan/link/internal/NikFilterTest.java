package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The filter in front of the registry's NIK table: never says no to a NIK it was given, rarely yes to another. */
class NikFilterTest {

    @Test
    void everyNikAddedMayBeThereAndFewOthersPass() {
        Random random = new Random(3);
        NikFilter filter = new NikFilter();
        Set<Long> added = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            long nik = BlockKeys.nik(String.format("%016d", (long) (random.nextDouble() * 1e16)));
            added.add(nik);
            filter.add(nik);
        }
        for (long nik : added) assertThat(filter.mayHave(nik)).isTrue();
        int passed = 0;
        int others = 0;
        for (int i = 0; i < 1_000_000; i++) {
            long nik = BlockKeys.nik(String.format("%016d", (long) (random.nextDouble() * 1e16)));
            if (added.contains(nik)) continue;
            others++;
            if (filter.mayHave(nik)) passed++;
        }
        assertThat((double) passed / others).as("false positives at a million NIKs").isLessThan(0.005);
        assertThat(filter.mayHave(BlockKeys.nik("12345"))).as("a NIK of other length, not added").isFalse();
    }

    @Test
    void aFilterSizedForItsNiksNeverLosesOneAndLetsFewOthersPass() {
        Random random = new Random(5);
        for (int size : new int[] {0, 1, 1_000, 100_000}) {
            NikFilter filter = NikFilter.sized(size);
            Set<Long> added = new HashSet<>();
            while (added.size() < size) {
                long nik = (long) (random.nextDouble() * 1e16);
                added.add(nik);
                filter.add(nik);
            }
            for (long nik : added) assertThat(filter.mayHave(nik)).isTrue();
            int passed = 0;
            for (int i = 0; i < 100_000; i++) {
                long nik = (long) (random.nextDouble() * 1e16);
                if (!added.contains(nik) && filter.mayHave(nik)) passed++;
            }
            assertThat(passed).as("false positives of 100,000 with %d NIKs added", size).isLessThan(2_000);
        }
    }
}
