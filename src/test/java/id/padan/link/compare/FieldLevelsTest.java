package id.padan.link.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sex, family card, region and address levels; every pair in both argument orders. */
class FieldLevelsTest {

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            L    | L | SAME
            P    | P | SAME
            L    | P | DIFFERENT
            null | L | NULL
            """)
    void sex(String a, String b, SexLevel level) {
        Character x = a == null ? null : a.charAt(0), y = b == null ? null : b.charAt(0);
        assertThat(SexLevel.compare(x, y)).isEqualTo(level);
        assertThat(SexLevel.compare(y, x)).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            3201010101000001 | 3201010101000001 | EXACT
            3201010101000001 | 3201010101000002 | DIFFERENT
            320101010100000  | 320101010100000  | NULL
            null             | 3201010101000001 | NULL
            """)
    void familyCard(String a, String b, KkLevel level) {
        assertThat(KkLevel.compare(a, b)).isEqualTo(level);
        assertThat(KkLevel.compare(b, a)).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            3201010001 | 3201010001 | SAME_DESA
            3201010001 | 3201010002 | SAME_KECAMATAN
            3201010001 | 320101     | SAME_KECAMATAN
            3201010001 | 3201020001 | SAME_KABUPATEN
            3201010001 | 3201       | SAME_KABUPATEN
            3201010001 | 3202010001 | DIFFERENT
            3201010001 | 320        | NULL
            null       | 3201010001 | NULL
            """)
    void region(String a, String b, RegionLevel level) {
        assertThat(RegionLevel.compare(a, b)).isEqualTo(level);
        assertThat(RegionLevel.compare(b, a)).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            JL MERDEKA NO 5 RT 01 RW 02 | JL MERDEKA NO 5 RT 01 RW 02 | EXACT
            RT 01 RW 02 JL MERDEKA NO 5 | JL MERDEKA NO 5 RT 01 RW 02 | SAME_WORDS
            JL MERDEKA NO 5 RT 01 RW 02 | JL MERDEKA NO 5 RT 01 RW 03 | FUZZY_HIGH
            JL MERDEKA NO 5             | JL MERDEKA GG MAWAR         | FUZZY_LOW
            JL MERDEKA NO 5             | DUSUN KRAJAN                | DIFFERENT
            ''                          | DUSUN KRAJAN                | NULL
            null                        | DUSUN KRAJAN                | NULL
            """)
    void address(String a, String b, AddressLevel level) {
        assertThat(AddressLevel.compare(a, b, 0.92, 0.80)).isEqualTo(level);
        assertThat(AddressLevel.compare(b, a, 0.92, 0.80)).isEqualTo(level);
    }
}
