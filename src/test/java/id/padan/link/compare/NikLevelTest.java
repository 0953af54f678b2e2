package id.padan.link.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The NIK levels from digits alone: one row per kind of NIK error of domain.md. */
class NikLevelTest {

    @ParameterizedTest(name = "{0}: {1} vs {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                       | submitted        | registry         | level
            same NIK                     | 3201014501900001 | 3201014501900001 | EXACT
            one digit in the serial      | 3201014501900002 | 3201014501900001 | ONE_DIGIT
            one digit in the region      | 3201024501900001 | 3201014501900001 | ONE_DIGIT
            one digit in the birth date  | 3201014502900001 | 3201014501900001 | ONE_DIGIT
            adjacent swap                | 3201014501900010 | 3201014501900001 | ADJACENT_SWAP
            adjacent swap in the date    | 3201015401900001 | 3201014501900001 | ADJACENT_SWAP
            two digits apart differ      | 3201014501900100 | 3201014501900001 | SAME_REGION_AND_DATE
            two non-adjacent in region   | 3202024501900001 | 3201014501900001 | DIFFERENT
            same region and date only    | 3201014501909999 | 3201014501900001 | SAME_REGION_AND_DATE
            other region                 | 3301014501909999 | 3201014501900001 | DIFFERENT
            short identifier one digit   | 1234567          | 1234568          | ONE_DIGIT
            short identifier swap        | 1234576          | 1234567          | ADJACENT_SWAP
            short identifier other       | 1239999          | 1234567          | DIFFERENT
            """)
    void sameLengthLevelsAreSymmetric(String kind, String a, String b, NikLevel level) {
        assertThat(NikLevel.ofDigits(a, b)).as(kind).isEqualTo(level);
        assertThat(NikLevel.ofDigits(b, a)).as(kind + ", other order").isEqualTo(level);
    }

    @ParameterizedTest(name = "{0}: {1} vs {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                        | submitted         | registry         | level
            a digit dropped in the middle | 320101450190001   | 3201014501900001 | ONE_INSERTED_OR_DROPPED
            the last digit dropped        | 320101450190000   | 3201014501900001 | ONE_INSERTED_OR_DROPPED
            the first digit dropped       | 201014501900001   | 3201014501900001 | ONE_INSERTED_OR_DROPPED
            a digit added                 | 32010145019000011 | 3201014501900001 | ONE_INSERTED_OR_DROPPED
            a digit added in front        | 93201014501900001 | 3201014501900001 | ONE_INSERTED_OR_DROPPED
            15 digits, two edits          | 320101450190999   | 3201014501900001 | SAME_REGION_AND_DATE
            15 digits, elsewhere          | 330101450199999   | 3201014501900001 | DIFFERENT
            17 digits, two edits          | 32010145019099999 | 3201014501900001 | SAME_REGION_AND_DATE
            12 digits of the prefix       | 320101450190     | 3201014501900001 | SAME_REGION_AND_DATE
            11 digits                     | 32010145019      | 3201014501900001 | DIFFERENT
            """)
    void lengthErrorsAreFoundFromTheSubmittedSide(String kind, String submitted, String registry, NikLevel level) {
        assertThat(NikLevel.ofDigits(submitted, registry)).as(kind).isEqualTo(level);
    }

    @ParameterizedTest(name = "[{0}] vs [{1}] = NULL")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            null             | 3201014501900001
            ''               | 3201014501900001
            3201014501900001 | null
            """)
    void aMissingSideIsNull(String submitted, String registry) {
        assertThat(NikLevel.ofDigits(submitted, registry)).isEqualTo(NikLevel.NULL);
    }

    @ParameterizedTest(name = "{0} is a repair: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            EXACT                   | false
            ONE_DIGIT               | true
            ADJACENT_SWAP           | true
            ONE_INSERTED_OR_DROPPED | true
            KK_IN_NIK_FIELD         | true
            FAMILY_MEMBER_NIK       | true
            SAME_REGION_AND_DATE    | true
            DIFFERENT               | false
            NULL                    | false
            """)
    void repairs(NikLevel level, boolean repair) {
        assertThat(level.isRepair()).isEqualTo(repair);
    }

    @ParameterizedTest(name = "{0} inside {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1234 | 12345 | true
            1235 | 12345 | true
            2345 | 12345 | true
            1345 | 12345 | true
            1243 | 12345 | false
            123  | 12345 | false
            """)
    void oneInsertion(String shorter, String longer, boolean expected) {
        assertThat(NikLevel.oneInsertion(shorter, longer)).isEqualTo(expected);
    }
}
