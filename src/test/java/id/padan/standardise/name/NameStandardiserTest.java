package id.padan.standardise.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** One row per name variant family of domain.md; columns: family | raw | display | key | patronymic | deceased | M. */
class NameStandardiserTest {

    private final NameStandardiser standardiser = new NameStandardiser();

    @ParameterizedTest(name = "{0}: [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            # family           | raw                              | display                      | key                  | patronymic | deceased | M
            case, spacing      | '  siti   aminah '               | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            case, spacing      | 'Siti\tAminah'                   | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            punctuation        | SITI-AMINAH                      | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            punctuation        | SITI/AMINAH                      | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            punctuation        | MA'RUF AMIN                      | MARUF AMIN                   | MARUF AMIN           |            | false    | false
            punctuation        | Ma’ruf Amin                      | MARUF AMIN                   | MARUF AMIN           |            | false    | false
            punctuation        | SITI AMINAH 2                    | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            punctuation        | SITI. AMINAH.                    | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            accents            | Éva Müller                       | EVA MULLER                   | EVA MULER            |            | false    | false
            title before       | H. AHMAD DAHLAN                  | AHMAD DAHLAN                 | AHMAD DAHLAN         |            | false    | false
            title before       | H AHMAD DAHLAN                   | AHMAD DAHLAN                 | AHMAD DAHLAN         |            | false    | false
            title before       | HJ. SITI AMINAH                  | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            title before       | Hj Siti Aminah                   | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            title before       | HAJI AHMAD                       | AHMAD                        | AHMAD                |            | false    | false
            title before       | HAJJAH SITI AMINAH               | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            title before       | KH. AHMAD DAHLAN                 | AHMAD DAHLAN                 | AHMAD DAHLAN         |            | false    | false
            title before       | K.H. AHMAD DAHLAN                | AHMAD DAHLAN                 | AHMAD DAHLAN         |            | false    | false
            title before       | DRS. H. AHMAD                    | AHMAD                        | AHMAD                |            | false    | false
            title before       | DRA. SITI AMINAH                 | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            title before       | IR. BUDI SANTOSO                 | BUDI SANTOSO                 | BUDI SANTOSO         |            | false    | false
            title before       | DR. BUDI SANTOSO                 | BUDI SANTOSO                 | BUDI SANTOSO         |            | false    | false
            title before       | dr. Rina Wati                    | RINA WATI                    | RINA WATI            |            | false    | false
            title before       | drg. Rina Wati                   | RINA WATI                    | RINA WATI            |            | false    | false
            title before       | PROF. DR. IR. H. BUDI SANTOSO    | BUDI SANTOSO                 | BUDI SANTOSO         |            | false    | false
            title before       | Ns. Siti Aminah                  | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            title before       | BC. BUDI                         | BUDI                         | BUDI                 |            | false    | false
            title before       | NY. SITI AMINAH                  | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            title before       | IBU SITI AMINAH                  | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            degree after       | 'SITI AMINAH, S.PD'              | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            degree after       | 'Siti Aminah, S.Pd.I'            | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            degree after       | 'SITI AMINAH S.Pd., M.Pd.'       | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            degree after       | 'BUDI SANTOSO, S.E.'             | BUDI SANTOSO                 | BUDI SANTOSO         |            | false    | false
            degree after       | BUDI SANTOSO S.H.                | BUDI SANTOSO                 | BUDI SANTOSO         |            | false    | false
            degree after       | BUDI SANTOSO S.KOM.              | BUDI SANTOSO                 | BUDI SANTOSO         |            | false    | false
            degree after       | 'BUDI SANTOSO, S.T.'             | BUDI SANTOSO                 | BUDI SANTOSO         |            | false    | false
            degree after       | 'BUDI SANTOSO, S.Sos.'           | BUDI SANTOSO                 | BUDI SANTOSO         |            | false    | false
            degree after       | 'AHMAD, S.Ag.'                   | AHMAD                        | AHMAD                |            | false    | false
            degree after       | 'SITI AMINAH, S.Kep., Ns.'       | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            degree after       | 'BUDI SANTOSO, M.Si.'            | BUDI SANTOSO                 | BUDI SANTOSO         |            | false    | false
            degree after       | 'IR. BUDI SANTOSO, M.M.'         | BUDI SANTOSO                 | BUDI SANTOSO         |            | false    | false
            degree after       | 'RINA WATI, A.Md.'               | RINA WATI                    | RINA WATI            |            | false    | false
            degree after       | 'dr. Rina Wati, Sp.A'            | RINA WATI                    | RINA WATI            |            | false    | false
            degree after       | RINA WATI, MA                    | RINA WATI                    | RINA WATI            |            | false    | false
            degree after       | RINA WATI AMK                    | RINA WATI                    | RINA WATI            |            | false    | false
            degree after       | SITI AMINAH SPD                  | SITI AMINAH                  | SITI AMINAH          |            | false    | false
            degree after       | BUDI SANTOSO SE                  | BUDI SANTOSO                 | BUDI SANTOSO         |            | false    | false
            degree after       | BUDI SANTOSO SH                  | BUDI SANTOSO                 | BUDI SANTOSO         |            | false    | false
            degree after       | BUDI SANTOSO SKOM                | BUDI SANTOSO                 | BUDI SANTOSO         |            | false    | false
            not a degree       | AHMAD H.                         | AHMAD H                      | AHMAD H              |            | false    | false
            not a degree       | SANTOSO, BUDI                    | SANTOSO BUDI                 | SANTOSO BUDI         |            | false    | false
            only a title       | H.                               | H                            | H                    |            | false    | false
            deceased           | ALM. AHMAD                       | AHMAD                        | AHMAD                |            | true     | false
            deceased           | ALMH. SITI AMINAH                | SITI AMINAH                  | SITI AMINAH          |            | true     | false
            deceased           | ALMARHUM AHMAD                   | AHMAD                        | AHMAD                |            | true     | false
            deceased           | Almarhumah Siti                  | SITI                         | SITI                 |            | true     | false
            deceased           | ALHM AHMAD                       | AHMAD                        | AHMAD                |            | true     | false
            deceased           | ALM. H. AHMAD                    | AHMAD                        | AHMAD                |            | true     | false
            deceased           | H. ALM. AHMAD                    | AHMAD                        | AHMAD                |            | true     | false
            deceased           | AHMAD (ALM)                      | AHMAD                        | AHMAD                |            | true     | false
            deceased           | 'AHMAD, ALM.'                    | AHMAD                        | AHMAD                |            | true     | false
            bin/binti          | AHMAD BIN ABDULLAH               | AHMAD BIN ABDULLAH           | AHMAD                | ABDULAH    | false    | false
            bin/binti          | SITI AMINAH BINTI YUSUF          | SITI AMINAH BINTI YUSUF      | SITI AMINAH          | YUSUF      | false    | false
            bin/binti          | AHMAD BIN. ABDULLAH              | AHMAD BIN ABDULLAH           | AHMAD                | ABDULAH    | false    | false
            bin/binti          | SITI BT. YOESOEF                 | SITI BT YOESOEF              | SITI                 | YUSUF      | false    | false
            bin/binti          | AHMAD BN YUSUF                   | AHMAD BN YUSUF               | AHMAD                | YUSUF      | false    | false
            bin/binti          | SITI BINTI H. AHMAD              | SITI BINTI AHMAD             | SITI                 | AHMAD      | false    | false
            father deceased    | SITI BINTI ALM. AHMAD            | SITI BINTI AHMAD             | SITI                 | AHMAD      | false    | false
            father deceased    | SITI BINTI AHMAD (ALM)           | SITI BINTI AHMAD             | SITI                 | AHMAD      | false    | false
            both deceased      | ALMH. SITI BINTI ALM. AHMAD      | SITI BINTI AHMAD             | SITI                 | AHMAD      | true     | false
            bin cut off        | AHMAD BIN                        | AHMAD                        | AHMAD                |            | false    | false
            muhammad           | MUHAMMAD RIZKY                   | MUHAMMAD RIZKY               | MUHAMMAD RIZKY       |            | false    | false
            muhammad           | MUHAMAD RIZKY                    | MUHAMAD RIZKY                | MUHAMMAD RIZKY       |            | false    | false
            muhammad           | MOHAMMAD RIZKY                   | MOHAMMAD RIZKY               | MUHAMMAD RIZKY       |            | false    | false
            muhammad           | MOHAMAD RIZKY                    | MOHAMAD RIZKY                | MUHAMMAD RIZKY       |            | false    | false
            muhammad           | MOCHAMMAD RIZKY                  | MOCHAMMAD RIZKY              | MUHAMMAD RIZKY       |            | false    | false
            muhammad           | MOCHAMAD RIZKY                   | MOCHAMAD RIZKY               | MUHAMMAD RIZKY       |            | false    | false
            muhammad           | MOCH. RIZKY                      | MOCH RIZKY                   | MUHAMMAD RIZKY       |            | false    | false
            muhammad           | MOH. RIZKY                       | MOH RIZKY                    | MUHAMMAD RIZKY       |            | false    | false
            muhammad           | MUH. RIZKY                       | MUH RIZKY                    | MUHAMMAD RIZKY       |            | false    | false
            muhammad           | MUHD RIZKY                       | MUHD RIZKY                   | MUHAMMAD RIZKY       |            | false    | false
            muhammad           | MHD. RIZKY                       | MHD RIZKY                    | MUHAMMAD RIZKY       |            | false    | false
            muhammad           | MOEHAMMAD RIZKY                  | MOEHAMMAD RIZKY              | MUHAMMAD RIZKY       |            | false    | false
            muhammad           | AHMAD MOH. RIZKY                 | AHMAD MOH RIZKY              | AHMAD MUHAMMAD RIZKY |            | false    | false
            initial M          | M. RIZKY                         | M RIZKY                      | MUHAMMAD RIZKY       |            | false    | true
            initial M          | M RIZKY                          | M RIZKY                      | MUHAMMAD RIZKY       |            | false    | true
            initial M          | M.RIZKY                          | M RIZKY                      | MUHAMMAD RIZKY       |            | false    | true
            initial M          | H. M. RIZKY                      | M RIZKY                      | MUHAMMAD RIZKY       |            | false    | true
            initial M          | RIZKY M.                         | RIZKY M                      | RIZKY M              |            | false    | false
            initial M          | M.                               | M                            | M                    |            | false    | false
            nur, abdul         | NOOR HAYATI                      | NOOR HAYATI                  | NUR HAYATI           |            | false    | false
            nur, abdul         | NOER HAJATI                      | NOER HAJATI                  | NUR HAJATI           |            | false    | false
            nur, abdul         | ABD. RAHMAN                      | ABD RAHMAN                   | ABDUL RAHMAN         |            | false    | false
            old spelling       | SOEKARNO                         | SOEKARNO                     | SUKARNO              |            | false    | false
            old spelling       | DJOKO WIDODO                     | DJOKO WIDODO                 | JOKO WIDODO          |            | false    | false
            old spelling       | TJAHJONO                         | TJAHJONO                     | CAHYONO              |            | false    | false
            old spelling       | NJOMAN SUDARSANA                 | NJOMAN SUDARSANA             | NYOMAN SUDARSANA     |            | false    | false
            old spelling       | SJAHRIR                          | SJAHRIR                      | SYAHRIR              |            | false    | false
            old spelling       | ACHMAD                           | ACHMAD                       | AKHMAD               |            | false    | false
            old spelling       | SOEJONO                          | SOEJONO                      | SUYONO               |            | false    | false
            old spelling       | DJOJOHADIKOESOEMO                | DJOJOHADIKOESOEMO            | JOYOHADIKUSUMO       |            | false    | false
            modern J kept      | JOKO JAJANG PANJI                | JOKO JAJANG PANJI            | JOKO JAJANG PANJI    |            | false    | false
            modern J kept      | JUSUF                            | JUSUF                        | JUSUF                |            | false    | false
            doubled letters    | ANNISA                           | ANNISA                       | ANISA                |            | false    | false
            doubled letters    | ABDULLAH                         | ABDULLAH                     | ABDULAH              |            | false    | false
            hereditary title   | RADEN AJENG KARTINI              | RADEN AJENG KARTINI          | KARTINI              |            | false    | false
            hereditary title   | R.A. KARTINI                     | RA KARTINI                   | KARTINI              |            | false    | false
            hereditary title   | RADEN MAS SAID                   | RADEN MAS SAID               | SAID                 |            | false    | false
            hereditary title   | RADEN H. SUPRAPTO                | RADEN SUPRAPTO               | SUPRAPTO             |            | false    | false
            hereditary title   | TEUKU UMAR                       | TEUKU UMAR                   | UMAR                 |            | false    | false
            hereditary title   | CUT NYAK DHIEN                   | CUT NYAK DHIEN               | NYAK DHIEN           |            | false    | false
            lone R. is initial | R. SUPRAPTO                      | R SUPRAPTO                   | R SUPRAPTO           |            | false    | false
            AYU is a name      | AYU LESTARI                      | AYU LESTARI                  | AYU LESTARI          |            | false    | false
            balinese           | I WAYAN SUDARSANA                | I WAYAN SUDARSANA            | I WAYAN SUDARSANA    |            | false    | false
            balinese           | NI LUH PUTU AYU LESTARI          | NI LUH PUTU AYU LESTARI      | NI LUH PUTU AYU LESTARI |         | false    | false
            """)
    void standardises(String family, String raw, String display, String key, String patronymic, boolean deceased,
                      boolean leadingM) {
        StandardName name = standardiser.standardise(raw);

        assertThat(name.raw()).isEqualTo(raw);
        assertThat(name.display()).isEqualTo(display);
        assertThat(name.key()).isEqualTo(key);
        assertThat(name.tokens()).containsExactly(key.split(" "));
        assertThat(name.patronymic()).isEqualTo(patronymic);
        assertThat(name.deceasedMarker()).isEqualTo(deceased);
        assertThat(name.leadingInitialM()).isEqualTo(leadingM);
        assertThat(name.phoneticKeys()).hasSameSizeAs(name.tokens());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", "123", ".,-/", "'"})
    void missingNameIsEmpty(String raw) {
        StandardName name = standardiser.standardise(raw);

        assertThat(name.isEmpty()).isTrue();
        assertThat(name.raw()).isEqualTo(raw);
        assertThat(name.tokens()).isEmpty();
        assertThat(name.phoneticKeys()).isEmpty();
        assertThat(name.display()).isEmpty();
        assertThat(name.key()).isEmpty();
        assertThat(name.sortedKey()).isEmpty();
        assertThat(name.patronymic()).isNull();
        assertThat(name.deceasedMarker()).isFalse();
        assertThat(name.blockingKeys()).isEmpty();
    }

    @Test
    void deceasedMarkerAloneGivesEmptyNameMarkedDeceased() {
        StandardName name = standardiser.standardise("ALM.");

        assertThat(name.isEmpty()).isTrue();
        assertThat(name.deceasedMarker()).isTrue();
    }

    @ParameterizedTest(name = "[{0}] sorted: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SITI AMINAH          | AMINAH SITI
            AMINAH SITI          | AMINAH SITI
            M. RIZKY PRATAMA     | MUHAMMAD PRATAMA RIZKY
            AMINAH               | AMINAH
            """)
    void sortedKeySortsTokens(String raw, String sortedKey) {
        assertThat(standardiser.standardise(raw).sortedKey()).isEqualTo(sortedKey);
    }

