package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.link.MatchSettings.BlockingKey;
import org.junit.jupiter.api.Test;

/** The blocking-key values of a row, per key: what two rows must share to be compared. */
class BlockingTest {

    private final LinkRow full = Rows.program().nik("3201014501900001").kk("3201010101000001").name("SITI AMINAH")
            .born("1990-01-05").sex('P').region("3201010001").build();
    private final LinkRow bare = Rows.program().build();

    @Test
    void eachKeyIsBuiltFromItsFields() {
        assertThat(Blocking.values(BlockingKey.NAME_SORTED, full)).containsExactly(full.name.sortedKey());
        assertThat(Blocking.values(BlockingKey.NIK_REGION_DATE, full)).containsExactly("320101450190");
        assertThat(Blocking.values(BlockingKey.BIRTH_DATE_KECAMATAN, full)).containsExactly("320101|1990-01-05");
        // SITI is a common token: only AMINAH's phonetic key blocks
        assertThat(full.nameKeys).hasSize(1);
        assertThat(Blocking.values(BlockingKey.BIRTH_DATE_NAME, full)).containsExactly("1990-01-05|" + full.nameKeys.get(0));
        assertThat(Blocking.values(BlockingKey.KECAMATAN_YEAR_NAME, full)).containsExactly("320101|1990|" + full.nameKeys.get(0));
        assertThat(Blocking.values(BlockingKey.KK, full)).isEmpty();
    }

    @Test
    void aRowWithoutTheFieldsHasNoKey() {
        for (BlockingKey key : BlockingKey.values()) assertThat(Blocking.values(key, bare)).as(key.name()).isEmpty();
    }

    @Test
    void aNikOfFifteenDigitsStillBlocksOnItsRegionAndDateButTwelveDoNot() {
        LinkRow fifteen = Rows.program().nik("320101450190001").build();
        LinkRow twelve = Rows.program().nik("320101450190").build();
        assertThat(Blocking.values(BlockingKey.NIK_REGION_DATE, fifteen)).containsExactly("320101450190");
        assertThat(Blocking.values(BlockingKey.NIK_REGION_DATE, twelve)).isEmpty();
    }

    @Test
    void aKabupatenCodeBlocksByBirthDateButNotByKecamatanYearName() {
        LinkRow kab = Rows.program().name("BUDI SANTOSO").born("1980-03-04").region("3201").build();
        assertThat(Blocking.values(BlockingKey.BIRTH_DATE_KECAMATAN, kab)).containsExactly("3201|1980-03-04");
        assertThat(Blocking.values(BlockingKey.KECAMATAN_YEAR_NAME, kab)).isEmpty();
    }

    @Test
    void everyDistinctiveTokenGivesABirthDateKey() {
        LinkRow two = Rows.program().name("BUDI SANTOSO").born("1980-03-04").build();
        assertThat(Blocking.values(BlockingKey.BIRTH_DATE_NAME, two)).hasSize(2).allMatch(v -> v.startsWith("1980-03-04|"));
    }

    @Test
    void theMothersNameBlocksWhateverTheRowsOwnNameDateAndPlace() {
        // a pupil sent without NIK, birth date or family card, registered in another kecamatan, finds its person by the mother
        LinkRow pupil = Rows.program().name("LGNGGENG KOKO THAMRIN").mother("Ulya Abdullah").pupil().build();
        LinkRow person = Rows.registry().name("LANGGENG KOKO THAMRIN").mother("ULYA ABDULLAH").born("2013-07-13").region("1801082005").build();
        assertThat(Blocking.values(BlockingKey.MOTHER_NAME, pupil)).isNotEmpty().isEqualTo(Blocking.values(BlockingKey.MOTHER_NAME, person));
        assertThat(Blocking.values(BlockingKey.MOTHER_NAME, Rows.registry().name("ULYA ABDULLAH").build())).isEmpty();
    }

    @Test
    void aRegistryRowBlocksAlsoUnderTheKecamatanItsNikWasIssuedIn() {
        // MUHAMMAD YUSUF lives in 360123 now; his NIK was issued in 360117, where a program still lists him (its row
        // without NIK, the name mistyped)
        LinkRow person = Rows.registry().nik("3601170110030001").name("MUHAMMAD YUSUF").born("2003-10-01").region("3601232006").build();
        LinkRow row = Rows.program().name("MUHAMMAD YUUUF").born("2003-10-01").region("3601172005").build();
        assertThat(Blocking.values(BlockingKey.BIRTH_DATE_KECAMATAN, person)).containsExactly("360123|2003-10-01", "360117|2003-10-01");
        assertThat(Blocking.values(BlockingKey.BIRTH_DATE_KECAMATAN, row)).containsExactly("360117|2003-10-01");
        assertThat(Blocking.values(BlockingKey.KECAMATAN_YEAR_NAME, person)).hasSize(2 * person.nameKeys.size())
                .anyMatch(v -> v.startsWith("360117|2003|"));
        // a program row's NIK is what it submitted, not a place: its keys are its region's only
        LinkRow withNik = Rows.program().nik("3601170110030001").born("2003-10-01").region("3601232006").build();
        assertThat(Blocking.values(BlockingKey.BIRTH_DATE_KECAMATAN, withNik)).containsExactly("360123|2003-10-01");
        // living where the NIK was issued: one key
        LinkRow stayed = Rows.registry().nik("3601170110030001").born("2003-10-01").region("3601172005").build();
        assertThat(Blocking.values(BlockingKey.BIRTH_DATE_KECAMATAN, stayed)).containsExactly("360117|2003-10-01");
    }
}
