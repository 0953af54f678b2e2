package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.link.compare.DateLevel;
import id.padan.link.compare.KkLevel;
import id.padan.link.compare.NameComparator;
import id.padan.link.compare.NameLevel;
import id.padan.link.compare.NameThresholds;
import id.padan.link.compare.NikLevel;
import id.padan.link.compare.RegionLevel;
import id.padan.link.compare.SexLevel;
import id.padan.link.model.Comparison;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A program row against a registry person, field by field; the NIK levels that need the registry. */
class PairComparerTest {
    private static final String FAMILY = "3201010101000001";

    private final LinkRow mother = Rows.registry().nik("3201014501700001").kk(FAMILY).name("SITI AMINAH").born("1970-01-05").sex('P')
            .region("3201010001").build();
    private final LinkRow child = Rows.registry().nik("3201011203050002").kk(FAMILY).name("RIZKY PRATAMA").born("2005-03-12").sex('L')
            .region("3201010001").build();
    private final LinkRow stranger = Rows.registry().nik("3301014501700009").kk("3301010101000009").name("BUDI SANTOSO")
            .born("1970-01-05").sex('L').region("3301010001").build();
    private final RegistryIndex index = new RegistryIndex(List.of(mother, child, stranger), new TermFrequencies(3, java.util.Map.of(), java.util.Map.of()));
    private final PairComparer comparer = new PairComparer(new NameComparator(new NameThresholds(0.94, 0.88, 20)), index, true, true);

    /** A model in which every level weighs something; the support of a repair does not depend on it. */
    private static id.padan.link.model.MatchModel model() {
        double[][] m = id.padan.link.model.ModelEstimator.initialM();
        double[][] u = id.padan.link.model.ModelEstimator.uFromRandomPairs(java.util.Map.of());
        return new id.padan.link.model.MatchModel(m, u, 0.001, 1e-7);
    }

