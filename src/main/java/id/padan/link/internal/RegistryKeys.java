package id.padan.link.internal;

import id.padan.link.internal.BlockKeys.Block;
import id.padan.standardise.StagedRow;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The registry as the search over the rows left after the partitions asks it: which registry rows carry a NIK, how
 * many rows each key holds, and the rows themselves for a set of keys. Held in the database for a run
 * ({@link JdbcRegistryKeys}), or over registry rows held in memory ({@link HeldRegistryKeys}); the search gives the
 * same links over either.
 */
public interface RegistryKeys {
    /**
     * For each NIK number ({@link BlockKeys#nik}) the caller gives that some registry row carries: the line of its
     * owner, the last registry row carrying it.
     */
    Map<Long, Integer> owners(Consumer<LongConsumer> niks);

    /** Registry rows under each of these keys; a key no registry row has is left out. */
    Map<Block, Integer> sizes(Collection<Block> keys);

    /** The registry rows under these keys and at these lines, in line order. */
    List<StagedRow> rows(Collection<Block> keys, Collection<Integer> lines);

    /**
     * The registry rows of each of these parts (its keys and lines, as {@link #rows} takes them), handed out part after
     * part in the order given, each in line order. A registry may gather what every part needs in one pass over its keys
     * ({@link JdbcRegistryKeys}); by default each part is asked on its own when it is reached.
     */
    default Iterator<List<StagedRow>> rowsOfParts(List<SearchParts.Part> parts) {
        Iterator<SearchParts.Part> each = parts.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return each.hasNext();
            }

            @Override
            public List<StagedRow> next() {
                SearchParts.Part p = each.next();
                return rows(p.keys(), p.lines());
            }
        };
    }
}
