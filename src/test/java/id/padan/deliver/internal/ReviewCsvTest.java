package id.padan.deliver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import id.padan.deliver.ReviewCell;
import id.padan.deliver.ReviewText;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReviewCsvTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
            "+6281234567890|'+6281234567890",
            "-BUDI|'-BUDI",
            "@SUM(A1)|'@SUM(A1)",
            "BUDI - SANTOSO|BUDI - SANTOSO",
            "'=already|'=already"})
    void aFormulaTriggerGetsALeadingApostrophe(String in, String out) {
        assertThat(ReviewCsv.safe(in)).isEqualTo(out);
    }

    @Test
    void tabAndCarriageReturnAreTriggersToo() {
        assertThat(ReviewCsv.safe("\t=1")).isEqualTo("'\t=1");
        assertThat(ReviewCsv.safe("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void writesUtf8WithBomQuotedOnlyWhereNeededMaskedAndSafe() throws Exception {
        Path f = dir.resolve("t.csv");
        try (ReviewCsv csv = new ReviewCsv(f, List.of("a", "b", "c"))) {
            csv.row(List.of(ReviewText.of("SITI AMINAH, S.PD"), ReviewText.of("=1+1"), ReviewCell.count(3603014708900001L)));
            csv.row(List.of(ReviewText.of("NIK 3603014708900001"), ReviewText.of("say \"hi\""), ReviewText.EMPTY));
            assertThat(csv.rows()).isEqualTo(2);
        }
        byte[] b = Files.readAllBytes(f);
        assertThat(b).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("\uFEFFa,b,c\r\n\"SITI AMINAH, S.PD\",'=1+1,3603014708900001\r\n"
                + "NIK 360301**********,\"say \"\"hi\"\"\",\r\n");
    }
}
