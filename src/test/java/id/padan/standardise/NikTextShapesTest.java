package id.padan.standardise;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.reference.RegionReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shapes of a NIK field that are not a NIK: what Excel makes of a long number, counting placeholders, stray characters. */
class NikTextShapesTest {
    private static final NikCleaner CLEANER = new NikCleaner(RegionReference.kemendagri());

    @ParameterizedTest(name = "[{0}] scientific: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            3.60301E+15         | true
            3,60301E+15         | true
            3.60301e15          | true
            3603E15             | true
            `  3.6E+15  `       | true
            '3.6E+15            | true
            3.6E-5              | true
            3.6E+123            | true
            3.6E+1234           | false
            3.6E                | false
            3.6E+               | false
            E+15                | false
            .5E+15              | false
            3.6X+15             | false
            3.6E+1a             | false
            3.6.1E+15           | false
            3.6                 | false
            ABC                 | false
            3.6E+15 X           | false
            """)
    void excelScientificNotationIsRecognised(String raw, boolean scientific) {
        assertThat(NikCleaner.isScientific(raw)).isEqualTo(scientific);
        if (scientific) {
            NikCheck check = CLEANER.check(raw);
            assertThat(check.status()).isEqualTo(NikStatus.MALFORMED);
            assertThat(check.problem()).isEqualTo(NikCleaner.SCIENTIFIC);
            assertThat(check.digits()).isNull();
        }
    }

    @ParameterizedTest(name = "[{0}] -> {1} ({2})")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            123456               | MISSING   | placeholder
            1234567890123456     | MISSING   | placeholder
            12345                | MALFORMED | 5 digits
            123457               | MALFORMED | 6 digits
            0000000000000000     | MISSING   | placeholder
            `   `                | MISSING   | blank
            ---                  | MISSING   | placeholder
            XXXXXXXXXXXXXXXX     | MISSING   | placeholder
            3603-0147-0890-0001  | VALID     |
            `3603 0147 0890 0001`| VALID     |
            '3603014708900001    | VALID     |
            3603O14708900001     | MALFORMED | 
            """)
    void placeholdersAndPunctuationAreToldApartFromNumbers(String raw, NikStatus status, String problem) {
        NikCheck check = CLEANER.check(raw);
        assertThat(check.status()).isEqualTo(status);
        if (problem != null) assertThat(check.problem()).contains(problem);
        if (status == NikStatus.VALID) assertThat(check.digits()).isEqualTo("3603014708900001");
    }

    @ParameterizedTest(name = "[{0}] cleaned: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "NULL", textBlock = """
            3603014708900001     | 3603014708900001
            3603.0147.0890.0001  | 3603014708900001
            '3603014708900001    | 3603014708900001
            3603014708900001'    | NULL
            36030147A8900001     | NULL
            ` `                  | ``
            """)
    void ignorableCharactersAreDroppedAndAnythingElseMakesItText(String raw, String cleaned) {
        assertThat(NikCleaner.cleanDigits(raw)).isEqualTo(cleaned);
    }
}
