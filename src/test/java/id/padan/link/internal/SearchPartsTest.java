package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.link.internal.BlockKeys.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cutting the rows of the search into parts whose registry rows stay under a bound. */
class SearchPartsTest {

    private static SearchParts.Need need(Set<Block> keys, Set<Integer> lines) {
        return new SearchParts.Need(keys, lines);
    }

    @Test
    void everyRowIsInExactlyOnePartInOrderAndEachPartStaysUnderTheBound() {
        Random random = new Random(7);
        Map<Block, Integer> sizes = new HashMap<>();
        for (int k = 0; k < 300; k++) sizes.put(new Block(10, k), 1 + random.nextInt(120));
        List<SearchParts.Need> needs = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Set<Block> keys = new HashSet<>();
            for (int j = random.nextInt(5); j > 0; j--) keys.add(new Block(10, random.nextInt(300)));
            Set<Integer> lines = new HashSet<>();
            for (int j = random.nextInt(3); j > 0; j--) lines.add(random.nextInt(5_000));
            needs.add(need(keys, lines));
        }
        long bound = 1_000;
        List<SearchParts.Part> parts = SearchParts.cut(needs, sizes, bound);

        List<Integer> seen = new ArrayList<>();
        for (SearchParts.Part p : parts) {
            seen.addAll(p.rows());
            Set<Block> keys = new HashSet<>();
            Set<Integer> lines = new HashSet<>();
            for (int i : p.rows()) {
                keys.addAll(needs.get(i).keys());
                lines.addAll(needs.get(i).lines());
            }
            assertThat(p.keys()).as("a part reads exactly what its rows need").isEqualTo(keys);
            assertThat(p.lines()).isEqualTo(lines);
            long held = lines.size() + keys.stream().mapToLong(sizes::get).sum();
            assertThat(p.registryRows()).as("counted once however many rows share a key").isEqualTo(held);
            if (p.rows().size() > 1) assertThat(held).isLessThanOrEqualTo(bound);
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < needs.size(); i++) all.add(i);
        assertThat(seen).as("each row once, in the order given").isEqualTo(all);
        assertThat(parts.size()).as("the bound cut them").isGreaterThan(10);
    }

    @Test
    void rowsSharingABlockShareAPartAndARowOverTheBoundIsAPartOfItsOwn() {
        Block common = new Block(10, 1);
        Block huge = new Block(12, 2);
        Map<Block, Integer> sizes = Map.of(common, 80, huge, 500);
        List<SearchParts.Need> needs = List.of(need(Set.of(common), Set.of(1)), need(Set.of(common), Set.of(2)), need(Set.of(common), Set.of()),
                need(Set.of(huge), Set.of()), need(Set.of(common), Set.of()));
        List<SearchParts.Part> parts = SearchParts.cut(needs, sizes, 100);
        assertThat(parts).extracting(SearchParts.Part::rows).containsExactly(List.of(0, 1, 2), List.of(3), List.of(4));
        assertThat(parts.get(0).registryRows()).as("the block once, and two owners' lines").isEqualTo(82);
        assertThat(parts.get(1).registryRows()).as("alone, over the bound").isEqualTo(500);
    }

    @Test
    void noRowsNoParts() {
        assertThat(SearchParts.cut(List.of(), Map.of(), 10)).isEmpty();
    }
}
