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
        var p = model.predict(10_000_000, 38_000, 1, 1);
        assertThat(p.stageSeconds().get("ingest")).isCloseTo(105, within(1e-6));
        assertThat(p.stageSeconds().get(CapacityModel.PARTITIONS)).isCloseTo(1002, within(1e-6));
        assertThat(p.seconds()).isCloseTo(1107, within(1e-6));
    }

    @Test
    void onlyTheLinkPartitionsAreSpreadOverWorkersAndTheirCores() {
        var model = new CapacityModel(List.of(sample(1_000_000, 15, 102, 900), sample(2_000_000, 25, 202, 900)));
        var one = model.predict(10_000_000, 38_000, 1, 1);
        var eight = model.predict(10_000_000, 38_000, 2, 4);
        assertThat(eight.stageSeconds().get("ingest")).isEqualTo(one.stageSeconds().get("ingest"));
        assertThat(eight.stageSeconds().get(CapacityModel.PARTITIONS)).isCloseTo(one.stageSeconds().get(CapacityModel.PARTITIONS) / 8, within(1e-6));
    }

    @Test
    void memoryBoundedByThePartitionHasNoSlopeAndMemoryThatGrowsIsPredictedToGrow() {
        var bounded = new CapacityModel(List.of(sample(1_000_000, 15, 102, 1200), sample(2_000_000, 25, 202, 1200)));
        assertThat(bounded.memory().slope()).isZero();
        assertThat(bounded.predict(450_000_000, 38_000, 1, 2).peakMb()).isCloseTo(1200, within(1e-6));
        var growing = new CapacityModel(List.of(sample(1_000_000, 15, 102, 6000), sample(2_000_000, 25, 202, 11600)));
        assertThat(growing.predict(3_000_000, 38_000, 1, 2).peakMb()).isCloseTo(17200, within(1e-6));
    }

    @Test
    void aStageThatGrowsFasterThanLinearlyShowsAsALargeMiss() {
        // quadratic: 1, 4, 16 s at 1, 2, 4 million rows
        var model = new CapacityModel(List.of(sample(1_000_000, 1, 1, 900), sample(2_000_000, 4, 1, 900), sample(4_000_000, 16, 1, 900)));
        assertThat(model.stages().get("ingest").worstMiss()).isGreaterThan(0.2);
        assertThat(model.describe(model.predict(5_000_000, 38_000, 1, 2))).contains("| ingest |").contains("worst miss").contains("Assumptions");
    }

    private static CapacityModel.Sample atDensity(long rows, double density, double search) {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("link-search", search);
        s.put("ingest", 10 + rows * 20e-6);
        return new CapacityModel.Sample(rows, s, 900, density);
    }

    @Test
    void aStageWhoseCostPerRowRisesWithTheRegistrysDensityIsReadAtTheDensityAsked() {
        // link-search: rows x (100 us + 0.02 us per person a code); the benchmark grows persons under the same codes
        var model = new CapacityModel(List.of(atDensity(1_000_000, 10_000, 300), atDensity(2_000_000, 20_000, 1000)));
        var search = model.stages().get("link-search");
        assertThat(search.withDensity()).isTrue();
        assertThat(search.slope() * 1e6).isCloseTo(100, within(1e-6));
        assertThat(search.perDensity() * 1e9).isCloseTo(20, within(1e-6));
        assertThat(search.worstMiss()).isCloseTo(0, within(1e-9));
        // a run at the benchmark's own shape (5 M rows at 50,000 a code) grows quadratically ...
        assertThat(model.predict(5_000_000, 50_000, 1, 1).stageSeconds().get("link-search")).isCloseTo(5_000_000 * (100e-6 + 50_000 * 20e-9), within(1e-6));
        // ... a national run, more codes at one density, linearly
        double national = model.predict(450_000_000, 38_000, 1, 1).stageSeconds().get("link-search");
        assertThat(national).isCloseTo(450_000_000 * (100e-6 + 38_000 * 20e-9), within(1e-3));
        // a stage linear in rows keeps its straight line whatever the densities
        assertThat(model.stages().get("ingest").withDensity()).isFalse();
        assertThat(model.stages().get("ingest").slope() * 1e6).isCloseTo(20, within(1e-6));
    }

    @Test
    void withoutDifferentDensitiesARisingCostPerRowStaysAStraightLine() {
        var model = new CapacityModel(List.of(atDensity(1_000_000, 10_000, 300), atDensity(2_000_000, 10_000, 1000)));
        assertThat(model.stages().get("link-search").withDensity()).isFalse();
        assertThat(model.stages().get("link-search").intercept()).isCloseTo(-400, within(1e-6));
        var unmeasured = new CapacityModel(List.of(atDensity(1_000_000, 0, 300), atDensity(2_000_000, 20_000, 1000)));
        assertThat(unmeasured.stages().get("link-search").withDensity()).isFalse();
        // densities this close cannot tell a density's cost from noise: the straight line, not a difference of two large numbers
        var close = new CapacityModel(List.of(atDensity(1_528_787, 8_957, 46.2), atDensity(3_056_767, 8_919, 106.0)));
        assertThat(close.stages().get("link-search").withDensity()).isFalse();
        assertThat(close.predict(7_648_712, 9_000, 1, 1).stageSeconds().get("link-search"))
                .isCloseTo(46.2 + (106.0 - 46.2) / (3_056_767 - 1_528_787) * (7_648_712 - 1_528_787), within(1e-6));
        // a quarter apart is apart
        var apart = new CapacityModel(List.of(atDensity(1_000_000, 8_000, 300), atDensity(2_000_000, 10_000, 1000)));
        assertThat(apart.stages().get("link-search").withDensity()).isTrue();
    }

    @Test
    void aStageThatFellWithSizeIsTakenAtItsMean() {
        var model = new CapacityModel(List.of(sample(1_000_000, 312, 100, 900), sample(2_000_000, 240, 200, 900)));
        assertThat(model.stages().get("ingest").slope()).isZero();
        assertThat(model.predict(9_000_000, 38_000, 1, 1).stageSeconds().get("ingest")).isCloseTo(276, within(1e-6));
    }

    @Test
    void aResultWrittenBeforeDensitiesWereMeasuredReadsAsDensityZero() {
        var old = CapacityModel.Sample.fromJson("{\"rows\":1760337,\"stageSeconds\":{\"ingest\":71.7},\"peakMb\":2309.2}");
        assertThat(old.density()).isZero();
        assertThat(old.rows()).isEqualTo(1_760_337);
        var now = CapacityModel.Sample.fromJson(new CapacityModel.Sample(5, Map.of("ingest", 1.0), 9, 45_045).toJson());
        assertThat(now.density()).isEqualTo(45_045);
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
