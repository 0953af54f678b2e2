package id.padan.standardise.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IndonesianPhoneticTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # family        | spellings that must share one key                                               | key
            muhammad        | MUHAMMAD MUHAMAD MOHAMMAD MOHAMAD MOCHAMMAD MOCHAMAD MOCH MOH MUH MUHD MHD MOHD  | MUHAMAD
            nur             | NUR NOOR NOER NOR                                                                | NUR
            abdul           | ABDUL ABD ABDOEL                                                                 | ABDUL
            old oe          | SUKARNO SOEKARNO                                                                 | SUKARNU
            old dj, j/y     | YOKO JOKO DJOKO                                                                  | YUKU
            old tj          | CAHYONO TJAHJONO                                                                 | CAHIUNU
            old nj          | NYOMAN NJOMAN                                                                    | NIUMAN
            old sj, sy/s    | SYAHRIR SJAHRIR SAHRIR                                                           | SAHRIR
            kh/ch/h         | AHMAD AKHMAD ACHMAD                                                              | AHMAD
            kh/ch/h         | KHOLID CHOLID HOLID                                                              | HULID
            j/y, f/p        | YUSUF JUSUF YUSUP JOESOEF                                                        | YUSUP
            z/s, y/i, q/k   | RIZKY RIZKI RISKI RIZQI RISKY                                                    | RISKI
            ie/i            | FITRI FITRIE FITRY                                                               | PITRI
            sy/s            | SYAHRUL SAHRUL                                                                   | SAHRUL
            dz/z/s          | DZULKIFLI ZULKIFLI                                                               | SULKIPLI
            ts/s, o/u       | UTSMAN USMAN OSMAN                                                               | USMAN
            th/t            | THOHIR TOHIR                                                                     | TUHIR
            trailing h      | FATIMAH FATIMA                                                                   | PATIMA
            doubled letters | EFFENDY EFENDI EPENDI                                                            | EPENDI
            doubled letters | ANNISA ANISA                                                                     | ANISA
            iy/i            | RIYADI RIADI                                                                     | RIADI
            consonant y/i   | SETYAWAN SETIAWAN                                                                | SETIAWAN
            vowel y kept    | BAYU                                                                             | BAYU
            case, marks     | siti Siti SITI. s-i-t-i                                                          | SITI
            """)
    void variantsShareOneKey(String family, String spellings, String key) {
        for (String spelling : spellings.split(" ")) {
            assertThat(IndonesianPhonetic.encode(spelling)).as(spelling).isEqualTo(key);
        }
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SITI   | SARI
            SRI    | SARI
            BUDI   | BAYU
            DEWI   | DEDI
            DWI    | DEWI
            DEWI   | DEWA
            RINA   | RINI
            ANI    | ANA
            AMINAH | AISYAH
            AHMAD  | MAHMUD
            WAYAN  | MADE
            EKA    | EKO
            """)
    void differentNamesKeepDifferentKeys(String one, String other) {
        assertThat(IndonesianPhonetic.encode(one)).isNotEqualTo(IndonesianPhonetic.encode(other));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "123", ".-'"})
    void noLettersGiveEmptyKey(String token) {
        assertThat(IndonesianPhonetic.encode(token)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MUHAMMAD", "TJAHJONO", "RIZKY", "EFFENDY", "FATIMAH", "SETYAWAN", "WAYAN", "KHOLID"})
    void keyIsUpperCaseLettersAndItsOwnKey(String token) {
        String key = IndonesianPhonetic.encode(token);

        assertThat(key).matches("[A-Z]+");
        assertThat(IndonesianPhonetic.encode(key)).isEqualTo(key);
    }
}
