package id.padan.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewSidesTest {
    @Test
    void aRegionSentToTheKecamatanOnlyIsNotAnotherRegionOfItsDesa() {
        assertThat(ReviewPage.Sides.differs("region", "327105", "3271051003")).isFalse();
        assertThat(ReviewPage.Sides.differs("region", "3271051003", "327105")).isFalse();
        assertThat(ReviewPage.Sides.differs("region", "327105", "3271061003")).isTrue();
    }

    @Test
    void otherFieldsDifferWhenTheirTextDoes() {
        assertThat(ReviewPage.Sides.differs("name", "ELISA", "ELISA")).isFalse();
        assertThat(ReviewPage.Sides.differs("name", "ELISA", "ELISABETH")).isTrue();
        assertThat(ReviewPage.Sides.differs("name", null, "ELISA")).isFalse();
    }
}
