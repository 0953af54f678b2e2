package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The NIKs a submitted digit string may have been meant as. */
class NikVariantsTest {

    private static List<String> variants(String digits) {
        List<String> out = new ArrayList<>();
        NikVariants.forEach(digits, out::add);
        return out;
    }

    @ParameterizedTest(name = "{0} is found from {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # meant            | submitted
            3201014501900001   | 3201014501900002
            3201014501900001   | 9201014501900001
            3201014501900001   | 3201014501900010
            3201014501900001   | 2301014501900001
            3201014501900001   | 320101450190001
            3201014501900001   | 201014501900001
            3201014501900001   | 320101450190000
            3201014501900001   | 32010145019000011
            3201014501900001   | 43201014501900001
            1234567            | 1234568
            1234567            | 1243567
            """)
    void theMeantNumberIsAmongTheVariants(String meant, String submitted) {
        assertThat(variants(submitted)).contains(meant);
    }

    @Test
    void sixteenDigitsGiveEveryOtherDigitAtEachPlaceAndEverySwapOfUnequalNeighbours() {
        // 16 places x 9 other digits, and 15 neighbour pairs of which three (00) swap to themselves and are left out
        List<String> v = variants("3201014501900001");
        assertThat(v).hasSize(16 * 9 + 15 - 3).doesNotContain("3201014501900001").allMatch(s -> s.length() == 16);
    }

    @Test
    void fifteenDigitsGiveEveryInsertionAndSeventeenEveryDeletion() {
        assertThat(variants("320101450190001")).hasSize(16 * 10).allMatch(s -> s.length() == 16);
        assertThat(variants("32010145019000011")).hasSize(17).allMatch(s -> s.length() == 16);
    }

    @ParameterizedTest(name = "{0}: the numbers of the variants, in order")
    @CsvSource({"3201014501900001", "0000000000000000", "0999999999999990", "9999999999999999", "320101450190001", "000000000000000",
            "999999999999999", "32010145019000011", "00000000000000000", "99999999999999999", "1234567", "12345678901234",
            "3201A14501900001", "32010145019000X"})
    void theNumbersAreThoseOfTheVariantsInTheirOrder(String digits) {
        List<Long> numbers = new ArrayList<>();
        NikVariants.forEachNumber(digits, numbers::add);
        assertThat(numbers).isNotEmpty().isEqualTo(variants(digits).stream().map(BlockKeys::nik).toList());
        if (NikVariants.sixteenDigitVariants(digits)) assertThat(numbers.stream().map(NikVariants::sixteen).toList()).isEqualTo(variants(digits));
    }

    @Test
    void randomDigitStringsOfEveryLengthGiveTheNumbersOfTheirVariants() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder digits = new StringBuilder();
            int n = 6 + random.nextInt(12);
            for (int k = 0; k < n; k++) digits.append((char) ('0' + (random.nextInt(4) == 0 ? 0 : random.nextInt(10))));
            List<Long> numbers = new ArrayList<>();
            NikVariants.forEachNumber(digits.toString(), numbers::add);
            assertThat(numbers).as(digits.toString()).isEqualTo(variants(digits.toString()).stream().map(BlockKeys::nik).toList());
        }
    }

    @ParameterizedTest(name = "{0} digits: no variants")
    @CsvSource({"12345", "123456789012345678"})
    void otherLengthsHaveNone(String digits) {
        assertThat(variants(digits)).isEmpty();
    }
}
