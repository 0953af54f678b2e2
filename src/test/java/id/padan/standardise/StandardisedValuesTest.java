package id.padan.standardise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small value types standardisation hands on: what they promise about their fields. */
class StandardisedValuesTest {

    @ParameterizedTest(name = "{0}/{1}/{2}/{3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "3603010001, 360301, 3603, 36, 3603010001",
            "-, 360301, 3603, 36, 360301",
            "-, -, 3603, 36, 3603",
            "-, -, -, 36, 36",
            "-, -, -, -, -"})
    void theFinestRegionLevelPresentIsTheCode(String desa, String kec, String kab, String prov, String finest) {
        assertThat(new RegionCode(desa, kec, kab, prov, RegionStatus.KNOWN).finest()).isEqualTo(finest);
    }

    @Test
    void aParsedDateHasADateExactlyWhenItIsOk() {
        assertThat(ParsedDate.ok(LocalDate.of(2010, 2, 28)).isOk()).isTrue();
        assertThat(ParsedDate.MISSING.isOk()).isFalse();
        assertThat(ParsedDate.INVALID.isOk()).isFalse();
        assertThat(ParsedDate.INVALID.status()).isEqualTo(DateStatus.INVALID);
        assertThatThrownBy(() -> new ParsedDate(null, DateStatus.OK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParsedDate(LocalDate.of(2010, 1, 1), DateStatus.INVALID)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParsedDate(null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ParsedDate.ok(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void checksAreValidOnlyWithStatusValid() {
        for (NikStatus s : NikStatus.values()) {
            assertThat(new KkCheck("x", "1", s, null, false, false).isValid()).as(s.name()).isEqualTo(s == NikStatus.VALID);
            assertThat(new NikCheck("x", "1", s, null, false, false, 0, 0, -1, '\0').isValid()).as(s.name()).isEqualTo(s == NikStatus.VALID);
        }
        assertThat(new NikCheck("x", "1", NikStatus.VALID, null, true, false, 17, 8, 45, 'L').hasBirthDate()).isTrue();
        assertThat(new NikCheck("x", "1", NikStatus.MALFORMED, "15 digit", false, false, 0, 0, -1, '\0').hasBirthDate()).isFalse();
    }

    @Test
    void aStagedRowGivesItsFinestRegionAndWhetherItsNikIsValid() {
        StagedRow desa = row("VALID", "3603010001", "360301", "3603");
        StagedRow kec = row("MALFORMED", null, "360301", "3603");
        StagedRow kab = row("MISSING", null, null, "3603");
        StagedRow none = row("STRUCTURE", null, null, null);
        assertThat(desa.regionCode()).isEqualTo("3603010001");
        assertThat(kec.regionCode()).isEqualTo("360301");
        assertThat(kab.regionCode()).isEqualTo("3603");
        assertThat(none.regionCode()).isNull();
        assertThat(desa.hasValidNik()).isTrue();
        assertThat(kec.hasValidNik()).isFalse();
        assertThat(none.hasValidNik()).isFalse();
    }

    private static StagedRow row(String nikStatus, String desa, String kec, String kab) {
        return new StagedRow("PKH", "A1", 2, "x", "x", nikStatus, null, null, "N", "N", "N", false, null, "MISSING", null, null,
                desa, kec, kab, "KNOWN", null, null, null, null, null, null, null);
    }
}
