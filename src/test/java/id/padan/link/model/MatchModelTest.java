package id.padan.link.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Weights from m and u, the term-frequency adjustment, and probabilities. */
class MatchModelTest {

    private static MatchModel model() {
        double[][] m = ModelEstimator.initialM();
        double[][] u = ModelEstimator.initialM();
        for (Comparison c : Comparison.values()) {
            for (int l = 0; l < c.nullLevel(); l++) u[c.ordinal()][l] = 1.0 / c.nullLevel();
        }
        m[Comparison.NAME.ordinal()][0] = 0.8;
        u[Comparison.NAME.ordinal()][0] = 0.001;
        return new MatchModel(m, u, 0.001, 1e-6);
    }

    @Test
    void weightIsLog2OfMOverU() {
        MatchModel model = model();
        assertThat(model.weight(Comparison.NAME, 0, 0)).isCloseTo(Math.log(800) / Math.log(2), within(1e-9));
    }

    @Test
    void termFrequencyReplacesUForAnExactAgreementOnly() {
        MatchModel model = model();
        assertThat(model.weight(Comparison.NAME, 0, 0.1)).isCloseTo(Math.log(8) / Math.log(2), within(1e-9));
        assertThat(model.weight(Comparison.NAME, 0, 1e-9)).as("floored at min-u").isCloseTo(Math.log(0.8e6) / Math.log(2), within(1e-9));
        assertThat(model.weight(Comparison.NAME, 1, 0.1)).isEqualTo(model.weight(Comparison.NAME, 1, 0));
    }

    @Test
    void probabilityOfAWeight() {
        assertThat(MatchModel.probability(0)).isEqualTo(0.5);
        assertThat(MatchModel.probability(Math.log(99) / Math.log(2))).isCloseTo(0.99, within(1e-12));
        assertThat(MatchModel.probability(-Math.log(99) / Math.log(2))).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void priorWeightIsTheLogOdds() {
        assertThat(model().priorWeight()).isCloseTo(Math.log(0.001 / 0.999) / Math.log(2), within(1e-12));
    }
}
