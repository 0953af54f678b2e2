package id.padan.resolve;

import id.padan.link.MatchMethod;
import id.padan.link.RowLink;
import id.padan.standardise.StagedRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of resolution stated on lists, kept with the tests as the reference the stage's resolution in the
 * database ({@code resolve.internal.JdbcResolution}) is checked against ({@code ResolveEquivalenceIT}).
 * Turns rows and links into persons with stable ids, in three named steps: who is one person
 * ({@link RowClusters}: two registry rows are never one person, a program row follows its link, rows
 * nobody linked are persons of their own), which id each person gets ({@link StableIds}: a registry
 * person keeps the id of its NIK, any other person the id its rows had before, new people fresh ids),
 * and what each person and row says ({@link #golden}, {@link #howLinked}). A person the registry lacks never
 * holds a NIK the registry gives to someone else (one NIK, one person): its rows keep the NIK they sent as a
 * submitted value. A row whose only link is a candidate left for a reviewer is resolved as {@code REVIEW}:
 * undecided, not a new person.
 */
public final class PersonResolver {
    private final String registrySource;

    public PersonResolver(String registrySource) {
        this.registrySource = registrySource;
    }

    public record Resolution(List<Person> persons, List<ResolvedRow> rows) {}

    public Resolution resolve(List<StagedRow> rows, List<RowLink> links, PersonIdentities identities) {
        RowClusters clusters = RowClusters.join(rows, links, registrySource);
        Map<String, Long> known = identities.lookup(clusters.identityKeys());
        Map<List<Integer>, Long> ids = StableIds.assign(clusters, known, identities);
        Set<String> registryNiks = new HashSet<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) if (clusters.isRegistry(i) && rows.get(i).nik() != null) registryNiks.add(rows.get(i).nik());

        List<Person> persons = new ArrayList<>(clusters.persons().size());
        List<ResolvedRow> resolved = new ArrayList<>(rows.size());
        Map<String, Long> remember = new HashMap<>(rows.size() * 2);
        for (List<Integer> members : clusters.persons()) {
            long id = ids.get(members);
            persons.add(golden(id, rows, members, clusters.registryRow(members), registryNiks));
            for (int i : members) {
                StagedRow r = rows.get(i);
                // Only new or changed identities are written.
                String key = clusters.identityKey(i);
                if (key != null) rememberIfChanged(remember, known, key, id);
                RowLink l = clusters.linkOf(i);
                RowLink candidate = clusters.reviewCandidateOf(i);
                MatchMethod method = howLinked(clusters.isRegistry(i), l, members.size(), candidate != null);
                double score = switch (method) {
                    case REGISTRY, LINKED_VIA_CLUSTER -> 1.0;
                    case NEW_PERSON -> 0.0;
                    case REVIEW -> candidate.score();
                    default -> l.score();
                };
                resolved.add(new ResolvedRow(r.source(), r.recordKey(), r.lineNo(), id, method, score));
            }
        }
        identities.remember(remember, known.keySet());
        return new Resolution(persons, resolved);
    }

    /**
     * How a row came to its person: {@code REGISTRY} for a registry row, its own link's method when it has one,
     * {@code LINKED_VIA_CLUSTER} when only other rows' links join it to the person, {@code REVIEW} for a row alone
     * whose candidate waits for a reviewer (undecided), else {@code NEW_PERSON}.
     */
    static MatchMethod howLinked(boolean registryRow, RowLink ownLink, int personRows, boolean waitsForReview) {
        if (registryRow) return MatchMethod.REGISTRY;
        if (ownLink != null) return ownLink.method();
        if (personRows > 1) return MatchMethod.LINKED_VIA_CLUSTER;
        return waitsForReview ? MatchMethod.REVIEW : MatchMethod.NEW_PERSON;
    }

    private static void rememberIfChanged(Map<String, Long> remember, Map<String, Long> known, String key, long id) {
        Long before = known.get(key);
        if (before == null || before != id) remember.put(key, id);
    }


    private static Person golden(long id, List<StagedRow> rows, List<Integer> members, int reg, Set<String> registryNiks) {
        if (reg >= 0) {
            StagedRow r = rows.get(reg);
            return new Person(id, r.nik(), r.kk(), r.name(), r.birthDate(), r.sex(), r.regionCode(), r.deathDate(), true);
        }
        // Not in the registry: the NIK most rows carry (valid ones, not held by a registry person), and the
        // first row's other values.
        Map<String, Integer> nikVotes = new HashMap<>();
        for (int i : members) {
            StagedRow r = rows.get(i);
            if (r.hasValidNik() && !registryNiks.contains(r.nik())) nikVotes.merge(r.nik(), 1, Integer::sum);
        }
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



}
