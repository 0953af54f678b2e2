package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.link.compare.DateLevel;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Placeholder birth days learned from a run's data, and how a placeholder compares. */
class PlaceholderDatesTest {

    /** Every day of 1960-1999 once, plus {@code extra} more rows on each given day (across those years). */
    private static List<LocalDate> data(int extra, MonthDay... days) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(1960, 1, 1); d.getYear() < 2000; d = d.plusDays(1)) out.add(d);
        for (MonthDay day : days) for (int i = 0; i < extra; i++) out.add(day.atYear(1960 + i % 40));
        out.add(null);
        return out;
    }

    @Test
    void aFirstOrLastOfAMonthFarAboveItsNeighboursIsLearned() {
        PlaceholderDates p = PlaceholderDates.learn(data(200, MonthDay.of(3, 1), MonthDay.of(6, 30)));
        assertThat(p.learned()).containsExactlyInAnyOrder(MonthDay.of(3, 1), MonthDay.of(6, 30));
        assertThat(p.test(LocalDate.of(1985, 3, 1))).isTrue();
        assertThat(p.test(LocalDate.of(1985, 3, 2))).isFalse();
    }

    @Test
    void aFrequentDayInTheMiddleOfAMonthIsNotAPlaceholder() {
        assertThat(PlaceholderDates.learn(data(200, MonthDay.of(3, 15))).learned()).isEmpty();
    }

    @Test
    void aDayOnlyALittleAboveItsNeighboursIsNotLearned() {
        // 40 rows a day (one per year) against 40 + 80 = 120: three times, under the factor of four
        assertThat(PlaceholderDates.learn(data(80, MonthDay.of(3, 1))).learned()).isEmpty();
    }

    @Test
    void theWellKnownPlaceholdersAlwaysCount() {
        PlaceholderDates p = PlaceholderDates.learn(List.of());
        assertThat(p.test(LocalDate.of(1985, 1, 1))).isTrue();
        assertThat(p.test(LocalDate.of(1985, 7, 1))).isTrue();
        assertThat(p.test(LocalDate.of(1985, 12, 31))).isTrue();
        assertThat(p.test(LocalDate.of(1985, 3, 1))).isFalse();
        assertThat(p.test(null)).isFalse();
    }

    @Test
    void aLearnedPlaceholderInTheSameYearSaysLittleButYearsOffItContradicts() {
        PlaceholderDates p = PlaceholderDates.learn(data(200, MonthDay.of(3, 1)));
        LocalDate real = LocalDate.of(1985, 9, 17);
        assertThat(DateLevel.compare(LocalDate.of(1985, 3, 1), real, p)).isEqualTo(DateLevel.PLACEHOLDER);
        assertThat(DateLevel.compare(real, LocalDate.of(1986, 3, 1), p)).isEqualTo(DateLevel.PLACEHOLDER);
        assertThat(DateLevel.compare(LocalDate.of(1982, 3, 1), real, p)).isEqualTo(DateLevel.DIFFERENT);
        assertThat(DateLevel.compare(real, LocalDate.of(1982, 3, 1), p)).isEqualTo(DateLevel.DIFFERENT);
        assertThat(DateLevel.compare(LocalDate.of(1962, 3, 1), real, p)).isEqualTo(DateLevel.GENERATION_APART);
    }
}
