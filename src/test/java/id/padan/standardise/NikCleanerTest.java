package id.padan.standardise;

import id.padan.reference.RegionReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One row per NIK error family of domain.md "Typical errors" item 1 (and the region item 5).
 * The NIKs are made up: 360301 is Balaraja, Kab. Tangerang; 910101 is Merauke before Papua Selatan.
 */
class NikCleanerTest {

    private final NikCleaner cleaner = new NikCleaner(RegionReference.kemendagri());

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "<null>", textBlock = """
            # raw                              | status    | digits             | problem
            <null>                             | MISSING   | <null>             | blank
            ''                                 | MISSING   | <null>             | blank
            '   '                              | MISSING   | <null>             | blank
            '\u00A0'                           | MISSING   | <null>             | blank
            '-'                                | MISSING   | <null>             | placeholder, not a number
            '----'                             | MISSING   | <null>             | placeholder, not a number
            '0'                                | MISSING   | <null>             | placeholder, not a number
            '0000000000000000'                 | MISSING   | <null>             | placeholder, not a number
            '000000000000000'                  | MISSING   | <null>             | placeholder, not a number
            '9999999999999999'                 | MISSING   | <null>             | placeholder, not a number
            '1234567890123456'                 | MISSING   | <null>             | placeholder, not a number
            'NULL'                             | MISSING   | <null>             | placeholder, not a number
            'null'                             | MISSING   | <null>             | placeholder, not a number
            'N/A'                              | MISSING   | <null>             | placeholder, not a number
            '#N/A'                             | MISSING   | <null>             | placeholder, not a number
            'TIDAK ADA'                        | MISSING   | <null>             | placeholder, not a number
            'belum ada'                        | MISSING   | <null>             | placeholder, not a number
            'XXXXXXXXXXXXXXXX'                 | MISSING   | <null>             | placeholder, not a number
            '3.60301E+15'                      | MALFORMED | <null>             | Excel scientific notation; digits lost
            '3,60301E+15'                      | MALFORMED | <null>             | Excel scientific notation; digits lost
            '3.60301e15'                       | MALFORMED | <null>             | Excel scientific notation; digits lost
            ' 3.60301E+15 '                    | MALFORMED | <null>             | Excel scientific notation; digits lost
            '''3.60301E+15'                    | MALFORMED | <null>             | Excel scientific notation; digits lost
            '360301120385002'                  | MALFORMED | 360301120385002    | 15 digits, expected 16
            '36030112038500021'                | MALFORMED | 36030112038500021  | 17 digits, expected 16
            '3603 0112 0385 002'               | MALFORMED | 360301120385002    | 15 digits, expected 16
            '3603011203850002.0'               | MALFORMED | 36030112038500020  | 17 digits, expected 16
            '360301XXXXXX0002'                 | MALFORMED | <null>             | masked: digits replaced by X or *
            'A603011203850002'                 | MALFORMED | <null>             | contains letters or symbols
            '3603011203850002/3603011203850003'| MALFORMED | <null>             | contains letters or symbols
            '3603011203850002'                 | VALID     | 3603011203850002   | <null>
            '''3603011203850002'               | VALID     | 3603011203850002   | <null>
            '`3603011203850002'                | VALID     | 3603011203850002   | <null>
            '  3603011203850002  '             | VALID     | 3603011203850002   | <null>
            '3603 0112 0385 0002'              | VALID     | 3603011203850002   | <null>
            '3603\u00A0011203850002'           | VALID     | 3603011203850002   | <null>
            '36.03.01.120385.0002'             | VALID     | 3603011203850002   | <null>
            '3603-01-120385-0002'              | VALID     | 3603011203850002   | <null>
            '3603013502850002'                 | STRUCTURE | 3603013502850002   | impossible birth date in NIK
            '3603013002850002'                 | STRUCTURE | 3603013002850002   | impossible birth date in NIK
            '3603013104850002'                 | STRUCTURE | 3603013104850002   | impossible birth date in NIK
            '3603014003850002'                 | STRUCTURE | 3603014003850002   | impossible birth date in NIK
            '3603017202850002'                 | STRUCTURE | 3603017202850002   | impossible birth date in NIK
            '3603011213850002'                 | STRUCTURE | 3603011213850002   | impossible birth date in NIK
            '3603010003850002'                 | STRUCTURE | 3603010003850002   | impossible birth date in NIK
            '3603012902790002'                 | STRUCTURE | 3603012902790002   | impossible birth date in NIK
            '3603016902130002'                 | STRUCTURE | 3603016902130002   | impossible birth date in NIK
            '3603012902800002'                 | VALID     | 3603012902800002   | <null>
            '3603016902000002'                 | VALID     | 3603016902000002   | <null>
            '1003011203850002'                 | STRUCTURE | 1003011203850002   | unknown province code
            '0003011203850002'                 | STRUCTURE | 0003011203850002   | unknown province code
            '9903011203850002'                 | STRUCTURE | 9903011203850002   | unknown province code
            '3603011203850000'                 | STRUCTURE | 3603011203850000   | serial number 0000
            '1003013502850002'                 | STRUCTURE | 1003013502850002   | unknown province code; impossible birth date in NIK
            """)
    void cleansAndClassifies(String raw, NikStatus status, String digits, String problem) {
        NikCheck check = cleaner.check(raw);
        assertThat(check.raw()).isEqualTo(raw);
        assertThat(check.status()).isEqualTo(status);
        assertThat(check.digits()).isEqualTo(digits);
        assertThat(check.problem()).isEqualTo(problem);
        assertThat(check.isValid()).isEqualTo(status == NikStatus.VALID);
    }

    @ParameterizedTest(name = "[{index}] {0} -> day {1} month {2} yy {3} sex {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # nik             | day | month | yy | sex
            3603011203850002  | 12  | 3     | 85 | L
            3603015203850003  | 12  | 3     | 85 | P
            3603014101000001  | 1   | 1     | 0  | P
            3603017112990001  | 31  | 12    | 99 | P
            3603012902080001  | 29  | 2     | 8  | L
            3603016902120001  | 29  | 2     | 12 | P
            1003011203850002  | 12  | 3     | 85 | L
            """)
    void readsTheDatePartWomenPlusForty(String nik, int day, int month, int yy, char sex) {
        NikCheck check = cleaner.check(nik);
        assertThat(check.hasBirthDate()).isTrue();
        assertThat(check.birthDay()).isEqualTo(day);
        assertThat(check.birthMonth()).isEqualTo(month);
        assertThat(check.birthYear2()).isEqualTo(yy);
        assertThat(check.sexFromNik()).isEqualTo(sex);
    }

    @ParameterizedTest
    @CsvSource({"3603013502850002", "3603014003850002", "360301120385002", "3.60301E+15", "0"})
    void noDatePartWithoutAPossibleDate(String raw) {
        NikCheck check = cleaner.check(raw);
        assertThat(check.hasBirthDate()).isFalse();
        assertThat(check.birthDay()).isZero();
        assertThat(check.birthMonth()).isZero();
        assertThat(check.birthYear2()).isEqualTo(-1);
        assertThat(check.sexFromNik()).isEqualTo('\0');
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1} known={2} retired={3}")
    @CsvSource(delimiter = '|', textBlock = """
            # nik             | status    | regionKnown | retired
            3603011203850002  | VALID     | true        | false
            9301011203850002  | VALID     | true        | false
            9101011203850002  | VALID     | true        | true
            9102011203850002  | VALID     | true        | true
            3603991203850002  | VALID     | false       | false
            3699011203850002  | VALID     | false       | false
            1003011203850002  | STRUCTURE | false       | false
            360301120385002   | MALFORMED | false       | false
            """)
    void unknownOrRetiredRegionIsAWarningNotAReject(String nik, NikStatus status, boolean known, boolean retired) {
        NikCheck check = cleaner.check(nik);
        assertThat(check.status()).isEqualTo(status);
        assertThat(check.regionKnown()).isEqualTo(known);
        assertThat(check.retiredRegion()).isEqualTo(retired);
    }

    @Test
    void cleanSixteenDigitsAreNotCopied() {
        String raw = "3603011203850002";
        assertThat(cleaner.check(raw).digits()).isSameAs(raw);
    }

    @ParameterizedTest(name = "[{index}] KK \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "<null>", textBlock = """
            # raw                | status    | digits            | problem                                | regionKnown
            <null>               | MISSING   | <null>            | blank                                  | false
            '-'                  | MISSING   | <null>            | placeholder, not a number              | false
            '0000000000000000'   | MISSING   | <null>            | placeholder, not a number              | false
            '3,60301E+15'        | MALFORMED | <null>            | Excel scientific notation; digits lost | false
            '360301120385002'    | MALFORMED | 360301120385002   | 15 digits, expected 16                 | false
            '''3603012005100007' | VALID     | 3603012005100007  | <null>                                 | true
            '3603013502850002'   | VALID     | 3603013502850002  | <null>                                 | true
            '3603011203850000'   | VALID     | 3603011203850000  | <null>                                 | true
            '3603991203850002'   | VALID     | 3603991203850002  | <null>                                 | false
            '1003012005100007'   | STRUCTURE | 1003012005100007  | unknown province code                  | false
            """)
    void familyCardHasAnIssueDateNotABirthDate(String raw, NikStatus status, String digits, String problem,
                                               boolean known) {
        KkCheck check = cleaner.checkKk(raw);
        assertThat(check.status()).isEqualTo(status);
        assertThat(check.digits()).isEqualTo(digits);
        assertThat(check.problem()).isEqualTo(problem);
        assertThat(check.regionKnown()).isEqualTo(known);
    }

    @Test
    void retiredRegionOnAFamilyCard() {
        KkCheck check = cleaner.checkKk("9101012005100007");
        assertThat(check.status()).isEqualTo(NikStatus.VALID);
        assertThat(check.regionKnown()).isTrue();
        assertThat(check.retiredRegion()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0} vs {1} {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "<null>", textBlock = """
            # nik             | birth date  | sex    | agrees
            3603015203850003  | 1985-03-12  | P      | true
            3603015203850003  | 1985-03-12  | p      | true
            3603015203850003  | 1985-03-12  | <null> | true
            3603015203850003  | 2085-03-12  | P      | true
            3603015203850003  | 1985-03-12  | L      | false
            3603015203850003  | 1985-12-03  | P      | false
            3603015203850003  | 1986-03-12  | P      | false
            3603015203850003  | 1985-03-13  | P      | false
            3603015203850003  | <null>      | P      | false
            3603015203850003  | 1985-03-12  | 2      | true
            3603011203850002  | 1985-03-12  | L      | true
            3603011203850002  | 1985-03-12  | P      | false
            3603013502850002  | 1985-02-05  | <null> | false
            360301120385002   | 1985-03-12  | L      | false
            """)
    void agreementWithTheRecordIsEvidence(String nik, String birthDate, Character sex, boolean agrees) {
        LocalDate date = birthDate == null ? null : LocalDate.parse(birthDate);
        assertThat(NikCleaner.agreesWith(cleaner.check(nik), date, sex)).isEqualTo(agrees);
    }

    @Test
    void agreementWithNothingIsFalse() {
        assertThat(NikCleaner.agreesWith(null, LocalDate.of(1985, 3, 12), 'L')).isFalse();
    }
}