    @ParameterizedTest(name = "[{0}] blocks on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MUHAMMAD RIZKY PRATAMA | RISKI PRATAMA
            PRATAMA RIZKI          | PRATAMA
            M. RIZKY               | RISKI
            SITI AMINAH            | AMINA
            I WAYAN SUDARSANA      | SUDARSANA
            R. SUPRAPTO            | SUPRAPTU
            I WAYAN                | WAYAN
            SITI                   | SITI
            BUDI SANTOSO           | BUDI SANTUSU
            """)
    void blockingKeysSkipCommonTokensAndInitials(String raw, String keys) {
        assertThat(standardiser.standardise(raw).blockingKeys()).containsExactly(keys.split(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MUHAMMAD", "SITI", "NUR", "ABDUL", "PUTU", "WAYAN", "GEDE", "MADE", "KADEK", "NYOMAN",
            "KOMANG", "KETUT", "NENGAH", "I", "NI", "ANAK", "AGUNG", "IDA", "BAGUS", "AYU", "DEWA", "GUSTI",
            "moch", "Noor", "NJOMAN", "ABD", "Siti"})
    void commonTokens(String token) {
        assertThat(NameStandardiser.isCommonToken(token)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"AMINAH", "RIZKY", "SUDARSANA", "BUDI", "M", "MAHMUD"})
    void uncommonTokens(String token) {
        assertThat(NameStandardiser.isCommonToken(token)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SOEKARNO", "TJAHJONO", "DJOJO", "NJOMAN", "SJAHRIR", "MOCHAMMAD", "NOOR", "ABD",
            "ANNISA", "ACHMAD", "PANJI", "JUSUF", "SOEJONO"})
    void canonicalTokenIsIdempotent(String token) {
        String once = TokenCanon.canonical(token);

        assertThat(TokenCanon.canonical(once)).isEqualTo(once);
    }

    @Test
    void listsAreImmutable() {
        StandardName name = standardiser.standardise("SITI AMINAH");

        assertThat(name.tokens()).isUnmodifiable();
        assertThat(name.phoneticKeys()).isUnmodifiable();
        assertThat(name.tokens()).isEqualTo(List.of("SITI", "AMINAH"));
    }
}
