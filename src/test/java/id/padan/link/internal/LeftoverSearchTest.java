package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.link.MatchSettings;
import id.padan.link.MatchSettings.BlockingKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The search over the rows left after the partitions reads only the registry rows its parts need, yet each row finds
 * the candidates an index of the whole registry gives it; a block larger than max-block-size is split by what the key
 * does not hold over all of its rows, or skipped, and counted either way.
 */
class LeftoverSearchTest {
    private static final MatchSettings SHIPPED = MatchSettings.load(Path.of("config"));

    static MatchSettings maxBlock(int max) {
        return new MatchSettings(SHIPPED.accept(), SHIPPED.review(), SHIPPED.reviewUnlinked(), SHIPPED.minMarginBits(), SHIPPED.exactNikMinAttributeBits(),
                SHIPPED.minAttributeBits(), SHIPPED.prior(), SHIPPED.name(), SHIPPED.termFrequencyFields(), SHIPPED.tfMinU(),
                SHIPPED.randomPairs(), SHIPPED.trainingRows(), SHIPPED.maxIterations(), SHIPPED.tolerance(), SHIPPED.mSmoothing(),
                SHIPPED.seed(), max, SHIPPED.blockingKeys(), SHIPPED.pupilSources());
    }

    private static final TermFrequencies NONE = new TermFrequencies(1_000, Map.of(), Map.of());

    /** Registry keys over held rows that count the rows handed out, as the database's would be read. */
    private static final class Counting implements RegistryKeys {
        final HeldRegistryKeys keys;
        final Map<Integer, LinkRow> byLine = new HashMap<>();
        long read;

        Counting(List<LinkRow> registry, MatchSettings settings) {
            keys = new HeldRegistryKeys(registry, settings);
            registry.forEach(r -> byLine.put(r.row.lineNo(), r));
        }

        @Override
        public Map<Long, Integer> owners(Consumer<LongConsumer> niks) {
            return keys.owners(niks);
        }

        @Override
        public Map<BlockKeys.Block, Integer> sizes(java.util.Collection<BlockKeys.Block> k) {
            return keys.sizes(k);
        }

        @Override
        public List<id.padan.standardise.StagedRow> rows(java.util.Collection<BlockKeys.Block> k, java.util.Collection<Integer> lines) {
            var rows = keys.rows(k, lines);
            read += rows.size();
            return rows;
        }
    }

    /** Every row's candidates (as registry lines) when searched in parts of at most {@code bound} registry rows. */
    private static Map<Integer, Set<Integer>> candidates(List<LinkRow> program, Counting registry, MatchSettings settings, long bound,
                                                        Map<String, Long> counters) {
        return candidates(program, registry, registry.byLine, settings, bound, counters);
    }

    /** The same through any registry keys, whose rows are those of {@code byLine} (registry rows by line). */
    static Map<Integer, Set<Integer>> candidates(List<LinkRow> program, RegistryKeys registry, Map<Integer, LinkRow> byLine,
                                                 MatchSettings settings, long bound, Map<String, Long> counters) {
        List<String> ownerKks = new ArrayList<>();
        program.forEach(p -> ownerKks.add(null));
        LeftoverSearch search = new LeftoverSearch(settings, registry, program, ownerKks, bound);
        Map<Integer, Set<Integer>> out = new HashMap<>();
        java.util.Iterator<List<id.padan.standardise.StagedRow>> reads = registry.rowsOfParts(search.parts());
        for (SearchParts.Part part : search.parts()) {
            List<LinkRow> held = reads.next().stream().map(s -> {
                LinkRow r = byLine.get(s.lineNo());
                assertThat(s).as("registry row at line %d as staged", s.lineNo()).isEqualTo(r.row);
                return r;
            }).toList();
            CandidateSearch cs = new CandidateSearch(search.index(held, part, NONE), settings);
            for (int i : part.rows()) {
                out.put(i, cs.candidates(program.get(i)).stream().map(r -> r.row.lineNo()).collect(Collectors.toCollection(TreeSet::new)));
            }
            Map<String, Long> c = new HashMap<>();
            cs.report(c);
            c.forEach((k, v) -> counters.merge(k, v, Long::sum));
        }
        return out;
    }

