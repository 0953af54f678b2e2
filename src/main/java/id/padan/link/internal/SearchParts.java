package id.padan.link.internal;

import id.padan.link.internal.BlockKeys.Block;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts rows to be searched into parts, in their order, so that the registry rows one part reads stay under a bound:
 * a part is closed before the row whose keys would take it past {@code maxRegistryRows} (each key counted with the
 * registry rows it holds, each NIK owner's line as one row, a key or line several rows of the part share counted
 * once). A row that alone needs more than the bound is a part of its own, and counted.
 */
final class SearchParts {
    private SearchParts() {}

    /** What one row needs of the registry: whole keys (each holding at most max-block-size rows) and single lines (NIK owners). */
    record Need(Set<Block> keys, Set<Integer> lines) {}

    /** A part: the indexes of its rows (in the order given), the keys and lines they need, and the registry rows that is at most. */
    record Part(List<Integer> rows, Set<Block> keys, Set<Integer> lines, long registryRows) {}

    static List<Part> cut(List<Need> needs, Map<Block, Integer> sizes, long maxRegistryRows) {
        List<Part> parts = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        Set<Block> keys = new HashSet<>();
        Set<Integer> lines = new HashSet<>();
        long held = 0;
        for (int i = 0; i < needs.size(); i++) {
            Need n = needs.get(i);
            long more = 0;
            for (Block k : n.keys()) if (!keys.contains(k)) more += sizes.getOrDefault(k, 0);
            for (Integer l : n.lines()) if (!lines.contains(l)) more++;
            if (!rows.isEmpty() && held + more > maxRegistryRows) {
                parts.add(new Part(rows, keys, lines, held));
                rows = new ArrayList<>();
                keys = new HashSet<>();
                lines = new HashSet<>();
                held = 0;
                more = 0;
                for (Block k : n.keys()) more += sizes.getOrDefault(k, 0);
                more += n.lines().size();
            }
            rows.add(i);
            keys.addAll(n.keys());
            lines.addAll(n.lines());
            held += more;
        }
        if (!rows.isEmpty()) parts.add(new Part(rows, keys, lines, held));
        return parts;
    }
}
