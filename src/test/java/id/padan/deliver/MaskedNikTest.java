package id.padan.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every shape a source sends a NIK or KK in shows at most its first six digits; short placeholders stay as sent. */
class MaskedNikTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "NULL", value = {
            "3671010101500003|367101**********",
            "'3671010101500003|367101**********",
            "3671.0101.0150.0003|367101**********",
            "3671/01/010150/0003|367101**********",
            "3671 0101 0150 0003|367101**********",
            "3671-0101-0150-0003|367101**********",
            "367101010150003|367101*********",
            "36710101015000031|367101***********",
            "367101010150|367101******",
            "3671010101500|367101*******",
            "3.60301E+15|360301**********",
            "3.6030147089E+15|360301**********",
            "3,60301E+15|360301**********",
            "-|-",
            "0|0",
            "NULL|``",
            "``|``"})
    void showsAtMostSixDigits(String in, String out) {
        assertThat(MaskedNik.of(in).toString()).isEqualTo(out);
    }
}
