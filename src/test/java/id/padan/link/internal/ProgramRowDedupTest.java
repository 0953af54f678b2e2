package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.link.MatchMethod;
import id.padan.link.MatchSettings;
import id.padan.link.RowLink;
import id.padan.link.compare.NameComparator;
import id.padan.link.model.MatchModel;
import id.padan.link.model.ModelEstimator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** People the registry lacks: unlinked program rows that are the same person are linked to the earliest of them. */
class ProgramRowDedupTest {
    private static final MatchSettings SHIPPED = MatchSettings.load(Path.of("config"));
    private final PairComparer comparer = new PairComparer(new NameComparator(SHIPPED.name()),
            new RegistryIndex(List.of(), new TermFrequencies(1, Map.of(), Map.of())), true, true);
    private final MatchModel model = new MatchModel(ModelEstimator.initialM(), ModelEstimator.uFromRandomPairs(Map.of()), 0.001, 1e-7);

    private ProgramRowDedup dedup(MatchSettings settings) {
        return new ProgramRowDedup(settings, comparer, model, new LinkExplanations(model, comparer));
    }

    private static Rows person(String name, String born) {
        return Rows.program().name(name).born(born).sex('P').region("3201010001").kk("3201010101000001");
    }

    @Test
    void theSameNikAndPersonTwiceIsOnePersonLinkedToTheEarlierRow() {
        LinkRow first = person("SITI AMINAH", "1970-01-05").nik("3201014501700001").build();
        LinkRow later = Rows.program().name("SITI AMINAH").born("1970-01-05").sex('P').region("3201010001").kk("3201010101000001")
                .nik("3201014501700001").build();
        List<RowLink> links = dedup(SHIPPED).deduplicate(List.of(later, first));
        assertThat(links).singleElement().satisfies(l -> {
            assertThat(l.recordKey()).isEqualTo(later.row.recordKey());
            assertThat(l.targetKey()).isEqualTo(first.row.recordKey());
            assertThat(l.method()).isEqualTo(MatchMethod.DEDUP_SAME_NIK);
            assertThat(l.score()).isGreaterThanOrEqualTo(SHIPPED.accept());
            assertThat(l.explanation()).contains("\"method\":\"DEDUP_SAME_NIK\"");
        });
    }

    @Test
    void withoutANikTheSamePersonIsFoundByNameAndBirthDate() {
        LinkRow first = person("RIZKY PRATAMA", "2005-03-12").build();
        LinkRow later = person("RIZKY PRATAMA", "2005-03-12").build();
        List<RowLink> links = dedup(SHIPPED).deduplicate(List.of(first, later));
        assertThat(links).singleElement().satisfies(l -> {
            assertThat(l.recordKey()).isEqualTo(later.row.recordKey());
            assertThat(l.targetKey()).isEqualTo(first.row.recordKey());
            assertThat(l.method()).isEqualTo(MatchMethod.DEDUP_PROBABILISTIC);
        });
    }

    @Test
    void differentPeopleInOneBlockAreNotLinked() {
        LinkRow a = person("RIZKY PRATAMA", "2005-03-12").build();
        LinkRow b = Rows.program().name("RIZKY PRATAMA").born("1961-08-30").sex('L').region("3301020001").build();
        ProgramRowDedup d = dedup(SHIPPED);
        assertThat(d.deduplicate(List.of(a, b))).isEmpty();
        assertThat(d.compared()).as("they share the sorted-name block, so they were compared").isPositive();
    }

    @Test
    void threeRowsOfOnePersonAllPointToTheEarliest() {
        LinkRow first = person("DEWI LESTARI", "1988-11-02").build();
        LinkRow second = person("DEWI LESTARI", "1988-11-02").build();
        LinkRow third = person("DEWI LESTARI", "1988-11-02").build();
        List<RowLink> links = dedup(SHIPPED).deduplicate(List.of(third, second, first));
        assertThat(links).extracting(RowLink::recordKey).containsExactlyInAnyOrder(second.row.recordKey(), third.row.recordKey());
        assertThat(links).extracting(RowLink::targetKey).containsOnly(first.row.recordKey());
    }

    @Test
    void oneRowOrNoneHasNothingToCompare() {
        ProgramRowDedup d = dedup(SHIPPED);
        assertThat(d.deduplicate(List.of())).isEmpty();
        assertThat(d.deduplicate(List.of(person("DEWI LESTARI", "1988-11-02").build()))).isEmpty();
        assertThat(d.compared()).isZero();
    }

    @Test
    void aBlockAboveTheMaximumIsSkippedAndItsPairsCounted() {
        MatchSettings small = new MatchSettings(SHIPPED.accept(), SHIPPED.review(), SHIPPED.minMarginBits(), SHIPPED.exactNikMinAttributeBits(),
                SHIPPED.minAttributeBits(), SHIPPED.prior(), SHIPPED.name(), SHIPPED.termFrequencyFields(), SHIPPED.tfMinU(),
                SHIPPED.randomPairs(), SHIPPED.trainingRows(), SHIPPED.maxIterations(), SHIPPED.tolerance(), SHIPPED.mSmoothing(),
                SHIPPED.seed(), 2, SHIPPED.blockingKeys(), SHIPPED.pupilSources());
        List<LinkRow> three = List.of(person("DEWI LESTARI", "1988-11-02").build(), person("DEWI LESTARI", "1988-11-02").build(),
                person("DEWI LESTARI", "1988-11-02").build());
        ProgramRowDedup d = dedup(small);
        assertThat(d.deduplicate(three)).as("both blocks of the three rows hold more than 2 rows").isEmpty();
        assertThat(d.compared()).isZero();
        LinkRow one = three.get(0);
        int blocks = Blocking.values(MatchSettings.BlockingKey.NAME_SORTED, one).size()
                + Blocking.values(MatchSettings.BlockingKey.BIRTH_DATE_NAME, one).size();
        assertThat(blocks).as("the rows share at least a name block and a birth-date block").isGreaterThanOrEqualTo(2);
        assertThat(d.skippedComparisons()).as("3 pairs in every block the three rows share").isEqualTo(3L * blocks);
        assertThat(dedup(SHIPPED).deduplicate(three)).as("under the shipped maximum the same rows are linked").hasSize(2);
    }
}
