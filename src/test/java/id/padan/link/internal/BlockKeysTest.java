package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.link.internal.BlockKeys.Block;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A key of the search is equal to another exactly when both its kind and its value are, whatever object holds them. */
class BlockKeysTest {
    @Test
    void keysAreEqualByKindAndValueOnly() {
        Block a = BlockKeys.main(id.padan.link.MatchSettings.BlockingKey.NAME_SORTED, "AMINAH SITI");
        Block same = new Block(a.kind(), a.value());
        assertThat(same).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(new Block(a.kind() + 1, a.value())).as("another kind").isNotEqualTo(a);
        assertThat(new Block(a.kind(), a.value() + 1)).as("another value").isNotEqualTo(a);
        assertThat(a).isNotEqualTo(null).isNotEqualTo(a.value());
        // the split of a block is another key, though made from the same text
        assertThat(BlockKeys.split(id.padan.link.MatchSettings.BlockingKey.NAME_SORTED, "AMINAH SITI")).isNotEqualTo(a);
    }

    @Test
    void keysOfEveryKindAreFoundInAHashSetAndHashAsTheRecordOfTheirTwoComponentsWould() {
        Set<Block> set = new HashSet<>();
        for (int kind = 0; kind < 24; kind++) for (int i = 0; i < 500; i++) set.add(new Block(kind, BlockKeys.hash("v" + i)));
        assertThat(set).hasSize(24 * 500);
        for (int kind = 0; kind < 24; kind++) {
            for (int i = 0; i < 500; i++) {
                Block b = new Block(kind, BlockKeys.hash("v" + i));
                assertThat(set).contains(b);
                assertThat(b.hashCode()).isEqualTo(java.util.Objects.hash(kind, b.value()) - 31 * 31);
            }
        }
    }
}
