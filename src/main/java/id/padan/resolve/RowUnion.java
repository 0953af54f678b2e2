package id.padan.resolve;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Who is one person, over the rows of a run numbered 0..n-1: a union-find in one {@code int} array (4 bytes a
 * row, one bit more for "holds a registry row"), so resolution holds no row and no link object whatever the
 * size of the run. The registry's rows are one range of numbers (rows are numbered by source, then line).
 * Rules: two registry rows are never one person; a pair of rows a reviewer said are different people
 * ({@link #cannotLink}) is never joined. A person is named by its smallest row number, so persons in the
 * order of their first row are persons in the order of their names.
 */
public final class RowUnion {
    private final int[] parent;
    private final BitSet registryInSet = new BitSet();
    private final int registryFrom;
    private final int registryTo;
    /** For a set's root: the rows its members must never be joined with (few: reviewers' decisions). */
    private final Map<Integer, int[]> cannot = new HashMap<>();

    /** @param registryFrom the first registry row, {@code registryTo} one past the last (equal when there is none) */
    public RowUnion(int rows, int registryFrom, int registryTo) {
        this.parent = new int[rows];
        for (int i = 0; i < rows; i++) parent[i] = i;
        this.registryFrom = registryFrom;
        this.registryTo = registryTo;
        if (registryTo > registryFrom) registryInSet.set(registryFrom, registryTo);
    }

    public int size() {
        return parent.length;
    }

    public boolean isRegistry(int row) {
        return row >= registryFrom && row < registryTo;
    }

    /** Rows {@code a} and {@code b} are never to be one person (checked by every later {@link #union}). */
    public void cannotLink(int a, int b) {
        add(find(a), b);
        add(find(b), a);
    }

    /**
     * Joins the persons of {@code a} and {@code b}. Returns whether they are one person afterwards: false, and
     * nothing changes, when joining them would put two registry rows, or a {@link #cannotLink} pair, in one person.
     */
    public boolean union(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra == rb) return true;
        if (registryInSet.get(ra) && registryInSet.get(rb)) return false;
        if (!cannot.isEmpty() && (forbids(ra, rb) || forbids(rb, ra))) return false;
        int lo = Math.min(ra, rb), hi = Math.max(ra, rb);
        parent[hi] = lo;
        if (registryInSet.get(hi)) registryInSet.set(lo);
        int[] moved = cannot.remove(hi);
        if (moved != null) for (int x : moved) add(lo, x);
        return true;
    }

    /** The person of {@code row}: the smallest row number among its rows. */
    public int find(int row) {
        int i = row;
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private boolean forbids(int root, int otherRoot) {
        int[] rows = cannot.get(root);
        if (rows == null) return false;
        for (int x : rows) if (find(x) == otherRoot) return true;
        return false;
    }

    private void add(int root, int row) {
        int[] old = cannot.get(root);
        int[] rows = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
        rows[rows.length - 1] = row;
        cannot.put(root, rows);
    }
}
