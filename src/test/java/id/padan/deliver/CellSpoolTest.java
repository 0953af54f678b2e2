package id.padan.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reviewer cells set aside and read back are the same cells, in the order written, and the spool file goes on close. */
class CellSpoolTest {
    @Test
    void readsBackTheSameCellsInOrder(@TempDir Path dir) throws Exception {
        List<ReviewCell> first = List.of(ReviewText.key("0001000000001"), MaskedNik.of("3603014708900001"), ReviewText.of("nama: SITI AMINAH, S.PD"),
                ReviewText.id("3603"), ReviewCell.count(15_639), ReviewText.EMPTY, MaskedNik.NONE, ReviewText.of("baris\r\ndua ✓"));
        List<ReviewCell> second = List.of(ReviewText.of("kedua"));
        Path file = dir.resolve("x.spool");
        List<List<ReviewCell>> read = new ArrayList<>();
        try (CellSpool spool = new CellSpool(file)) {
            spool.add(first);
            spool.add(second);
            assertThat(spool.rows()).isEqualTo(2);
            spool.replay(read::add);
        }
        assertThat(read).containsExactly(first, second);
        // A 13-digit record key stays as sent (it is not NIK-like), and stays an identifier.
        assertThat(read.get(0).get(0).toString()).isEqualTo("0001000000001");
        assertThat(read.get(0).get(0).identifier()).isTrue();
        assertThat(read.get(0).get(2).identifier()).isFalse();
        assertThat(read.get(0).get(1)).isInstanceOf(MaskedNik.class);
        assertThat(read.get(0).get(4)).isInstanceOf(ReviewCell.Count.class);
        assertThat(Files.exists(file)).isFalse();
    }
}
