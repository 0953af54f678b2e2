package id.padan.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RegionReferenceTest {

    private final RegionReference ref = RegionReference.kemendagri();

    @Test
    void oneSharedInstance() {
        assertThat(RegionReference.kemendagri()).isSameAs(ref);
    }

    @Test
    void loadsEveryProvinceAndKecamatan() {
        assertThat(IntStream.range(0, 100).filter(ref::isProvince).count()).isEqualTo(38);
        long current = IntStream.range(0, 1_000_000).filter(c -> ref.district(c) == DistrictStatus.CURRENT).count();
        long retired = IntStream.range(0, 1_000_000).filter(c -> ref.district(c) == DistrictStatus.RETIRED).count();
        assertThat(current).isEqualTo(7_285);
        assertThat(retired).isEqualTo(594);
    }

    @ParameterizedTest
    @CsvSource({
            "11, true",  // Aceh, the lowest code
            "36, true",  // Banten
            "91, true",  // Papua, still a province after the 2022 split
            "96, true",  // Papua Barat Daya, the newest
            "00, false",
            "10, false",
            "99, false",
            "3, false",  // wrong width
            "360, false",
            "3a, false"})
    void provinces(String code, boolean expected) {
        assertThat(ref.isProvince(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "3603, true, false",  // Kab. Tangerang
            "3671, true, false",  // Kota Tangerang
            "9301, true, false",  // Merauke, Papua Selatan since 2022
            "9101, false, true",  // Merauke's code before the split
            "3699, false, false",
            "360, false, false"})
    void regencies(String code, boolean current, boolean retired) {
        assertThat(ref.isRegency(code)).isEqualTo(current);
        assertThat(ref.isRetiredRegency(code)).isEqualTo(retired);
    }

    @ParameterizedTest
    @CsvSource({
            "360301, CURRENT",
            "930101, CURRENT",
            "910101, RETIRED",  // Merauke before Papua Selatan
            "910201, RETIRED",  // Wamena before Papua Pegunungan
            "360399, UNKNOWN",
            "36030, UNKNOWN",
            "3603010, UNKNOWN",
            "36030a, UNKNOWN"})
    void districts(String code, DistrictStatus expected) {
        assertThat(ref.district(code)).isEqualTo(expected);
    }

    @Test
    void districtByNumberMatchesByString() {
        assertThat(ref.district(360301)).isEqualTo(DistrictStatus.CURRENT);
        assertThat(ref.district(910101)).isEqualTo(DistrictStatus.RETIRED);
        assertThat(ref.district(-1)).isEqualTo(DistrictStatus.UNKNOWN);
        assertThat(ref.district(1_000_000)).isEqualTo(DistrictStatus.UNKNOWN);
    }

    @ParameterizedTest
    @CsvSource({
            "3671011001, true",
            "3603012003, true",
            "9301011002, true",
            "3671019999, false",
            "367101100, false"})
    void villages(String code, boolean expected) {
        assertThat(ref.isVillage(code)).isEqualTo(expected);
    }

    @Test
    void namesAsWrittenInTheReference() {
        assertThat(ref.provinceName("36")).isEqualTo("Banten");
        assertThat(ref.provinceName("31")).isEqualTo("Daerah Khusus Ibukota Jakarta");
        assertThat(ref.regencyName("3603")).isEqualTo("Kabupaten Tangerang");
        assertThat(ref.regencyName("3671")).isEqualTo("Kota Tangerang");
        assertThat(ref.districtName("360301")).isEqualTo("Balaraja");
        assertThat(ref.districtName("910101")).isEqualTo("Merauke"); // retired: its last name
        assertThat(ref.villageName("3671011001")).isEqualTo("Sukarasa");
    }

    @Test
    void quotedNamesKeepTheirCommas() {
        assertThat(ref.villageName("1207281007")).isEqualTo("Lubuk Pakam I,II");
        assertThat(ref.villageName("1402092010")).isEqualTo("Lambang Sari I, II, III");
    }

    @Test
    void unknownCodesHaveNoName() {
        assertThat(ref.provinceName("99")).isNull();
        assertThat(ref.regencyName("9101")).isNull(); // the history file names kecamatan, not kabupaten
        assertThat(ref.districtName("360399")).isNull();
        assertThat(ref.villageName("3671019999")).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "abc"})
    void nothingThrowsOnJunk(String code) {
        assertThat(ref.isProvince(code)).isFalse();
        assertThat(ref.isRegency(code)).isFalse();
        assertThat(ref.isRetiredRegency(code)).isFalse();
        assertThat(ref.district(code)).isEqualTo(DistrictStatus.UNKNOWN);
        assertThat(ref.isVillage(code)).isFalse();
        assertThat(ref.provinceName(code)).isNull();
        assertThat(ref.regencyName(code)).isNull();
        assertThat(ref.districtName(code)).isNull();
        assertThat(ref.villageName(code)).isNull();
    }

    @Test
    void aRetiredKabupatenLeadsToTheKabupatenItsKecamatanWentTo() {
        assertThat(ref.successors("9101")).contains("9301"); // Merauke, now in Papua Selatan
        assertThat(ref.successors("9101")).allMatch(k -> k.startsWith("9") && ref.isRegency(k));
        assertThat(ref.successors("910101")).containsExactly("9301");
        // Kecamatan Salawati of the old Kabupaten Sorong (9201) is in the new Kabupaten Sorong (9601), not Kota Sorong.
        assertThat(ref.successors("920105")).containsExactly("9601");
        assertThat(ref.successors("3603")).isEmpty();
        assertThat(ref.successors("360301")).isEmpty();
        // Every retired kabupaten has somewhere to go.
        assertThat(ref.allSuccessors()).isNotEmpty().allSatisfy((from, to) -> assertThat(to).as(from).isNotEmpty());
    }
}
