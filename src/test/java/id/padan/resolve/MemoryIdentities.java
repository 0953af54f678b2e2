package id.padan.resolve;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Person ids kept in memory, as {@code padan.person_identity} and {@code padan.person_id_counter} keep them
 * between runs: the keys known before, fresh ids from the counter, and every key written, kept aside so a test
 * can read what a resolution wrote.
 */
final class MemoryIdentities implements PersonIdentities {
    final Map<String, Long> known;
    final Map<String, Long> written = new HashMap<>();
    long next;

    /** A first run: no key known, ids from 1. */
    MemoryIdentities() {
        this(Map.of(), 0);
    }

    /** The keys known before the run, and the counter's last id. */
    MemoryIdentities(Map<String, Long> known, long counter) {
        this.known = new HashMap<>(known);
        this.next = counter + 1;
    }

    @Override
    public Map<String, Long> lookup(Collection<String> keys) {
        Map<String, Long> out = new HashMap<>();
        for (String k : keys) if (known.containsKey(k)) out.put(k, known.get(k));
        return out;
    }

    @Override
    public long[] newIds(int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) ids[i] = next++;
        return ids;
    }

    @Override
    public void remember(Map<String, Long> keyToId, Set<String> existing) {
        written.putAll(keyToId);
        known.putAll(keyToId);
    }
}