    @ParameterizedTest(name = "mother {0} vs {1}: differs {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            KARTINAH        | HJ. KARTINAH   | false
            SITI NUR AMINAH | NURUL HALIMAH  | true
            null            | NURUL HALIMAH  | false
            """)
    void aDifferentMothersNameIsFlagged(String one, String other, boolean differs) {
        LinkRow row = Rows.program().mother(one).build();
        LinkRow person = Rows.registry().mother(other).build();
        assertThat(comparer.score(model(), row, person).motherDiffers()).isEqualTo(differs);
    }

    @ParameterizedTest(name = "mother {0} vs {1}: weighs {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            KARTINAH        | HJ. KARTINAH   | true
            Siti Aminah     | SITI AMINAH    | true
            SITI NUR AMINAH | NURUL HALIMAH  | false
            null            | NURUL HALIMAH  | false
            """)
    void anAgreeingMothersNameWeighsAsANameAndOnlyWhenItAgrees(String one, String other, boolean weighs) {
        LinkRow row = Rows.program().mother(one).build();
        LinkRow person = Rows.registry().mother(other).build();
        id.padan.link.model.MatchModel model = model();
        ScoredCandidate s = comparer.score(model, row, person);
        if (weighs) {
            assertThat(s.motherWeight()).isPositive();
        } else {
            assertThat(s.motherWeight()).isZero();
        }
        // the mother's name is not one of the model's fields: the pair's weight is the same with or without it
        assertThat(s.weight()).isEqualTo(comparer.score(model, Rows.program().build(), person).weight());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # case                                                          | row region | registry NIK     | domicile   | level
            listed where the NIK was issued, living elsewhere now            | 3601172005 | 3601170110030001 | 3601232006 | SAME_KECAMATAN
            listed in the kabupaten of issue, living in another kabupaten    | 3601012005 | 3601170110030001 | 3301232006 | SAME_KABUPATEN
            listed where the NIK was issued, the domicile unknown            | 3601172005 | 3601170110030001 | null       | SAME_KECAMATAN
            listed at the domicile: the domicile's desa, not the NIK's place | 3601232006 | 3601170110030001 | 3601232006 | SAME_DESA
            listed elsewhere than both                                       | 7202082002 | 3601170110030001 | 3601232006 | DIFFERENT
            listed elsewhere, the domicile unknown                           | 7202082002 | 3601170110030001 | null       | NULL
            """)
    void aProgramListsAPersonWhereTheyLiveOrWhereTheirNikWasIssued(String what, String rowRegion, String nik, String domicile,
                                                                   RegionLevel expected) {
        LinkRow row = Rows.program().region(rowRegion).build();
        Rows person = Rows.registry().nik(nik);
        if (domicile != null) person.region(domicile);
        assertThat(level(comparer.levels(row, person.build()), Comparison.REGION, RegionLevel.class)).as(what).isEqualTo(expected);
    }

    @Test
    void twoProgramRowsCompareTheirRegionsOnly() {
        // deduplication: a program row's NIK is what it submitted, not a place the registry knows
        LinkRow a = Rows.program().nik("3601170110030001").region("3601172005").build();
        LinkRow b = Rows.program().nik("3601170110030001").region("3601232006").build();
        assertThat(level(comparer.levels(a, b), Comparison.REGION, RegionLevel.class)).isEqualTo(RegionLevel.SAME_KABUPATEN);
    }

    private static <E extends Enum<E>> E level(int[] levels, Comparison c, Class<E> type) {
        return type.getEnumConstants()[levels[c.ordinal()]];
    }

    @Test
    void everyFieldOfTheSamePersonAgrees() {
        LinkRow row = Rows.program().nik("3201014501700001").kk(FAMILY).name("SITI AMINAH").born("1970-01-05").sex('P')
                .region("3201010001").build();
        int[] l = comparer.levels(row, mother);
        assertThat(level(l, Comparison.NIK, NikLevel.class)).isEqualTo(NikLevel.EXACT);
        assertThat(level(l, Comparison.NAME, NameLevel.class)).isEqualTo(NameLevel.EXACT);
        assertThat(level(l, Comparison.BIRTH_DATE, DateLevel.class)).isEqualTo(DateLevel.EXACT);
        assertThat(level(l, Comparison.SEX, SexLevel.class)).isEqualTo(SexLevel.SAME);
        assertThat(level(l, Comparison.KK, KkLevel.class)).isEqualTo(KkLevel.EXACT);
        assertThat(level(l, Comparison.REGION, RegionLevel.class)).isEqualTo(RegionLevel.SAME_DESA);
    }

    @ParameterizedTest(name = "{0}: submitted {1} against the child = {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # case                                   | submitted NIK    | level
            the child's own NIK                      | 3201011203050002 | EXACT
            a typo of it                             | 3201011203050003 | ONE_DIGIT
            the family card number in the NIK field  | 3201010101000001 | KK_IN_NIK_FIELD
            the mother's NIK (same family card)      | 3201014501700001 | FAMILY_MEMBER_NIK
            a stranger's NIK                         | 3301014501700009 | DIFFERENT
            no NIK                                   | null             | NULL
            """)
    void nikLevelsThatNeedTheRegistry(String kind, String submitted, NikLevel expected) {
        LinkRow row = Rows.program().nik(submitted).name("RIZKY PRATAMA").build();
        assertThat(level(comparer.levels(row, child), Comparison.NIK, NikLevel.class)).as(kind).isEqualTo(expected);
    }

    @Test
    void aRelativesNikIsNotAFamilyMatchForSomeoneOutsideTheFamily() {
        LinkRow row = Rows.program().nik("3201014501700001").build();
        assertThat(level(comparer.levels(row, stranger), Comparison.NIK, NikLevel.class)).isEqualTo(NikLevel.DIFFERENT);
    }

    @Test
    void twoProgramRowsCompareTheirNiksAsSubmitted() {
        LinkRow a = Rows.program().nik("3201014501700001").build();
        LinkRow b = Rows.program().nik("3201014501700002").build();
        assertThat(level(comparer.levels(a, b), Comparison.NIK, NikLevel.class)).isEqualTo(NikLevel.ONE_DIGIT);
        assertThat(level(comparer.levels(b, a), Comparison.NIK, NikLevel.class)).isEqualTo(NikLevel.ONE_DIGIT);
    }

