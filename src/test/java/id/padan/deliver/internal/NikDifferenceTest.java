package id.padan.deliver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a submitted NIK differs from the registry's, said in words: one row per error family of a NIK. */
class NikDifferenceTest {
    private final NikDifference id = new NikDifference(ReportText.of("id"));

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "NULL", value = {
            "3603014708900001|3603014708900001|NONE|sama dengan NIK Dukcapil",
            "'3603014708900001|3603014708900001|NONE|angkanya sama dengan NIK Dukcapil, ditulis dengan tanda lain (titik, spasi, tanda petik)",
            "3603014708900007|3603014708900001|NONE|beda satu digit: digit ke-16 (bagian nomor urut)",
            "3603014708900001|3603014078900001|NONE|dua digit bertukar tempat: digit ke-8 dan ke-9 (bagian tanggal lahir)",
            "360301470890000|3603014708900001|NONE|kurang satu digit: digit ke-16 hilang (bagian nomor urut)",
            "36030147089000012|3603014708900001|NONE|kelebihan satu digit: digit ke-17 berlebih (bagian nomor urut)",
            "3603010101100001|3603014708900001|NONE|yang dikirim adalah nomor KK, bukan NIK",
            "3603011203850002|3603014708900001|RELATIVE|yang dikirim adalah NIK anggota keluarga lain (satu KK)",
            "3671010101500004|3603014708900001|OTHER_PERSON|yang dikirim adalah NIK orang lain yang terdaftar di Dukcapil",
            "3.60301E+15|3603014708900001|NONE|NIK dikirim dalam notasi ilmiah Excel: digit setelah digit ke-6 hilang",
            "NULL|3603014708900001|NONE|NIK tidak dikirim; NIK Dukcapil diketahui",
            "3603014708|3603014708900001|NONE|panjang 10 digit, bukan 16",
            "3603019999900001|3603014708900001|NONE|beda 4 digit: digit ke-7, 8, 9, 10"})
    void saysHowTheNikDiffersWithoutItsDigits(String submitted, String registry, String owner, String expected) {
        assertThat(id.describe(submitted, registry, "3603010101100001", NikDifference.Owner.valueOf(owner))).isEqualTo(expected);
    }
}
