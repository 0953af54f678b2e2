package id.padan.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The union-find resolution runs on: persons named by their first row, registry rows never together, reviewers' pairs kept apart. */
class RowUnionTest {
    @Test
    void aChainIsOnePersonNamedByItsSmallestRow() {
        RowUnion u = new RowUnion(6, 0, 0);
        assertThat(u.union(5, 3)).isTrue();
        assertThat(u.union(3, 4)).isTrue();
        assertThat(u.union(4, 1)).isTrue();
        assertThat(u.find(5)).isEqualTo(1);
        assertThat(u.find(3)).isEqualTo(1);
        assertThat(u.find(2)).isEqualTo(2);
    }

    @Test
    void twoRegistryRowsAreNeverJoinedEvenThroughOtherRows() {
        RowUnion u = new RowUnion(5, 0, 2); // rows 0 and 1 are registry rows
        assertThat(u.union(2, 0)).isTrue();
        assertThat(u.union(3, 1)).isTrue();
        assertThat(u.union(2, 3)).isFalse();
        assertThat(u.find(2)).isNotEqualTo(u.find(3));
        assertThat(u.union(4, 2)).isTrue();
        assertThat(u.union(4, 0)).isTrue(); // already one person
        assertThat(u.isRegistry(1)).isTrue();
        assertThat(u.isRegistry(2)).isFalse();
    }

    @Test
    void aCannotLinkPairStaysApartAfterEitherSideGrows() {
        RowUnion u = new RowUnion(6, 0, 0);
        u.cannotLink(1, 4);
        assertThat(u.union(1, 2)).isTrue();
        assertThat(u.union(4, 5)).isTrue();
        assertThat(u.union(2, 5)).isFalse();
        assertThat(u.union(0, 5)).isTrue(); // the forbidden pair follows 5's person, now named 0
        assertThat(u.union(0, 2)).isFalse();
        assertThat(u.union(3, 2)).isTrue();
        assertThat(u.find(1)).isNotEqualTo(u.find(4));
    }
}
