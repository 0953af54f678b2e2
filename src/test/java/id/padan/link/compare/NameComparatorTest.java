package id.padan.link.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import id.padan.standardise.name.NameStandardiser;
import id.padan.standardise.name.StandardName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per name error family of domain.md; every pair is compared in both argument orders. */
class NameComparatorTest {

    private static final NameThresholds THRESHOLDS = new NameThresholds(0.94, 0.88, 20);

    private final NameStandardiser standardiser = new NameStandardiser();
    private final NameComparator comparator = new NameComparator(THRESHOLDS);

    @ParameterizedTest(name = "{0}: [{1}] vs [{2}] = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # family            | one                              | other                        | level
            case, spacing       | '  siti   aminah '               | SITI AMINAH                  | EXACT
            punctuation         | SITI-AMINAH                      | SITI AMINAH                  | EXACT
            punctuation         | MA'RUF AMIN                      | MARUF AMIN                   | EXACT
            joined tokens       | NUR HAYATI                       | NURHAYATI                    | PHONETIC
            joined tokens       | ABDUL LATIF                      | ABDULLATIF                   | PHONETIC
            title before        | DRS. H. AHMAD                    | AHMAD                        | EXACT
            title before        | HJ. SITI AMINAH                  | SITI AMINAH                  | EXACT
            title before        | K.H. AHMAD DAHLAN                | AHMAD DAHLAN                 | EXACT
            title before        | PROF. DR. IR. BUDI SANTOSO       | BUDI SANTOSO                 | EXACT
            degree after        | 'SITI AMINAH, S.PD'              | SITI AMINAH                  | EXACT
            degree after        | SITI AMINAH S.Pd.I               | SITI AMINAH                  | EXACT
            degree after        | 'BUDI SANTOSO, S.E., M.M.'       | BUDI SANTOSO SE              | EXACT
            degree after        | RINA WATI AMK                    | RINA WATI A.Md.              | EXACT
            deceased            | ALM. AHMAD DAHLAN                | AHMAD DAHLAN                 | EXACT
            deceased            | ALMH. SITI AMINAH                | SITI AMINAH (ALM)            | EXACT
            bin/binti dropped   | AHMAD BIN ABDULLAH               | AHMAD                        | EXACT
            bin/binti spelling  | SITI BINTI YUSUF                 | SITI BT. YOESOEF             | EXACT
            muhammad            | MOCH. RIZKY                      | MUHAMMAD RIZKY               | EXACT
            muhammad            | MHD RIZKY                        | MOHAMAD RIZKY                | EXACT
            muhammad            | MOCHAMMAD RIZKY                  | MUH. RIZKY                   | EXACT
            initial M           | M. RIZKY                         | MUHAMMAD RIZKY               | EXACT
            initial M           | M. RIZKY                         | MAHMUD RIZKY                 | ONE_SIDE_TRUNCATED_OR_SUBSET
            nur, abdul          | NOOR HAYATI                      | NUR HAYATI                   | EXACT
            nur, abdul          | ABD. RAHMAN                      | ABDUL RAHMAN                 | EXACT
            old spelling        | SOEKARNO                         | SUKARNO                      | EXACT
            old spelling        | DJOKO WIDODO                     | JOKO WIDODO                  | EXACT
            old spelling        | TJAHJONO                         | CAHYONO                      | EXACT
            old spelling        | NJOMAN SUDARSANA                 | NYOMAN SUDARSANA             | EXACT
            old spelling        | SJAHRIR                          | SYAHRIR                      | EXACT
            old spelling        | ACHMAD                           | AKHMAD                       | EXACT
            spelling variant    | ACHMAD                           | AHMAD                        | PHONETIC
            spelling variant    | YUSUF                            | JUSUF                        | PHONETIC
            spelling variant    | RIZKY AMALIA                     | RIZKI AMALIA                 | PHONETIC
            spelling variant    | FITRIE                           | FITRI                        | PHONETIC
            spelling variant    | SYAHRUL                          | SAHRUL                       | PHONETIC
            spelling variant    | AMALIA RIZKY                     | RIZKI AMALIA                 | PHONETIC
            doubled letters     | ANNISA                           | ANISA                        | EXACT
            typing error        | SITI AMINAH                      | SITI AMINAF                  | FUZZY_HIGH
            typing error        | SITI AMINAH                      | SITI AMIANH                  | FUZZY_HIGH
            typing error        | BUDI SANTOSO                     | BUDI SANTOSA                 | FUZZY_HIGH
            typing error        | AGUS SETIAWAN                    | AGUS SETIAWAM                | FUZZY_HIGH
            typing error        | MUHAMMAD RIZKY PRATAMA           | MUHAMMAD RIZKY PRATMA        | FUZZY_HIGH
            missing token       | SITI AMINAH                      | AMINAH                       | ONE_SIDE_TRUNCATED_OR_SUBSET
            missing token       | MUHAMMAD RIZKY                   | RIZKY                        | ONE_SIDE_TRUNCATED_OR_SUBSET
            missing token       | MUHAMMAD RIZKY PRATAMA           | MUHAMMAD RIZKY               | ONE_SIDE_TRUNCATED_OR_SUBSET
            extra token         | AHMAD                            | MUHAMMAD AHMAD               | ONE_SIDE_TRUNCATED_OR_SUBSET
            missing and swapped | SITI NURHALIZA                   | NURHALIZA SITI RAHMA         | ONE_SIDE_TRUNCATED_OR_SUBSET
            initials            | BUDI S.                          | BUDI SANTOSO                 | ONE_SIDE_TRUNCATED_OR_SUBSET
            initials            | B. SANTOSO                       | BUDI SANTOSO                 | ONE_SIDE_TRUNCATED_OR_SUBSET
            swapped order       | AMINAH SITI                      | SITI AMINAH                  | SAME_TOKENS_REORDERED
            swapped order       | 'SANTOSO, BUDI'                  | BUDI SANTOSO                 | SAME_TOKENS_REORDERED
            balinese            | I WAYAN SUDARSANA                | WAYAN SUDARSANA              | ONE_SIDE_TRUNCATED_OR_SUBSET
            balinese            | NI LUH PUTU AYU LESTARI          | PUTU AYU LESTARI             | ONE_SIDE_TRUNCATED_OR_SUBSET
            hereditary title    | RADEN AJENG KARTINI              | KARTINI                      | EXACT
            hereditary title    | R.A. KARTINI                     | RADEN AYU KARTINI            | EXACT
            hereditary title    | R. SUPRAPTO                      | RADEN SUPRAPTO               | ONE_SIDE_TRUNCATED_OR_SUBSET
            short, not truncated| SITI AMIN                        | SITI AMINAH                  | FUZZY_HIGH
            only common shared  | SITI AMINAH                      | SITI                         | DIFFERENT
            only common shared  | MUHAMMAD                         | MUHAMMAD RIZKY               | FUZZY_LOW
            """)
    void levelOfVariantPair(String family, String one, String other, NameLevel expected) {
        assertLevelBothWays(one, other, expected);
    }

    @ParameterizedTest(name = "[{0}] cut at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MUHAMMAD RIZKY PRATAMA SAPUTRA  | 20
            MUHAMMAD RIZKY PRATAMA SAPUTRA  | 25
            SITI NURHALIZA RAHMAWATI PUTRI  | 20
            SITI NURHALIZA RAHMAWATI PUTRI  | 25
            NI LUH PUTU AYU KARTIKA DEWI    | 20
            NI LUH PUTU AYU KARTIKA DEWI    | 25
            MOCHAMMAD ABDULLAH SYAHPUTRA    | 20
            MOCHAMMAD ABDULLAH SYAHPUTRA    | 25
            """)
    void truncationByALegacyFieldIsTruncationLevel(String full, int width) {
        String cut = full.substring(0, width);

        assertLevelBothWays(full, cut, NameLevel.ONE_SIDE_TRUNCATED_OR_SUBSET);
    }

