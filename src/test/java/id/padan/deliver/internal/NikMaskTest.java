package id.padan.deliver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NikMaskTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "NULL", value = {
            "3671010101500003|3671********0003",
            "NIK 3671010101500003 -> 3603014708900001|NIK 3671********0003 -> 3603********0001",
            "'3671010101500003|'3671********0003",
            "3671 0101 0150 0003|3671********0003",
            "3671-0101-0150-0003|3671********0003",
            "probability: 0.9640000000003991|probability: 0.9640000000003991",
            "367101010150003|3671*******0003",
            "36710101015000031|3671*********0031",
            "0001000000001|0001000000001",
            "0012345678|0012345678",
            "wilayah 3671011001, domisili 3603012003|wilayah 3671011001, domisili 3603012003",
            "01-06-2026 - 3603012003|01-06-2026 - 3603012003",
            "3.60301E+15|3.60301E+15",
            "NULL|NULL",
            "``|``"})
    void masksEveryNikOrKkLikeNumberAndNothingShorter(String in, String out) {
        assertThat(NikMask.mask(in)).isEqualTo(out);
    }
}
