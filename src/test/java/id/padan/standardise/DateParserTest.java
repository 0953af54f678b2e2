package id.padan.standardise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One row per birth-date error family of domain.md "Typical errors" item 3, for each source's pattern. */
class DateParserTest {

    @ParameterizedTest(name = "[{index}] {0} \"{1}\" -> {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "<null>", textBlock = """
            # pattern    | raw               | status  | date
            dd-MM-yyyy   | 07-03-2010        | OK      | 2010-03-07
            dd-MM-yyyy   | '  07-03-2010 '   | OK      | 2010-03-07
            dd-MM-yyyy   | 03-07-2010        | OK      | 2010-07-03
            dd-MM-yyyy   | 31-02-2010        | INVALID | <null>
            dd-MM-yyyy   | 30-02-2012        | INVALID | <null>
            dd-MM-yyyy   | 29-02-2011        | INVALID | <null>
            dd-MM-yyyy   | 29-02-2012        | OK      | 2012-02-29
            dd-MM-yyyy   | 29-02-2000        | OK      | 2000-02-29
            dd-MM-yyyy   | 29-02-1900        | INVALID | <null>
            dd-MM-yyyy   | 31-04-2010        | INVALID | <null>
            dd-MM-yyyy   | 00-00-0000        | INVALID | <null>
            dd-MM-yyyy   | 01-01-0000        | INVALID | <null>
            dd-MM-yyyy   | 12-25-2010        | INVALID | <null>
            dd-MM-yyyy   | 7-3-2010          | INVALID | <null>
            dd-MM-yyyy   | 07-03-10          | INVALID | <null>
            dd-MM-yyyy   | 07/03/2010        | INVALID | <null>
            dd-MM-yyyy   | 2010-03-07        | INVALID | <null>
            dd-MM-yyyy   | 07-03-2010x       | INVALID | <null>
            dd-MM-yyyy   | <null>            | MISSING | <null>
            dd-MM-yyyy   | ''                | MISSING | <null>
            dd-MM-yyyy   | '   '             | MISSING | <null>
            dd-MM-yyyy   | '-'               | MISSING | <null>
            dd-MM-yyyy   | 01-01-1970        | OK      | 1970-01-01
            dd-MM-yyyy   | 31-12-1969        | OK      | 1969-12-31
            dd/MM/yyyy   | 07/03/2010        | OK      | 2010-03-07
            dd/MM/yyyy   | 7/3/2010          | OK      | 2010-03-07
            dd/MM/yyyy   | 17/3/2010         | OK      | 2010-03-17
            dd/MM/yyyy   | 7/11/2010         | OK      | 2010-11-07
            dd/MM/yyyy   | 3/7/2010          | OK      | 2010-07-03
            dd/MM/yyyy   | 31/2/2010         | INVALID | <null>
            dd/MM/yyyy   | 12/25/2010        | INVALID | <null>
            dd/MM/yyyy   | 007/03/2010       | INVALID | <null>
            dd/MM/yyyy   | 0/0/0000          | INVALID | <null>
            dd/MM/yyyy   | ''                | MISSING | <null>
            yyyy-MM-dd   | 2010-03-07        | OK      | 2010-03-07
            yyyy-MM-dd   | 2012-02-29        | OK      | 2012-02-29
            yyyy-MM-dd   | 2011-02-29        | INVALID | <null>
            yyyy-MM-dd   | 2010-02-31        | INVALID | <null>
            yyyy-MM-dd   | 0000-00-00        | INVALID | <null>
            yyyy-MM-dd   | 2010-3-7          | INVALID | <null>
            yyyy-MM-dd   | 2010-07-03        | OK      | 2010-07-03
            yyyy-MM-dd   | ' '               | MISSING | <null>
            dd.MM.uuuu   | 07.03.2010        | OK      | 2010-03-07
            ddMMyyyy     | 07032010          | OK      | 2010-03-07
            ddMMyyyy     | 31022010          | INVALID | <null>
            ddMMyyyy     | 29022011          | INVALID | <null>
            ddMMyyyy     | 00000000          | INVALID | <null>
            ddMMyyyy     | 0703201           | INVALID | <null>
            ddMMyyyy     | ''                | MISSING | <null>
            d MMM yyyy   | 7 Mar 2010        | OK      | 2010-03-07
            d MMM yyyy   | 31 Feb 2010       | INVALID | <null>
            """)
    void parsesStrictlyAsWritten(String pattern, String raw, DateStatus status, LocalDate date) {
        ParsedDate parsed = new DateParser(pattern).parse(raw);
        assertThat(parsed.status()).isEqualTo(status);
        assertThat(parsed.date()).isEqualTo(date);
        assertThat(parsed.isOk()).isEqualTo(status == DateStatus.OK);
    }

    @Test
    void failuresShareOneResult() {
        DateParser parser = new DateParser("dd-MM-yyyy");
        assertThat(parser.parse("31-02-2010")).isSameAs(ParsedDate.INVALID);
        assertThat(parser.parse("")).isSameAs(ParsedDate.MISSING);
        assertThat(parser.pattern()).isEqualTo("dd-MM-yyyy");
    }

    @Test
    void aBrokenPatternFailsAtConstruction() {
        assertThatThrownBy(() -> new DateParser("dd-MM-yyyy{"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "1980-01-01, true",
            "1980-07-01, true",
            "1980-12-31, true",
            "1980-07-02, false",
            "1980-01-31, false",
            "1980-12-01, false",
            "1980-03-07, false"})
    void placeholderBirthDates(LocalDate date, boolean placeholder) {
        assertThat(DateParser.isPlaceholder(date)).isEqualTo(placeholder);
    }

    @Test
    void noDateIsNoPlaceholder() {
        assertThat(DateParser.isPlaceholder(null)).isFalse();
    }
}
