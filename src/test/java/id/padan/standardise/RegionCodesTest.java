package id.padan.standardise;

import id.padan.reference.RegionReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One row per region error family of domain.md "Typical errors" item 5, for each way a source writes a region. */
class RegionCodesTest {

    private final RegionCodes codes = new RegionCodes(RegionReference.kemendagri());

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {5}")
    @CsvSource(delimiter = '|', nullValues = "<null>", textBlock = """
            # code            | desa       | kecamatan | kabupaten | province | status
            3671011001        | 3671011001 | 367101    | 3671      | 36       | KNOWN
            '36.71.01.1001'   | 3671011001 | 367101    | 3671      | 36       | KNOWN
            ' 3671011001 '    | 3671011001 | 367101    | 3671      | 36       | KNOWN
            3671019999        | 3671019999 | 367101    | 3671      | 36       | UNKNOWN
            9101011001        | 9101011001 | 910101    | 9101      | 91       | RETIRED
            9301011002        | 9301011002 | 930101    | 9301      | 93       | KNOWN
            360301            | <null>     | 360301    | 3603      | 36       | KNOWN
            910101            | <null>     | 910101    | 9101      | 91       | RETIRED
            360399            | <null>     | 360399    | 3603      | 36       | UNKNOWN
            3603              | <null>     | <null>    | 3603      | 36       | KNOWN
            9101              | <null>     | <null>    | 9101      | 91       | RETIRED
            36                | <null>     | <null>    | <null>    | 36       | KNOWN
            10                | <null>     | <null>    | <null>    | 10       | UNKNOWN
            36710110          | <null>     | <null>    | <null>    | <null>   | UNKNOWN
            367101100         | <null>     | <null>    | <null>    | <null>   | UNKNOWN
            '3671O11001'      | <null>     | <null>    | <null>    | <null>   | UNKNOWN
            <null>            | <null>     | <null>    | <null>    | <null>   | MISSING
            ''                | <null>     | <null>    | <null>    | <null>   | MISSING
            '-'               | <null>     | <null>    | <null>    | <null>   | MISSING
            '0'               | <null>     | <null>    | <null>    | <null>   | MISSING
            0000000000        | <null>     | <null>    | <null>    | <null>   | MISSING
            """)
    void fromOneCode(String code, String desa, String kecamatan, String kabupaten, String province,
                     RegionStatus status) {
        assertThat(codes.of(code)).isEqualTo(new RegionCode(desa, kecamatan, kabupaten, province, status));
    }

    @ParameterizedTest(name = "[{index}] {0}|{1}|{2}|{3} -> {8}")
    @CsvSource(delimiter = '|', nullValues = "<null>", textBlock = """
            # prop | kab    | kec      | kel          | desa       | kecamatan | kabupaten | province | status
            36     | 71     | 01       | 1001         | 3671011001 | 367101    | 3671      | 36       | KNOWN
            36     | 3      | 1        | 2003         | 3603012003 | 360301    | 3603      | 36       | KNOWN
            ' 36 ' | ' 03 ' | ' 01 '   | ' 2003 '     | 3603012003 | 360301    | 3603      | 36       | KNOWN
            91     | 1      | 1        | 1001         | 9101011001 | 910101    | 9101      | 91       | RETIRED
            36     | 3603   | 360301   | 3603012003   | 3603012003 | 360301    | 3603      | 36       | KNOWN
            36     | 71     | 01       | 9999         | 3671019999 | 367101    | 3671      | 36       | UNKNOWN
            36     | 03     | 01       | ''           | <null>     | 360301    | 3603      | 36       | KNOWN
            36     | 03     | 01       | 0000         | <null>     | 360301    | 3603      | 36       | KNOWN
            36     | 03     | ''       | ''           | <null>     | <null>    | 3603      | 36       | KNOWN
            36     | 03     | 3671     | 2003         | <null>     | <null>    | 3603      | 36       | UNKNOWN
            36     | 03     | 0A       | 2003         | <null>     | <null>    | 3603      | 36       | UNKNOWN
            36     | ''     | 01       | 2003         | <null>     | <null>    | <null>    | 36       | UNKNOWN
            36     | 003    | 01       | 2003         | <null>     | <null>    | <null>    | 36       | UNKNOWN
            ''     | 03     | 01       | 2003         | <null>     | <null>    | <null>    | <null>   | UNKNOWN
            <null> | <null> | <null>   | <null>       | <null>     | <null>    | <null>    | <null>   | MISSING
            ''     | ''     | ''       | ''           | <null>     | <null>    | <null>    | <null>   | MISSING
            """)
    void fromDukcapilParts(String prop, String kab, String kec, String kel,
                           String desa, String kecamatan, String kabupaten, String province, RegionStatus status) {
        assertThat(codes.of(prop, kab, kec, kel))
                .isEqualTo(new RegionCode(desa, kecamatan, kabupaten, province, status));
    }
}
