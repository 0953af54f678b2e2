package id.padan.resolve;

import id.padan.link.MatchMethod;
import id.padan.link.RowLink;
import id.padan.standardise.StagedRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns rows and links into persons with stable ids. Rules: two registry rows are never one person
 * (a link that would join them is ignored); a program row follows its link; rows nobody linked are
 * persons of their own. A registry person keeps the id of its NIK; any other person keeps the id its
 * rows had before (the most common one; ties to the lowest), and new people get fresh ids.
 */
public final class PersonResolver {
    private final String registrySource;

    public PersonResolver(String registrySource) {
        this.registrySource = registrySource;
    }

    public record Resolution(List<Person> persons, List<ResolvedRow> rows) {}

    public Resolution resolve(List<StagedRow> rows, List<RowLink> links, PersonIdentities identities) {
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
        // Links to registry rows first, so program-to-program links cannot pull a row away from the registry.
        List<RowLink> ordered = new ArrayList<>(links);
        ordered.sort(Comparator.comparing((RowLink l) -> !l.targetSource().equals(registrySource)).thenComparing(l -> -l.score()));
        for (RowLink l : ordered) {
            Integer a = index.get(key(l.source(), l.recordKey()));
            Integer b = index.get(key(l.targetSource(), l.targetKey()));
            if (a == null || b == null) continue;
            if (l.method() == MatchMethod.REVIEW) {
                // A candidate for a reviewer, not a link: the row stays its own person until decided.
                continue;
            }
            int ra = find(parent, a), rb = find(parent, b);
            if (ra == rb) {
                if (linkOf[a] == null) linkOf[a] = l;
                continue;
            }
            if (hasRegistry[ra] && hasRegistry[rb]) continue;
            parent[ra] = rb;
            hasRegistry[rb] |= hasRegistry[ra];
            if (linkOf[a] == null) linkOf[a] = l;
        }
        Map<Integer, List<Integer>> clusters = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) clusters.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);

        // Identity keys of every cluster, looked up in one go: registry rows by NIK, other rows by record key.
        String[] rowKeys = new String[n];
        for (int i = 0; i < n; i++) if (!rows.get(i).source().equals(registrySource)) rowKeys[i] = rowKey(rows.get(i));
        Set<String> keys = new HashSet<>(n * 2);
        for (List<Integer> members : clusters.values()) {
            for (int i : members) {
                StagedRow r = rows.get(i);
                if (r.source().equals(registrySource)) {
                    if (r.nik() != null) keys.add("NIK:" + r.nik());
                } else {
                    keys.add(rowKeys[i]);
                }
            }
        }
        Map<String, Long> known = identities.lookup(keys);
        Set<Long> taken = new HashSet<>();
        Map<List<Integer>, Long> assigned = new java.util.IdentityHashMap<>();
        List<List<Integer>> needNew = new ArrayList<>();
        // Registry persons claim their NIK's id first; then larger clusters before smaller ones.
        List<List<Integer>> order = new ArrayList<>(clusters.size());
        List<List<Integer>> others = new ArrayList<>();
        Map<List<Integer>, Integer> registryOf = new java.util.IdentityHashMap<>(clusters.size() * 2);
        for (List<Integer> members : clusters.values()) {
            int reg = registryRow(rows, members);
            registryOf.put(members, reg);
            (reg >= 0 ? order : others).add(members);
        }
        others.sort(Comparator.comparingInt((List<Integer> m) -> -m.size()));
        order.addAll(others);
        for (List<Integer> members : order) {
            Long id = null;
            int reg = registryOf.get(members);
            if (reg >= 0 && rows.get(reg).nik() != null) {
                Long byNik = known.get("NIK:" + rows.get(reg).nik());
                if (byNik != null && !taken.contains(byNik)) id = byNik;
            }
            if (id == null && !known.isEmpty()) {
                Map<Long, Integer> votes = null;
                for (int i : members) {
                    if (rowKeys[i] == null) continue;
                    Long prev = known.get(rowKeys[i]);
                    if (prev == null || taken.contains(prev)) continue;
                    if (votes == null) votes = new HashMap<>(4);
                    votes.merge(prev, 1, Integer::sum);
                }
                if (votes != null) {
                    id = votes.entrySet().stream()
                            .max(Comparator.comparing((Map.Entry<Long, Integer> e) -> e.getValue()).thenComparing(e -> -e.getKey()))
                            .map(Map.Entry::getKey).orElse(null);
                }
            }
            if (id == null) {
                needNew.add(members);
            } else {
                taken.add(id);
                assigned.put(members, id);
            }
        }
        long[] fresh = identities.newIds(needNew.size());
        for (int i = 0; i < needNew.size(); i++) assigned.put(needNew.get(i), fresh[i]);

        List<Person> persons = new ArrayList<>(clusters.size());
        List<ResolvedRow> resolved = new ArrayList<>(n);
        Map<String, Long> remember = new HashMap<>(n * 2);
        for (List<Integer> members : clusters.values()) {
            long id = assigned.get(members);
            int reg = registryOf.get(members);
            persons.add(golden(id, rows, members, reg));
            for (int i : members) {
                StagedRow r = rows.get(i);
                // A registry row is remembered by its NIK alone; other rows by their record key.
                // Only new or changed identities are written.
                if (i == reg && r.nik() != null) {
                    rememberIfChanged(remember, known, "NIK:" + r.nik(), id);
                } else if (rowKeys[i] != null) {
                    rememberIfChanged(remember, known, rowKeys[i], id);
                }
                RowLink l = linkOf[i];
                MatchMethod method;
                double score;
                if (r.source().equals(registrySource)) {
                    method = MatchMethod.REGISTRY;
                    score = 1.0;
                } else if (l != null) {
                    method = l.method();
                    score = l.score();
                } else if (members.size() > 1) {
                    method = MatchMethod.LINKED_VIA_CLUSTER;
                    score = 1.0;
                } else {
                    method = MatchMethod.NEW_PERSON;
                    score = 0.0;
                }
                resolved.add(new ResolvedRow(r.source(), r.recordKey(), r.lineNo(), id, method, score));
            }
        }
        identities.remember(remember, known.keySet());
        return new Resolution(persons, resolved);
    }

    private static void rememberIfChanged(Map<String, Long> remember, Map<String, Long> known, String key, long id) {
        Long before = known.get(key);
        if (before == null || before != id) remember.put(key, id);
    }

    private int registryRow(List<StagedRow> rows, List<Integer> members) {
        for (int i : members) if (rows.get(i).source().equals(registrySource)) return i;
        return -1;
    }

    private static Person golden(long id, List<StagedRow> rows, List<Integer> members, int reg) {
        if (reg >= 0) {
            StagedRow r = rows.get(reg);
            return new Person(id, r.nik(), r.kk(), r.name(), r.birthDate(), r.sex(), r.regionCode(), r.deathDate(), true);
        }
        // Not in the registry: the NIK most rows carry (valid ones only), and the first row's other values.
        Map<String, Integer> nikVotes = new HashMap<>();
        for (int i : members) if (rows.get(i).hasValidNik()) nikVotes.merge(rows.get(i).nik(), 1, Integer::sum);
        String nik = nikVotes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
        StagedRow first = rows.get(members.get(0));
        String kk = null, name = null, region = null;
        java.time.LocalDate birth = null;
        Character sex = null;
        for (int i : members) {
            StagedRow r = rows.get(i);
            if (kk == null) kk = r.kk();
            if (name == null) name = r.name();
            if (birth == null && "OK".equals(r.birthDateStatus())) birth = r.birthDate();
            if (sex == null) sex = r.sex();
            if (region == null || (region.length() < 10 && r.regionCode() != null && r.regionCode().length() == 10)) region = r.regionCode();
        }
        return new Person(id, nik, kk, name != null ? name : first.name(), birth, sex, region, null, false);
    }

    private static String rowKey(StagedRow r) {
        return "ROW:" + r.source() + ":" + r.recordKey();
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
