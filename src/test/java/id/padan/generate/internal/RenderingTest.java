package id.padan.generate.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RenderingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3603012345678901|false|3.60301E+15",
            "3603019999999999|false|3.60302E+15",
            "3603019999999999|true |3,60302E+15",
            "3600000000000000|false|3.6E+15",
            "9999999999999999|false|1E+16"})
    void excelShowsSixSignificantDigits(String nik, boolean indonesian, String shown) {
        assertThat(NikFaults.excel(nik, indonesian)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', ignoreLeadingAndTrailingWhitespace = false, value = {
            "'3603012345678901|3603012345678901",
            "' 3603012345678901 |3603012345678901",
            "3603012345678901''|3603012345678901",
            "' |\"\"",
            "36030123 45678901|36030123 45678901"})
    void cleaningTrimsSpacesAndApostrophesAtTheEndsOnly(String raw, String cleaned) {
        assertThat(Truth.clean(raw)).isEqualTo(cleaned);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"\"\"|true", "-|true", "0|true", "0000000000000000|true",
            "3603012345678901|false", "3.60301E+15|false", "000000000000001|false"})
    void missingMeansBlankOrAPlaceholder(String cleaned, boolean missing) {
        assertThat(Truth.isMissing(cleaned)).isEqualTo(missing);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"SITI AMINAH, S.PD|Siti Aminah, S.Pd", "MA'RUF AMIN|Ma'ruf Amin",
            "NI LUH PUTU|Ni Luh Putu", "DRS. H. BAMBANG|Drs. H. Bambang", "NURUL-HIDAYAH|Nurul-Hidayah"})
    void titleCaseAsMixedCaseExportsWriteIt(String upper, String mixed) {
        assertThat(Text.titleCase(upper)).isEqualTo(mixed);
    }
}
