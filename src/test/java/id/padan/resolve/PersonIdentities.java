package id.padan.resolve;

import java.util.Collection;
import java.util.Map;

/**
 * Where person ids are remembered between runs. An identity key is {@code NIK:<registry nik>} for
 * a registry person, or {@code ROW:<source>:<record key>} for a row. {@link #lookup} gives the ids
 * known for keys (absent keys are simply missing from the map); {@link #newIds} hands out fresh ids.
 */
public interface PersonIdentities {
    Map<String, Long> lookup(Collection<String> keys);

    long[] newIds(int count);

    /** Stores identities; {@code existing} names the keys already stored (they are updated, the rest inserted). */
    void remember(Map<String, Long> keyToId, java.util.Set<String> existing);
}
