package id.padan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress lines: rows done of the total, the rate and the time left; none more often than the interval. */
class StageProgressTest {
    @Test
    void aLineGivesRowsRateAndTimeLeft() {
        StageProgress p = new StageProgress("link", 1_000_000, line -> {});
        long start = System.nanoTime();
        String line = p.line(250_000, start + 10_000_000_000L);
        assertThat(line).startsWith("link").contains("250,000 / 1,000,000 rows").contains("rows/s").contains("about 30 s left");
    }

    @Test
    void countsFromManyThreadsAndSaysNothingBeforeTheInterval() {
        List<String> lines = new ArrayList<>();
        StageProgress p = new StageProgress("deliver", 100_000, lines::add);
        java.util.stream.IntStream.range(0, 100_000).parallel().forEach(i -> p.add(1));
        assertThat(p.done()).isEqualTo(100_000);
        assertThat(lines).isEmpty(); // far less than five seconds
    }
}
