package id.padan.link.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Birth date levels, one row per kind of date error; every pair in both argument orders. */
class DateLevelTest {

    @ParameterizedTest(name = "{0}: {1} vs {2} = {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # case                          | one        | other      | level
            same date                       | 1990-05-17 | 1990-05-17 | EXACT
            day and month swapped           | 1990-05-07 | 1990-07-05 | DAY_MONTH_SWAPPED
            swapped, other year             | 1990-05-07 | 1991-07-05 | DIFFERENT
            year off by one                 | 1990-05-17 | 1991-05-17 | YEAR_OFF_BY_ONE
            year off by two, two digits     | 1989-05-17 | 1991-05-17 | DIFFERENT
            one year digit (decade)         | 1985-05-17 | 1995-05-17 | ONE_PART_DIFFERS
            one year digit (units, 6 off)   | 2010-05-17 | 2016-05-17 | ONE_PART_DIFFERS
            one year digit, century         | 1905-05-17 | 2005-05-17 | GENERATION_APART
            day differs                     | 1990-05-17 | 1990-05-18 | ONE_PART_DIFFERS
            month differs                   | 1990-05-17 | 1990-06-17 | ONE_PART_DIFFERS
            placeholder 1 January           | 1990-01-01 | 1990-05-17 | PLACEHOLDER
            placeholder 1 July              | 1990-07-01 | 1990-05-17 | PLACEHOLDER
            placeholder 31 December         | 1990-12-31 | 1990-05-17 | PLACEHOLDER
            placeholder, one year off       | 1989-01-01 | 1990-05-17 | PLACEHOLDER
            placeholder, years off          | 1985-01-01 | 1990-05-17 | DIFFERENT
            placeholder, decades off        | 1950-01-01 | 1990-05-17 | GENERATION_APART
            not a placeholder, same year    | 1990-02-01 | 1990-05-17 | DIFFERENT
            different, within a generation  | 1990-05-17 | 1979-11-03 | DIFFERENT
            eleven years, one day short     | 1990-05-17 | 1978-05-18 | DIFFERENT
            twelve years apart              | 1990-05-17 | 1978-05-16 | GENERATION_APART
            a parent's and a child's        | 2014-12-14 | 1971-12-30 | GENERATION_APART
            missing                         | null       | 1990-05-17 | NULL
            both missing                    | null       | null       | NULL
            """)
    void levels(String kind, String one, String other, DateLevel level) {
        LocalDate a = one == null ? null : LocalDate.parse(one);
        LocalDate b = other == null ? null : LocalDate.parse(other);
        assertThat(DateLevel.compare(a, b)).as(kind).isEqualTo(level);
        assertThat(DateLevel.compare(b, a)).as(kind + ", other order").isEqualTo(level);
    }
}
