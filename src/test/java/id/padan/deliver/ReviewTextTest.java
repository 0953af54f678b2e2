package id.padan.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Free text for reviewers: every NIK/KK-like number in it masked to six digits, and nothing shorter touched. */
class ReviewTextTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "NIK 3671010101500003 -> 3603014708900001|NIK 367101********** -> 360301**********",
            "dikirim 3671.0101.0150.0003, lalu|dikirim 367101**********, lalu",
            "KK 3671/01/010150/0003|KK 367101**********",
            "12 digit 367101010150 ini|12 digit 367101****** ini",
            "notasi 3.6030147089E+15 Excel|notasi 360301********** Excel",
            "notasi 3.60301E+15 Excel|notasi 3.60301E+15 Excel",
            "wilayah 3671011001, domisili 3603012003|wilayah 3671011001, domisili 3603012003",
            "NISN 0012345678 lahir 01-06-2026|NISN 0012345678 lahir 01-06-2026",
            "bobot +14,35; p 0.964|bobot +14,35; p 0.964",
            "11 digit 3671-0101-015 saja|11 digit 3671-0101-015 saja",
            "pemisah ganda 367101..010150..0003|pemisah ganda 367101..010150..0003",
            "NIK-3671-0101-0150-0003.|NIK-367101**********.",
            "EXACT_NIK +12,34; NAME EXACT +8,12; BIRTH EXACT +7,77; SEX EXACT +0,55|EXACT_NIK +12,34; NAME EXACT +8,12; BIRTH EXACT +7,77; SEX EXACT +0,55",
            "3,6030147E+15|360301**********"})
    void masksEveryNikLikeNumber(String in, String out) {
        assertThat(ReviewText.of(in).toString()).isEqualTo(out);
    }

    @Test
    void aRecordKeyStaysAsSentUnlessItIsNikLike() {
        assertThat(ReviewText.key("0001000000001").toString()).isEqualTo("0001000000001");
        assertThat(ReviewText.key("0012345678").toString()).isEqualTo("0012345678");
        assertThat(ReviewText.key("KPM35040000049-03").toString()).isEqualTo("KPM35040000049-03");
        assertThat(ReviewText.key("3603014708900001").toString()).isEqualTo("360301**********");
        assertThat(ReviewText.key("0012345678").identifier()).isTrue();
    }

    @Test
    void joinedPartsKeepTheirOwnMasking() {
        ReviewText t = ReviewText.join("tercatat 2 kali: ", ReviewText.key("0001000000001"), ", NIK ", MaskedNik.of("3603014708900001"),
                " dan 3603014708900002");
        assertThat(t.toString()).isEqualTo("tercatat 2 kali: 0001000000001, NIK 360301********** dan 360301**********");
    }
}
