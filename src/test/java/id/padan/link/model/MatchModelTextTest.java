package id.padan.link.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A stored model weighs every level exactly as the model that was stored: every number comes back to the last bit. */
class MatchModelTextTest {

    @Test
    void aModelReadBackFromItsTextIsTheSameModel() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] m = new double[Comparison.COUNT][];
        double[][] u = new double[Comparison.COUNT][];
        for (Comparison c : Comparison.values()) {
            m[c.ordinal()] = new double[c.levelCount()];
            u[c.ordinal()] = new double[c.levelCount()];
            for (int l = 0; l < c.levelCount(); l++) {
                m[c.ordinal()][l] = random.nextDouble();
                u[c.ordinal()][l] = random.nextDouble() / 1e5 + Double.MIN_NORMAL;
            }
        }
        MatchModel model = new MatchModel(m, u, 1.0 / 3_000_001, 1e-7);
        MatchModel back = MatchModel.fromText(model.toText());
        assertThat(back.priorWeight()).isEqualTo(model.priorWeight());
        for (Comparison c : Comparison.values()) {
            for (int l = 0; l < c.nullLevel(); l++) {
                assertThat(back.m(c, l)).isEqualTo(model.m(c, l));
                assertThat(back.u(c, l)).isEqualTo(model.u(c, l));
                assertThat(back.weight(c, l, 0)).isEqualTo(model.weight(c, l, 0));
                assertThat(back.weight(c, l, 0.0123)).isEqualTo(model.weight(c, l, 0.0123));
            }
        }
        assertThat(back.maxTotalWeight()).isEqualTo(model.maxTotalWeight());
        assertThat(back.toText()).isEqualTo(model.toText());
    }

    @Test
    void aTextMissingLevelsIsRefused() {
        assertThatThrownBy(() -> MatchModel.fromText("prior 0.001\nmin-u 1.0E-7\nNIK 0 0.9 0.001\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("levels");
    }
}