    @ParameterizedTest(name = "{0}: {1} vs {2}, date implied {3}, region implied {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                  | submitted        | registry         | date  | region
            the same NIK                            | 3201014501700001 | 3201014501700001 | true  | true
            a typo in the serial                    | 3201014501700002 | 3201014501700001 | true  | true
            a typo in the birth date digits         | 3201014601700001 | 3201014501700001 | false | true
            a typo in the kecamatan digits          | 3201024501700001 | 3201014501700001 | true  | false
            a swap in the serial                    | 3201014501700010 | 3201014501700001 | true  | true
            a swap across region and date           | 3201041501700001 | 3201014501700001 | false | false
            the same region and date, other serial  | 3201014501709999 | 3201014501700001 | true  | true
            a dropped digit                         | 320101450170001  | 3201014501700001 | true  | true
            a different NIK                         | 3301014601700009 | 3201014501700001 | false | false
            """)
    void whatTheComparedNiksAlreadyImply(String kind, String submitted, String registry, boolean date, boolean region) {
        LinkRow row = Rows.program().nik(submitted).build();
        LinkRow person = Rows.registry().nik(registry).build();
        int nik = comparer.levels(row, person)[Comparison.NIK.ordinal()];
        assertThat(PairComparer.impliedByNik(Comparison.BIRTH_DATE, nik, row, person)).as(kind + ": birth date").isEqualTo(date);
        assertThat(PairComparer.impliedByNik(Comparison.SEX, nik, row, person)).as(kind + ": sex").isEqualTo(date);
        assertThat(PairComparer.impliedByNik(Comparison.REGION, nik, row, person)).as(kind + ": region").isEqualTo(region);
        assertThat(PairComparer.impliedByNik(Comparison.NAME, nik, row, person)).as(kind + ": name").isFalse();
    }

    @Test
    void anIdentifierThatIsNotANikImpliesNothing() {
        LinkRow row = Rows.program().nik("1234567").build();
        LinkRow person = Rows.registry().nik("1234567").build();
        int nik = comparer.levels(row, person)[Comparison.NIK.ordinal()];
        assertThat(PairComparer.impliedByNik(Comparison.BIRTH_DATE, nik, row, person)).isFalse();
    }

    @ParameterizedTest(name = "{0}: supported {5}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # case                                     | submitted        | name            | kk               | mother       | supported
            a one-digit repair, the same name          | 3201014501700002 | SITI AMINAH     | null             | null         | true
            a one-digit repair, a fuzzy name           | 3201014501700002 | SITI AMINAHH    | null             | null         | true
            a one-digit repair, another name           | 3201014501700002 | DEWI LESTARI    | null             | null         | false
            a one-digit repair, two typing slips       | 3201014501700002 | SIAI AMINA      | null             | null         | true
            a one-digit repair, no name                | 3201014501700002 | null            | null             | null         | false
            a one-digit repair, the same family card   | 3201014501700002 | DEWI LESTARI    | 3201010101000001 | null         | true
            a one-digit repair, the same mother        | 3201014501700002 | DEWI LESTARI    | null             | HJ. KARTINAH | true
            the family card in the NIK field, same date | 3201010101000001 | DEWI LESTARI   | 3201010101000001 | null         | true
            the exact NIK needs no support             | 3201014501700001 | DEWI LESTARI    | null             | null         | true
            a repair in the serial, the same birth date | 3201014501700002 | DEWI LESTARI   | null             | null         | false
            a repair in the date digits, the same date | 3201014601700001 | DEWI LESTARI    | null             | null         | true
            an identifier that is not a NIK            | 1234568          | DEWI LESTARI    | null             | null         | true
            another serial of the same day, same date  | 3201014501708001 | DEWI LESTARI    | null             | null         | false
            another serial of the same day, same name  | 3201014501708001 | SITI AMINAH     | null             | null         | true
            another serial of the same day, same card  | 3201014501708001 | DEWI LESTARI    | 3201010101000001 | null         | true
            """)
    void aRepairedNikNeedsSupportFromAFieldTheNikDoesNotEncode(String kind, String submitted, String name, String kk, String mother,
                                                               boolean supported) {
        String registryNik = submitted.length() == 7 ? "1234567" : "3201014501700001";
        LinkRow person = Rows.registry().nik(registryNik).kk(FAMILY).name("SITI AMINAH").mother("KARTINAH").born("1970-01-05").build();
        Rows b = Rows.program().nik(submitted).kk(kk).mother(mother).born("1970-01-05");
        LinkRow row = (name == null ? b : b.name(name)).build();
        assertThat(comparer.score(model(), row, person).supported()).as(kind).isEqualTo(supported);
    }
}