    /**
     * {@code persons} registry rows under a few common names, born over {@code years} years in three kecamatan, four to
     * a family card, their NIKs spread over the buckets: every name block holds many rows.
     */
    static List<LinkRow> namesakes(String[] names, int persons, int years) {
        List<LinkRow> registry = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            registry.add(Rows.registry().name(names[i % names.length]).born("19" + (70 + i % years) + "-0" + (1 + i % 9) + "-1" + (i % 10))
                    .region(region(1 + i % 3)).nik(String.format("320101%02d0%d%02d%04d", 1 + i % 28, 1 + i % 9, 70 + i % years, i))
                    .kk(String.format("32010101010%05d", i / 4)).build());
        }
        return registry;
    }

    /** Program rows born on a registry row's birth date under another of the names, most with its NIK one digit off, some with its family card. */
    static List<LinkRow> askingRows(List<LinkRow> registry, String[] names, int rows) {
        List<LinkRow> program = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            LinkRow r = registry.get((i * 7) % registry.size());
            String nik = r.digits.substring(0, 15) + (char) ('0' + (r.digits.charAt(15) - '0' + 1) % 10); // one digit off
            program.add(Rows.program().name(names[(i + 1) % names.length]).born(r.row.birthDate().toString()).region(region(1 + i % 3))
                    .nik(i % 3 == 0 ? null : nik).kk(i % 4 == 0 ? r.kk : null).build());
        }
        return program;
    }

    private static String region(int kec) {
        return "3201" + String.format("%02d", kec) + "0001";
    }

    @Test
    void anOversizedNameBlockIsSplitOverAllOfItsRowsByBirthYearAndKecamatan() {
        MatchSettings settings = maxBlock(3);
        List<LinkRow> registry = new ArrayList<>();
        // 8 namesakes: the 2 born in 1980 in kecamatan 01 come last, after the first max-block-size + 1 rows
        for (int i = 0; i < 3; i++) registry.add(Rows.registry().name("BUDI SANTOSO").born("1981-02-0" + (i + 1)).region(region(1)).build());
        for (int i = 0; i < 3; i++) registry.add(Rows.registry().name("BUDI SANTOSO").born("1980-02-0" + (i + 1)).region(region(2)).build());
        LinkRow a = Rows.registry().name("BUDI SANTOSO").born("1980-07-01").region(region(1)).build();
        LinkRow b = Rows.registry().name("BUDI SANTOSO").born("1980-08-01").region(region(1)).build();
        registry.add(a);
        registry.add(b);
        LinkRow p = Rows.program().name("BUDI SANTOSO").born("1980-05-05").region(region(1)).build();
        Map<String, Long> counters = new HashMap<>();
        Set<Integer> found = candidates(List.of(p), new Counting(registry, settings), settings, Long.MAX_VALUE, counters).get(0);
        assertThat(found).as("the namesakes of the same birth year and kecamatan, from the whole block")
                .containsExactlyInAnyOrder(a.row.lineNo(), b.row.lineNo());
        assertThat(counters.get("blocks larger than 3 split by another key")).isGreaterThanOrEqualTo(1);
        assertThat(counters.get("comparisons left out by splitting oversized blocks")).as("8 - 2 of the name block at least").isGreaterThanOrEqualTo(6);
    }

    @Test
    void aBlockStillTooLargeWhenSplitIsSkippedAndCountedWithItsSize() {
        MatchSettings settings = maxBlock(3);
        List<LinkRow> registry = new ArrayList<>();
        for (int i = 0; i < 5; i++) registry.add(Rows.registry().name("DEWI LESTARI").born("1988-0" + (i + 1) + "-02").region(region(1)).build());
        LinkRow p = Rows.program().name("DEWI LESTARI").born("1988-11-05").region(region(1)).build();
        Counting keys = new Counting(registry, settings);
        Map<String, Long> counters = new HashMap<>();
        Set<Integer> found = candidates(List.of(p), keys, settings, Long.MAX_VALUE, counters).get(0);
        assertThat(found).as("five namesakes of one year and kecamatan: more than 3 even when split").isEmpty();
        assertThat(counters.get("blocks larger than 3 skipped (too large when split)")).isGreaterThanOrEqualTo(1);
        assertThat(counters.get(CandidateSearch.SKIPPED_COMPARISONS)).as("the name block's 5 rows, not 4").isGreaterThanOrEqualTo(5);
        assertThat(keys.read).as("a block skipped is not read").isZero();
    }

    @Test
    void partsOfAnySizeGiveEveryRowTheCandidatesOfTheWholeRegistry() {
        MatchSettings settings = maxBlock(6);
        String[] names = {"BUDI SANTOSO", "SITI AMINAH", "AGUS SALIM", "DEWI LESTARI", "RINA MARLINA"};
        List<LinkRow> registry = namesakes(names, 120, 7);
        List<LinkRow> program = askingRows(registry, names, 60);
        Counting whole = new Counting(registry, settings);
        Map<Integer, Set<Integer>> once = candidates(program, whole, settings, Long.MAX_VALUE, new HashMap<>());
        Counting small = new Counting(registry, settings);
        Map<Integer, Set<Integer>> inParts = candidates(program, small, settings, 10, new HashMap<>());
        assertThat(inParts).isEqualTo(once);
        assertThat(once.values().stream().mapToInt(Set::size).sum()).as("the rows meet registry rows").isGreaterThan(program.size());
        assertThat(new LeftoverSearch(settings, small, program, program.stream().map(x -> (String) null).toList(), 10).parts().size())
                .as("cut into many parts").isGreaterThan(5);
        assertThat(whole.read).as("one part reads what it needs, not the whole registry").isLessThan(registry.size());
    }
}
