package id.padan.resolve;

import id.padan.link.MatchMethod;
import id.padan.link.RowLink;
import id.padan.standardise.StagedRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is one person: the rows of a run joined by their links, under resolution's rules. Links to registry rows
 * are taken first (best score first), so a program-to-program link cannot pull a row away from the registry;
 * a link that would join two registry rows is ignored (two registry rows are never one person); a REVIEW link
 * is a reviewer's candidate, not a link (it is kept as the row's candidate). Rows nobody linked are persons of
 * their own.
 */
final class RowClusters {
    private final List<StagedRow> rows;
    private final String registrySource;
    private final RowLink[] linkOf;
    private final RowLink[] candidateOf;
    private final List<List<Integer>> persons;
    private final Map<List<Integer>, Integer> registryRowOf;

    private RowClusters(List<StagedRow> rows, String registrySource, RowLink[] linkOf, RowLink[] candidateOf, List<List<Integer>> persons) {
        this.rows = rows;
        this.registrySource = registrySource;
        this.linkOf = linkOf;
        this.candidateOf = candidateOf;
        this.persons = persons;
        this.registryRowOf = new IdentityHashMap<>(persons.size() * 2);
        for (List<Integer> members : persons) {
            int reg = -1;
            for (int i : members) {
                if (isRegistry(i)) {
                    reg = i;
                    break;
                }
            }
            registryRowOf.put(members, reg);
        }
    }

    /** Joins {@code rows} by {@code links}; a link naming a row not in {@code rows} is ignored. */
    static RowClusters join(List<StagedRow> rows, List<RowLink> links, String registrySource) {
        int n = rows.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) index.put(key(rows.get(i).source(), rows.get(i).recordKey()), i);
        int[] parent = new int[n];
        boolean[] hasRegistry = new boolean[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            hasRegistry[i] = rows.get(i).source().equals(registrySource);
        }
        RowLink[] linkOf = new RowLink[n];
        RowLink[] candidateOf = new RowLink[n];
        List<RowLink> ordered = new ArrayList<>(links);
        ordered.sort(Comparator.comparing((RowLink l) -> !l.targetSource().equals(registrySource)).thenComparing(l -> -l.score()));
        for (RowLink l : ordered) {
            Integer a = index.get(key(l.source(), l.recordKey()));
            Integer b = index.get(key(l.targetSource(), l.targetKey()));
            if (a == null || b == null) continue;
            if (l.method() == MatchMethod.REVIEW) { // the row stays its own person until a reviewer decides
                if (candidateOf[a] == null) candidateOf[a] = l;
                continue;
            }
            int ra = find(parent, a), rb = find(parent, b);
            if (ra != rb) {
                if (hasRegistry[ra] && hasRegistry[rb]) continue;
                parent[ra] = rb;
                hasRegistry[rb] |= hasRegistry[ra];
            }
            if (linkOf[a] == null) linkOf[a] = l;
        }
        Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        return new RowClusters(rows, registrySource, linkOf, candidateOf, new ArrayList<>(byRoot.values()));
    }

    /** The persons, each as the indexes of its rows in ascending order, in the order of their first row. */
    List<List<Integer>> persons() {
        return persons;
    }

    StagedRow row(int i) {
        return rows.get(i);
    }

    boolean isRegistry(int i) {
        return rows.get(i).source().equals(registrySource);
    }

    /** The person's registry row, or -1 for a person the registry lacks. */
    int registryRow(List<Integer> person) {
        return registryRowOf.get(person);
    }

    /** The accepted link the row was joined by, or null (a registry row, or a row joined only through others). */
    RowLink linkOf(int i) {
        return linkOf[i];
    }

    /** The best candidate left for a reviewer (a REVIEW link), or null. */
    RowLink reviewCandidateOf(int i) {
        return candidateOf[i];
    }

    /**
     * The key under which row {@code i}'s person id is remembered between runs: {@code NIK:<nik>} for a registry row
     * with a NIK, {@code ROW:<source>:<record key>} for a program row, null for a registry row without a NIK.
     */
    String identityKey(int i) {
        StagedRow r = rows.get(i);
        if (!isRegistry(i)) return "ROW:" + r.source() + ":" + r.recordKey();
        return r.nik() != null ? "NIK:" + r.nik() : null;
    }

    /** Every identity key of the run's rows. */
    Set<String> identityKeys() {
        Set<String> keys = new HashSet<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            String k = identityKey(i);
            if (k != null) keys.add(k);
        }
        return keys;
    }

    private static String key(String source, String recordKey) {
        return source + '\u0000' + recordKey;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