    @ParameterizedTest(name = "[{0}] vs [{1}] is weak")
    @CsvSource(delimiter = '|', textBlock = """
            SITI AMINAH        | SITI AISYAH
            BUDI SANTOSO       | BUDI SETIAWAN
            I WAYAN SUDARSANA  | I MADE SUDARSANA
            AHMAD BIN YUSUF    | AHMAD BIN IBRAHIM
            SITI AMINAH        | NUR AMINAH
            SITI               | SARI
            BUDI               | BAYU
            DEWI               | DEDI
            AGUS               | AGUNG
            SRI WAHYUNI        | DWI LESTARI
            """)
    void differentPeopleAreAtMostFuzzyLow(String one, String other) {
        StandardName a = standardiser.standardise(one);
        StandardName b = standardiser.standardise(other);

        assertThat(comparator.compare(a, b)).isIn(NameLevel.FUZZY_LOW, NameLevel.DIFFERENT);
        assertThat(comparator.compare(b, a)).isEqualTo(comparator.compare(a, b));
    }

    @ParameterizedTest(name = "similarity([{0}], [{1}]) = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SITI AMINAH        | SITI AMINAH        | 1.0
            SITI AMINAH        | AMINAH SITI        | 1.0
            SITI AMINAH        | SITI AMINAF        | 0.963636
            BUDI SANTOSO       | BUDI SANTOSA       | 0.966667
            SITI AMINAH        | SITI AISYAH        | 0.927273
            BUDI SANTOSO       | BUDI SETIAWAN      | 0.855128
            I WAYAN SUDARSANA  | I MADE SUDARSANA   | 0.839655
            SITI AMINAH        | SITI               | 0.872727
            MUHAMMAD RIZKY     | RIZKY              | 0.555556
            JUSUF              | YUSUF              | 0.866667
            DEWI               | DEDI               | 0.866667
            BUDI               | BAYU               | 0.5
            """)
    void pinnedSimilarity(String one, String other, double expected) {
        StandardName a = standardiser.standardise(one);
        StandardName b = standardiser.standardise(other);

        assertThat(comparator.similarity(a, b)).isCloseTo(expected, within(1e-6));
        assertThat(comparator.similarity(b, a)).isEqualTo(comparator.similarity(a, b));
    }

    @ParameterizedTest(name = "[{0}] vs [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            ''        | SITI AMINAH
            '   '     | SITI AMINAH
            ALM.      | AHMAD
            ''        | ''
            """)
    void missingNameIsNull(String one, String other) {
        assertLevelBothWays(one, other, NameLevel.NULL);
        assertThat(comparator.similarity(standardiser.standardise(one), standardiser.standardise(other)))
                .isEqualTo(0.0);
    }

