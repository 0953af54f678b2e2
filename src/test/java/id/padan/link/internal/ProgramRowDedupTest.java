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
    void onOneFamilyCardRowsSharingNoNameBlockAreCompared() {
        // a baby missing from the registry, in PKH and PBI, the name typed two ways (no name block in common)
        LinkRow first = person("SITI NUR MAEMUNAH", "2025-02-08").build();
        LinkRow later = person("SITI NUR MEAMUNAH", "2025-02-08").build();
        ProgramRowDedup d = dedup(SHIPPED);
        d.deduplicate(List.of(first, later));
        assertThat(d.compared()).as("found through their family card").isEqualTo(1);
        LinkRow noCard = Rows.program().name("SITI NUR MEAMUNAH").born("2025-02-08").sex('P').region("3201010001").build();
        d.deduplicate(List.of(first, noCard));
        assertThat(d.compared()).as("without a family card in common, no block joins them").isZero();
    }

    @Test
    void aRowWhoseOnlyMatchIsALaterRowJoinsItsPerson() {
        // a and b do not match each other (no NIK and no birth date in common), c matches both: one person
        LinkRow a = person("RIZKY PRATAMA", "2005-03-12").address("JL. MAWAR 3 RT 02 RW 01").build();
        LinkRow b = Rows.program().name("RIZKY PRATAMA").sex('P').region("3201010001").kk("3201010101000001").nik("3201015203050007").build();
        LinkRow c = person("RIZKY PRATAMA", "2005-03-12").address("JL. MAWAR 3 RT 02 RW 01").nik("3201015203050007").build();
        List<RowLink> links = dedup(SHIPPED).deduplicate(List.of(a, b, c));
        assertThat(links).extracting(RowLink::recordKey).containsExactlyInAnyOrder(b.row.recordKey(), c.row.recordKey());
        assertThat(links).filteredOn(l -> l.recordKey().equals(c.row.recordKey())).singleElement()
                .satisfies(l -> assertThat(l.targetKey()).as("c matches the earliest row").isEqualTo(a.row.recordKey()));
        assertThat(links).filteredOn(l -> l.recordKey().equals(b.row.recordKey())).singleElement()
                .satisfies(l -> assertThat(l.targetKey()).as("b is joined through c, the row it matches").isEqualTo(c.row.recordKey()));
    }

    @Test
    void twoRealBirthDatesAreTwoPeopleWhateverElseTheyShare() {
        // two sisters missing from the registry, given one name, on one family card, carrying one NIK; a row of one of
        // them without a birth date matches both, and joins only the first
        LinkRow older = person("NURUL MASYITAH", "2010-03-15").nik("6302035503108000").build();
        LinkRow younger = person("NURUL MASYITAH", "2012-10-16").nik("6302035503108000").build();
        LinkRow undated = Rows.program().name("NURUL MASYITAH").sex('P').region("3201010001").kk("3201010101000001").nik("6302035503108000").build();
        List<RowLink> links = dedup(SHIPPED).deduplicate(List.of(older, younger, undated));
        assertThat(links).singleElement().satisfies(l -> {
            assertThat(l.recordKey()).isEqualTo(undated.row.recordKey());
            assertThat(l.targetKey()).isEqualTo(older.row.recordKey());
        });
    }

    @Test
    void siblingsOnOneCardUnderAnotherNameAreTwoPeople() {
        // MARTIN and LAMRIA SITUMORANG, missing from the registry, one family card, one desa, the same NIK (their
        // father's); the name is another name
        LinkRow martin = person("MARTIN SITUMORANG", "2008-06-19").nik("7304106706198000").build();
        LinkRow lamria = Rows.program().name("LAMRIA SITUMORANG").sex('P').region("3201010001").kk("3201010101000001")
                .nik("7304106706198000").build();
        assertThat(dedup(SHIPPED).deduplicate(List.of(martin, lamria))).isEmpty();
        LinkRow martinAgain = Rows.program().name("MARTIN SITUMORANG").sex('P').region("3201010001").kk("3201010101000001")
                .nik("7304106706198000").build();
        assertThat(dedup(SHIPPED).deduplicate(List.of(martin, martinAgain))).as("the same name").hasSize(1);
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
        MatchSettings small = new MatchSettings(SHIPPED.accept(), SHIPPED.review(), SHIPPED.reviewUnlinked(), SHIPPED.minMarginBits(), SHIPPED.exactNikMinAttributeBits(),
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
                + Blocking.values(MatchSettings.BlockingKey.BIRTH_DATE_NAME, one).size() + 1; // and their family card
        assertThat(blocks).as("the rows share at least a name block, a birth-date block and a family card").isGreaterThanOrEqualTo(3);
        assertThat(d.skippedComparisons()).as("3 pairs in every block the three rows share").isEqualTo(3L * blocks);
        assertThat(dedup(SHIPPED).deduplicate(three)).as("under the shipped maximum the same rows are linked").hasSize(2);
    }
}
