package id.padan.run.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityModelTest {
    private static CapacityModel.Sample sample(long rows, double ingest, double partitions, double peakMb) {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("ingest", ingest);
        s.put(CapacityModel.PARTITIONS, partitions);
        return new CapacityModel.Sample(rows, s, peakMb);
    }

    @Test
    void aStageThatGrowsLinearlyIsFittedExactlyAndReadAtTheSizeAsked() {
        // ingest: 5 s + 10 s per million rows; partitions: 2 s + 100 s per million rows
        var model = new CapacityModel(List.of(sample(1_000_000, 15, 102, 900), sample(2_000_000, 25, 202, 900), sample(4_000_000, 45, 402, 900)));
        assertThat(model.stages().get("ingest").intercept()).isCloseTo(5, within(1e-6));
        assertThat(model.stages().get("ingest").slope() * 1e6).isCloseTo(10, within(1e-6));
        assertThat(model.stages().get("ingest").worstMiss()).isCloseTo(0, within(1e-9));
        var p = model.predict(10_000_000, 1, 1);
        assertThat(p.stageSeconds().get("ingest")).isCloseTo(105, within(1e-6));
        assertThat(p.stageSeconds().get(CapacityModel.PARTITIONS)).isCloseTo(1002, within(1e-6));
        assertThat(p.seconds()).isCloseTo(1107, within(1e-6));
    }

    @Test
    void onlyTheLinkPartitionsAreSpreadOverWorkersAndTheirCores() {
        var model = new CapacityModel(List.of(sample(1_000_000, 15, 102, 900), sample(2_000_000, 25, 202, 900)));
        var one = model.predict(10_000_000, 1, 1);
        var eight = model.predict(10_000_000, 2, 4);
        assertThat(eight.stageSeconds().get("ingest")).isEqualTo(one.stageSeconds().get("ingest"));
        assertThat(eight.stageSeconds().get(CapacityModel.PARTITIONS)).isCloseTo(one.stageSeconds().get(CapacityModel.PARTITIONS) / 8, within(1e-6));
    }

    @Test
    void memoryBoundedByThePartitionHasNoSlopeAndMemoryThatGrowsIsPredictedToGrow() {
        var bounded = new CapacityModel(List.of(sample(1_000_000, 15, 102, 1200), sample(2_000_000, 25, 202, 1200)));
        assertThat(bounded.memory().slope()).isZero();
        assertThat(bounded.predict(450_000_000, 1, 2).peakMb()).isCloseTo(1200, within(1e-6));
        var growing = new CapacityModel(List.of(sample(1_000_000, 15, 102, 6000), sample(2_000_000, 25, 202, 11600)));
        assertThat(growing.predict(3_000_000, 1, 2).peakMb()).isCloseTo(17200, within(1e-6));
    }

    @Test
    void aStageThatGrowsFasterThanLinearlyShowsAsALargeMiss() {
        // quadratic: 1, 4, 16 s at 1, 2, 4 million rows
        var model = new CapacityModel(List.of(sample(1_000_000, 1, 1, 900), sample(2_000_000, 4, 1, 900), sample(4_000_000, 16, 1, 900)));
        assertThat(model.stages().get("ingest").worstMiss()).isGreaterThan(0.2);
        assertThat(model.describe(model.predict(5_000_000, 1, 2))).contains("| ingest |").contains("worst miss").contains("Assumptions");
    }

    @Test
    void oneSizeIsNotAModel() {
        assertThatThrownBy(() -> new CapacityModel(List.of(sample(1_000_000, 15, 102, 900)))).hasMessageContaining("two sizes");
        assertThatThrownBy(() -> new CapacityModel(List.of(sample(1_000_000, 15, 102, 900), sample(1_000_000, 16, 100, 910))))
                .hasMessageContaining("two different sizes");
    }

    @Test
    void durationsReadAsMinutesOrHours() {
        assertThat(CapacityModel.duration(125)).isEqualTo("2 min 5 s");
        assertThat(CapacityModel.duration(3 * 3600 + 20 * 60 + 10)).isEqualTo("3 h 20 min");
    }
}