    @Test
    void nullNameIsNull() {
        StandardName a = standardiser.standardise("SITI AMINAH");

        assertThat(comparator.compare(null, a)).isEqualTo(NameLevel.NULL);
        assertThat(comparator.compare(a, null)).isEqualTo(NameLevel.NULL);
        assertThat(comparator.compare(standardiser.standardise(null), a)).isEqualTo(NameLevel.NULL);
        assertThat(comparator.similarity(null, a)).isEqualTo(0.0);
    }

    @Test
    void sharedCommonTokensDoNotMakeDifferentPeopleAlike() {
        NameComparator comparator = new NameComparator(new NameThresholds(0.92, 0.88, 20));
        for (String[] pair : new String[][] {{"SITI AMINAH", "SITI AISYAH"}, {"NI LUH KETUT MALIKA", "NI LUH KETUT HAMIMA"},
                {"MUHAMMAD RIZKY", "MUHAMMAD FAUZI"}}) {
            StandardName a = standardiser.standardise(pair[0]);
            StandardName b = standardiser.standardise(pair[1]);
            assertThat(comparator.compare(a, b)).as(pair[0] + " / " + pair[1]).isEqualTo(NameLevel.DIFFERENT);
            assertThat(comparator.compare(b, a)).as(pair[1] + " / " + pair[0]).isEqualTo(NameLevel.DIFFERENT);
        }
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SIAI ZAHRA          | SITI ZAHRA
            NI WYAN ARI         | NI WAYAN ARI
            NI GEED ARI         | NI GEDE ARI
            MOHAMMGD SYAMSUDDIN | MOHAMMAD SYAMSUDDIN
            """)
    void aCommonTokenMistypedIsNotADistinctiveToken(String one, String other) {
        // the typing slip makes SIAI look distinctive: without the other name's SITI beside it, the distinctive tokens
        // would be SIAI ZAHRA against ZAHRA, unalike, and the names different
        StandardName a = standardiser.standardise(one);
        StandardName b = standardiser.standardise(other);
        assertThat(comparator.compare(a, b)).isIn(NameLevel.FUZZY_HIGH, NameLevel.FUZZY_LOW);
        assertThat(comparator.compare(b, a)).isEqualTo(comparator.compare(a, b));
    }

    @Test
    void thresholdsComeFromTheCaller() {
        // One typo in a one-token name: Jaro-Winkler 0.933, so where it lands depends only on the thresholds.
        StandardName a = standardiser.standardise("AMINAH");
        StandardName b = standardiser.standardise("AMINAF");

        assertThat(new NameComparator(new NameThresholds(0.92, 0.88, 20)).compare(a, b))
                .isEqualTo(NameLevel.FUZZY_HIGH);
        assertThat(new NameComparator(new NameThresholds(0.94, 0.88, 20)).compare(a, b))
                .isEqualTo(NameLevel.FUZZY_LOW);
        assertThat(new NameComparator(new NameThresholds(0.98, 0.95, 20)).compare(a, b))
                .isEqualTo(NameLevel.DIFFERENT);
    }

    @Test
    void truncationNeedsALongEnoughValue() {
        StandardName full = standardiser.standardise("MUHAMMAD RIZKY PRATAMA SAPUTRA");
        StandardName cut = standardiser.standardise("MUHAMMAD RIZKY PRATA");

        assertThat(new NameComparator(new NameThresholds(0.94, 0.88, 21)).compare(full, cut))
                .isNotEqualTo(NameLevel.ONE_SIDE_TRUNCATED_OR_SUBSET);
        assertThat(new NameComparator(new NameThresholds(0.94, 0.88, 20)).compare(full, cut))
                .isEqualTo(NameLevel.ONE_SIDE_TRUNCATED_OR_SUBSET);
    }

    @Test
    void everyPairIsSymmetric() {
        List<String> names = List.of("SITI AMINAH", "AMINAH", "SITI AISYAH", "AMINAH SITI", "SITI", "M. RIZKY",
                "MUHAMMAD RIZKY", "MAHMUD RIZKY", "RIZKI", "MUHAMMAD RIZKY PRATA", "MUHAMMAD RIZKY PRATAMA SAPUTRA",
                "I WAYAN SUDARSANA", "WAYAN SUDARSANA", "I MADE SUDARSANA", "AHMAD BIN YUSUF", "AHMAD BIN IBRAHIM",
                "AHMAD", "ACHMAD", "BUDI S.", "BUDI SANTOSO", "BUDI SETIAWAN", "B. SANTOSO", "NUR HAYATI",
                "NURHAYATI", "R. SUPRAPTO", "RADEN SUPRAPTO", "DEWI", "DEDI", "");
        for (String one : names) {
            for (String other : names) {
                StandardName a = standardiser.standardise(one);
                StandardName b = standardiser.standardise(other);
                assertThat(comparator.compare(a, b)).as("[%s] vs [%s]", one, other)
                        .isEqualTo(comparator.compare(b, a));
                assertThat(comparator.similarity(a, b)).as("[%s] vs [%s]", one, other)
                        .isEqualTo(comparator.similarity(b, a))
                        .isBetween(0.0, 1.0);
            }
        }
    }

    @ParameterizedTest(name = "high {0}, low {1}, width {2}")
    @CsvSource({"1.1, 0.8, 20", "-0.1, -0.2, 20", "0.9, 0.95, 20", "0.94, -0.01, 20", "NaN, 0.8, 20",
            "0.94, 0.88, 0"})
    void impossibleThresholdsAreRejected(double high, double low, int width) {
        assertThatIllegalArgumentException().isThrownBy(() -> new NameThresholds(high, low, width))
                .withMessageStartingWith("name ");
    }

    @Test
    void comparatorNeedsThresholds() {
        assertThatNullPointerException().isThrownBy(() -> new NameComparator(null));
    }

    private void assertLevelBothWays(String one, String other, NameLevel expected) {
        StandardName a = standardiser.standardise(one);
        StandardName b = standardiser.standardise(other);

        assertThat(comparator.compare(a, b)).as("[%s] vs [%s]", one, other).isEqualTo(expected);
        assertThat(comparator.compare(b, a)).as("[%s] vs [%s]", other, one).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: [{1}] vs [{2}] another name {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # what                          | one                          | other                       | another name
            one typing error                | ABSUL HIDAYAT                | ABDUL HIDAYAT               | false
            one typing error, short name    | NYNI                         | NYAI                        | false
            one letter dropped, two letters | AI                           | ADI                         | false
            neighbours swapped              | SAIHAAN HOTMAN               | HOTMAN SIAHAAN              | false
            swapped, as written             | RCAHEL                       | RACHEL                      | false
            old spelling and a typo         | SITI MAEMODNAH               | SITI MAEMUNAH               | false
            old spelling and a typo         | NI WAJAN DWI                 | NI WAYAN DEWI               | false
            a token added                   | MUHAMMAD BUDI WARDOYO        | BUDI WARDOYO                | false
            added and cut short             | MUHAMMAD RAMA SUTRIS         | RAMA SUTRISNO               | false
            cut short with a typo           | SRI BINTI SARIMIN OLIVH      | OLIVIA SRI                  | false
            a token dropped                 | I GEDE                       | I GEDE SUDARSANA            | false
            common tokens only, reordered   | NUR SITI                     | SITI NUR NURHAYATI          | false
            cut to two letters              | I GUSTI AYU WAYAN DE         | I GUSTI AYU WAYAN DEWI      | false
            bin added                       | SITI BINTI ABDUL             | SITI JUBAIDAH               | false
            the same name                   | SITI AMINAH                  | HJ. SITI AMINAH             | false
            cut and mistyped at field length | YOHANES LEMBAH SITUMRAN     | YOHANES LEMBAH SITUMORANG   | false
            a token added and one dropped   | MUHAMMAD TUGIMAN WASI        | TUGIMAN WASIS FIRMANSYAH    | false
            tokens joined                   | SITIKAMILA                   | SITI KAMILA                 | false
            tokens joined                   | NURSUGIANTO                  | NUR SUGIANTO                | false
            an initial                      | M.                           | MUHAMAD                     | false
            initials                        | M. R.                        | MUHAMMAD RIZKI              | false
            initials of another name        | M. R.                        | AHMAD RIZKI                 | true
            joined, another name            | SITIKAMILA                   | SITI KAMALUDIN              | true
            a token replaced                | BONAR PARDEDE                | BONAR WAHYU HARAHAP         | true
            a token replaced                | DANIEL HARAHAP               | DANIEL NASUTION             | true
            shared common tokens only       | I GEDE JAYA                  | I GEDE DARMAWAN             | true
            shared common tokens only       | SITI NUR ZULAIKHA            | SITI NUR AMINAH             | true
            shared common tokens only       | MUHAMMAD IBRAHIM             | MUHAMMAD RAHMAN             | true
            two letters apart               | NI PUTU SUARTINI             | NI WAYAN ARTINI             | true
            a common name against another   | SITI                         | NURUL HIDAYAH               | true
            nothing in common               | GILDA                        | DIAH                        | true
            """)
    void anotherNameAltogetherIsNotAVariationOfOneName(String what, String one, String other, boolean another) {
        StandardName a = standardiser.standardise(one), b = standardiser.standardise(other);
        assertThat(comparator.anotherName(a, b)).as(what).isEqualTo(another);
        assertThat(comparator.anotherName(b, a)).as(what + ", the other way round").isEqualTo(another);
    }

    @Test
    void aMissingNameIsNeverAnotherName() {
        assertThat(comparator.anotherName(standardiser.standardise(""), standardiser.standardise("SITI"))).isFalse();
        assertThat(comparator.anotherName(null, standardiser.standardise("SITI"))).isFalse();
    }

    @ParameterizedTest(name = "[{0}] / [{1}]: {2}")
    @CsvSource({"ABDUL, ABSUL, true", "ABDUL, ABUL, true", "ABDUL, ABDULL, true", "ABDUL, ADBUL, true", "ABDUL, ABDUL, true",
            "ABDUL, ADBLU, false", "ABDUL, ABUDL, true", "ABDUL, AB, false", "SUARTINI, ARTINI, false"})
    void oneTypingError(String a, String b, boolean one) {
        assertThat(NameComparator.oneTypingError(a, b)).isEqualTo(one);
        assertThat(NameComparator.oneTypingError(b, a)).isEqualTo(one);
    }
}
