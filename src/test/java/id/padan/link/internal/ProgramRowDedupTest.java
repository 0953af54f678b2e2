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

    private static final String[] NAMES = {"SITI AMINAH", "RIZKY PRATAMA", "DEWI LESTARI", "BUDI SANTOSO", "NURUL MASYITAH",
            "AGUS SALIM", "MUHAMMAD RIDWAN", "PUTRI AYU"};

    /**
     * Program rows of people the registry lacks, one to three rows a person over PKH, PBI and KIP: families of four on
     * one card (a child now and then sent with the head's NIK), eight names shared by many people, and rows that
     * lost their NIK, card or birth date, have the name mistyped or reordered, or the day and month swapped.
     */
    static List<LinkRow> varied(int persons, long seed) {
        java.util.Random random = new java.util.Random(seed);
        String[] sources = {"PKH", "PBI", "KIP"};
        List<LinkRow> rows = new java.util.ArrayList<>();
        for (int p = 0; p < persons; p++) {
            int family = p / 4;
            boolean child = p % 4 >= 2;
            String name = NAMES[(p * 3 + p / 5) % NAMES.length];
            java.time.LocalDate born = java.time.LocalDate.of(child ? 2008 + p % 9 : 1965 + p % 25, 1 + p % 12, 1 + p % 28);
            String nik = String.format("3201%02d%02d%02d%02d%04d", 1 + p % 3, born.getDayOfMonth() + (p % 2) * 40, born.getMonthValue(),
                    born.getYear() % 100, p);
            String headNik = String.format("3201%02d%02d%02d%02d%04d", 1 + (family * 4) % 3, 1, 1, 70, family * 4);
            int copies = 1 + random.nextInt(3);
            for (int c = 0; c < copies; c++) {
                String written = name;
                double d = random.nextDouble();
                if (d < 0.15) written = name.substring(0, name.length() - 2) + name.charAt(name.length() - 1) + name.charAt(name.length() - 2);
                else if (d < 0.25) written = String.join(" ", reversed(List.of(name.split(" "))));
                java.time.LocalDate date = born;
                d = random.nextDouble();
                if (d < 0.12) date = null;
                else if (d < 0.2 && born.getDayOfMonth() <= 12) date = java.time.LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
                else if (d < 0.25) date = born.plusYears(1);
                d = random.nextDouble();
                String carried = d < 0.25 ? null : child && d < 0.4 ? headNik : nik;
                Rows r = Rows.program().source(sources[(p + c) % sources.length]).name(written).born(date == null ? null : date.toString())
                        .sex(p % 2 == 0 ? 'P' : 'L').region("32010" + (1 + p % 3) + "0001").nik(carried)
                        .relation(child ? "CHILD" : p % 4 == 0 ? "HEAD" : "SPOUSE");
                if (random.nextDouble() < 0.7) r.kk(String.format("32010101010%05d", family));
                rows.add(r.build());
            }
        }
        java.util.Collections.shuffle(rows, random);
        return rows;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> out = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }

    /** A model whose u comes from random pairs of these rows (m as the estimator starts it): their duplicates reach accept. */
    static MatchModel modelOver(List<LinkRow> rows, PairComparer comparer) {
        java.util.Random random = new java.util.Random(3);
        Map<Long, Long> patterns = new java.util.HashMap<>();
        MatchModel initial = new MatchModel(ModelEstimator.initialM(), ModelEstimator.uFromRandomPairs(Map.of()), 0.001, 1e-7);
        for (int i = 0; i < 20_000; i++) {
            LinkRow a = rows.get(random.nextInt(rows.size())), b = rows.get(random.nextInt(rows.size()));
            if (a != b) patterns.merge(ModelEstimator.pack(comparer.score(initial, a, b).levels()), 1L, Long::sum);
        }
        return new MatchModel(ModelEstimator.initialM(), ModelEstimator.uFromRandomPairs(patterns), 0.001, 1e-7);
    }

    /** The rows numbered as the linker numbers them (their position), so that index order is the order given. */
    private static List<LinkRow> numbered(List<LinkRow> rows) {
        List<LinkRow> out = new java.util.ArrayList<>();
        for (LinkRow r : rows) out.add(new LinkRow(out.size(), r.row, r.registry, r.name, r.mother, r.pupil));
        return out;
    }

    @Test
    void everyPairSharingABlockNotOversizedIsComparedOnceAndNoOther() {
        MatchSettings small = LeftoverSearchTest.maxBlock(6);
        List<LinkRow> rows = numbered(varied(300, 1));
        // what a set of the pairs met would count: each pair sharing at least one key whose block is not oversized, once
        Map<String, List<LinkRow>> blocks = new java.util.HashMap<>();
        for (LinkRow r : rows) for (String k : ProgramRowDedup.keys(r)) blocks.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(r);
        java.util.Set<Long> pairs = new java.util.HashSet<>();
        long skipped = 0;
        for (List<LinkRow> block : blocks.values()) {
            if (block.size() > 6) {
                skipped += (long) block.size() * (block.size() - 1) / 2;
                continue;
            }
            for (LinkRow a : block) for (LinkRow b : block) if (a.index < b.index) pairs.add(((long) a.index << 32) | b.index);
        }
        ProgramRowDedup d = dedup(small);
        d.deduplicate(rows);
        assertThat(skipped).as("some blocks are oversized").isPositive();
        assertThat(pairs).as("pairs are met in blocks not oversized").isNotEmpty();
        assertThat(d.compared()).isEqualTo(pairs.size());
        assertThat(d.skippedComparisons()).isEqualTo(skipped);
    }

    @Test
    void theBlocksInAnotherOrderGiveTheSameLinks() {
        for (MatchSettings settings : List.of(SHIPPED, LeftoverSearchTest.maxBlock(6))) {
            List<LinkRow> rows = numbered(varied(300, 2));
            MatchModel fitted = modelOver(rows, comparer);
            ProgramRowDedup d = new ProgramRowDedup(settings, comparer, fitted, new LinkExplanations(fitted, comparer));
            List<RowLink> inMemory = d.deduplicate(rows);
            long compared = d.compared();

            ProgramRowDedup.Blocks held = ProgramRowDedup.held(rows, settings.maxBlockSize());
            java.util.TreeMap<String, List<ProgramRowDedup.Member>> sorted = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
            held.forEach((k, block) -> sorted.put(k, reversed(block)));
            List<RowLink> reversed = d.deduplicate(rows.size(), new ProgramRowDedup.Blocks() {
                @Override
                public void forEach(java.util.function.BiConsumer<String, List<ProgramRowDedup.Member>> each) {
                    sorted.forEach(each);
                }

                @Override
                public long skippedComparisons() {
                    return held.skippedComparisons();
                }

                @Override
                public Map<Integer, LinkRow> rows(int[] numbers) {
                    return held.rows(numbers);
                }
            });
            assertThat(inMemory).as("the varied rows hold duplicates, by NIK and without").extracting(RowLink::method)
                    .contains(MatchMethod.DEDUP_SAME_NIK, MatchMethod.DEDUP_PROBABILISTIC);
            assertThat(reversed).containsExactlyInAnyOrderElementsOf(inMemory);
            assertThat(d.compared()).isEqualTo(compared);
        }
    }

    @Test
    void linksMadeABatchAtATimeAreTheLinksMadeAtOnce() {
        List<LinkRow> rows = numbered(varied(300, 4));
        MatchModel fitted = modelOver(rows, comparer);
        List<RowLink> atOnce = new ProgramRowDedup(SHIPPED, comparer, fitted, new LinkExplanations(fitted, comparer)).deduplicate(rows);
        List<List<RowLink>> batches = new java.util.ArrayList<>();
        new ProgramRowDedup(SHIPPED, comparer, fitted, new LinkExplanations(fitted, comparer)).linkBatch(7)
                .deduplicate(rows.size(), ProgramRowDedup.held(rows, SHIPPED.maxBlockSize()), batches::add);
        assertThat(atOnce).as("the rows hold duplicates").hasSizeGreaterThan(20);
        assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(7)).hasSizeGreaterThan(2);
        assertThat(batches.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(atOnce);
    }
}
