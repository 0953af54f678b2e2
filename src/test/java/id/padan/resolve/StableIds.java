package id.padan.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which person id each person of a run gets, so ids stay stable across runs. A registry person claims the id of
 * its NIK first; every other person takes the id most of its rows had before (ties to the lowest id), larger
 * persons choosing before smaller ones; an id goes to one person only; persons left without one get fresh ids.
 */
final class StableIds {
    private StableIds() {}

    /**
     * @param known the ids remembered for the run's identity keys ({@link RowClusters#identityKey})
     * @return the id of each person of {@code clusters} (keyed by identity of the member list)
     */
    static Map<List<Integer>, Long> assign(RowClusters clusters, Map<String, Long> known, PersonIdentities identities) {
        List<List<Integer>> order = new ArrayList<>(clusters.persons().size());
        List<List<Integer>> unregistered = new ArrayList<>();
        for (List<Integer> person : clusters.persons()) (clusters.registryRow(person) >= 0 ? order : unregistered).add(person);
        unregistered.sort(Comparator.comparingInt((List<Integer> m) -> -m.size()));
        order.addAll(unregistered);

        Set<Long> taken = new HashSet<>();
        Map<List<Integer>, Long> assigned = new IdentityHashMap<>(order.size() * 2);
        List<List<Integer>> needNew = new ArrayList<>();
        for (List<Integer> person : order) {
            Long id = registryId(clusters, person, known, taken);
            if (id == null) id = mostCommonEarlierId(clusters, person, known, taken);
            if (id == null) {
                needNew.add(person);
            } else {
                taken.add(id);
                assigned.put(person, id);
            }
        }
        long[] fresh = identities.newIds(needNew.size());
        for (int i = 0; i < needNew.size(); i++) assigned.put(needNew.get(i), fresh[i]);
        return assigned;
    }

    /** The id remembered for the person's registry NIK, unless another person took it already. */
    private static Long registryId(RowClusters clusters, List<Integer> person, Map<String, Long> known, Set<Long> taken) {
        int reg = clusters.registryRow(person);
        if (reg < 0) return null;
        String key = clusters.identityKey(reg);
        Long byNik = key == null ? null : known.get(key);
        return byNik != null && !taken.contains(byNik) ? byNik : null;
    }

    /** The id most of the person's program rows had before (ties to the lowest), among ids no other person took. */
    private static Long mostCommonEarlierId(RowClusters clusters, List<Integer> person, Map<String, Long> known, Set<Long> taken) {
        if (known.isEmpty()) return null;
        Map<Long, Integer> votes = null;
        for (int i : person) {
            if (clusters.isRegistry(i)) continue;
            Long prev = known.get(clusters.identityKey(i));
            if (prev == null || taken.contains(prev)) continue;
            if (votes == null) votes = new HashMap<>(4);
            votes.merge(prev, 1, Integer::sum);
        }
        if (votes == null) return null;
        return votes.entrySet().stream()
                .max(Comparator.comparing((Map.Entry<Long, Integer> e) -> e.getValue()).thenComparing(e -> -e.getKey()))
                .map(Map.Entry::getKey).orElse(null);
    }
}
