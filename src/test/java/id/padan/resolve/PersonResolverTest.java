package id.padan.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.link.MatchMethod;
import id.padan.link.RowLink;
import id.padan.standardise.StagedRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Resolution from tables of three to five rows: who is one person, which id each person keeps, what each row says. */
class PersonResolverTest {
    private static final String REG = "DUKCAPIL";
    private final PersonResolver resolver = new PersonResolver(REG);

    @Test
    void twoRegistryRowsAreNeverOnePersonEvenWhenAProgramRowLinksToBoth() {
        var rows = List.of(reg("3603010101800001", "AHMAD"), reg("3603010101800002", "AHMAD"), row("PKH", "P1", "3603010101800001", "AHMAD"));
        var links = List.of(link("PKH", "P1", REG, "3603010101800001", MatchMethod.EXACT_NIK, 0.999),
                link("PKH", "P1", REG, "3603010101800002", MatchMethod.PROBABILISTIC, 0.995));
        var result = resolver.resolve(rows, links, new MemoryIdentities());
        assertThat(result.persons()).hasSize(2);
        Map<String, Long> person = personOf(result);
        assertThat(person.get(REG + ":3603010101800001")).isNotEqualTo(person.get(REG + ":3603010101800002"));
        // the better link wins: the program row is the person of the first registry row
        assertThat(person.get("PKH:P1")).isEqualTo(person.get(REG + ":3603010101800001"));
        assertThat(methodOf(result)).containsEntry("PKH:P1", MatchMethod.EXACT_NIK).containsEntry(REG + ":3603010101800002", MatchMethod.REGISTRY);
    }

    @Test
    void aProgramLinkCannotPullARowAwayFromItsRegistryPerson() {
        // P1 is linked to the registry; P2 (another registry person's row) links to P1 by the dedup model: the link
        // to a registry row comes first, so P2 stays with its own registry person and is not joined to P1's.
        var rows = List.of(reg("3603010101800001", "AHMAD"), reg("3603010101800002", "AHMAD"), row("PKH", "P1", "3603010101800001", "AHMAD"),
                row("KIP", "K1", "3603010101800002", "AHMAD"));
        var links = List.of(link("KIP", "K1", "PKH", "P1", MatchMethod.DEDUP_PROBABILISTIC, 0.999),
                link("PKH", "P1", REG, "3603010101800001", MatchMethod.EXACT_NIK, 0.99),
                link("KIP", "K1", REG, "3603010101800002", MatchMethod.EXACT_NIK, 0.99));
        Map<String, Long> person = personOf(resolver.resolve(rows, links, new MemoryIdentities()));
        assertThat(person.get("KIP:K1")).isEqualTo(person.get(REG + ":3603010101800002")).isNotEqualTo(person.get("PKH:P1"));
    }

    @Test
    void unregisteredPersonsAreDeduplicatedAcrossProgramsAndKeepTheirRowsValues() {
        var rows = List.of(reg("3603010101800001", "AHMAD"), row("PKH", "P1", "3603019999990001", "SITI AMINAH"),
                row("KIP", "K1", null, "SITI AMINAH"), row("PBI_JKN", "B1", "3603019999990001", "SITI AMINAH"));
        var links = List.of(link("KIP", "K1", "PKH", "P1", MatchMethod.DEDUP_PROBABILISTIC, 0.995),
                link("PBI_JKN", "B1", "PKH", "P1", MatchMethod.DEDUP_SAME_NIK, 1.0));
        var result = resolver.resolve(rows, links, new MemoryIdentities());
        assertThat(result.persons()).hasSize(2);
        Map<String, Long> person = personOf(result);
        assertThat(new java.util.HashSet<>(List.of(person.get("PKH:P1"), person.get("KIP:K1"), person.get("PBI_JKN:B1")))).hasSize(1);
        Person siti = result.persons().stream().filter(p -> !p.inDukcapil()).findFirst().orElseThrow();
        assertThat(siti.nik()).isEqualTo("3603019999990001");
        assertThat(siti.name()).isEqualTo("SITI AMINAH");
        // P1 has no link of its own: it is in the person through the others' links
        assertThat(methodOf(result)).containsEntry("PKH:P1", MatchMethod.LINKED_VIA_CLUSTER).containsEntry("KIP:K1", MatchMethod.DEDUP_PROBABILISTIC)
                .containsEntry("PBI_JKN:B1", MatchMethod.DEDUP_SAME_NIK);
    }

    @Test
    void aReviewCandidateIsNoLinkItsRowIsUndecidedAndAnUnlinkedRowIsAPersonOfItsOwn() {
        var rows = List.of(reg("3603010101800001", "AHMAD"), row("PKH", "P1", null, "AHMAD S"), row("KIP", "K1", null, "BUDI"));
        var links = List.of(link("PKH", "P1", REG, "3603010101800001", MatchMethod.REVIEW, 0.7));
        var result = resolver.resolve(rows, links, new MemoryIdentities());
        assertThat(result.persons()).hasSize(3);
        assertThat(methodOf(result)).containsEntry("PKH:P1", MatchMethod.REVIEW).containsEntry("KIP:K1", MatchMethod.NEW_PERSON);
        assertThat(result.rows()).filteredOn(r -> r.source().equals("PKH")).extracting(ResolvedRow::score).containsExactly(0.7);
        assertThat(result.rows()).filteredOn(r -> r.source().equals("KIP")).extracting(ResolvedRow::score).containsExactly(0.0);
        assertThat(result.rows()).filteredOn(r -> r.source().equals(REG)).extracting(ResolvedRow::score).containsExactly(1.0);
    }

    @Test
    void aLinkedRowCarriesItsLinksMethodAndScore() {
        var rows = List.of(reg("3603010101800001", "AHMAD"), row("PKH", "P1", "3603010101800010", "AHMAD"));
        var result = resolver.resolve(rows, List.of(link("PKH", "P1", REG, "3603010101800001", MatchMethod.NIK_REPAIR_SWAP, 0.9987)), new MemoryIdentities());
        ResolvedRow p1 = result.rows().stream().filter(r -> r.source().equals("PKH")).findFirst().orElseThrow();
        assertThat(p1.method()).isEqualTo(MatchMethod.NIK_REPAIR_SWAP);
        assertThat(p1.score()).isEqualTo(0.9987);
        assertThat(p1.lineNo()).isEqualTo(2);
        Person person = result.persons().stream().filter(Person::inDukcapil).findFirst().orElseThrow();
        assertThat(person.nik()).isEqualTo("3603010101800001");
        assertThat(person.personId()).isEqualTo(p1.personId());
    }

    @Test
    void personIdsAreStableAcrossRunsAndOnlyNewOrChangedIdentitiesAreWritten() {
        MemoryIdentities ids = new MemoryIdentities();
        var rows = List.of(reg("3603010101800001", "AHMAD"), row("PKH", "P1", "3603010101800001", "AHMAD"), row("KIP", "K1", null, "BUDI"),
                row("PBI_JKN", "B1", null, "BUDI"));
        var links = List.of(link("PKH", "P1", REG, "3603010101800001", MatchMethod.EXACT_NIK, 0.999),
                link("PBI_JKN", "B1", "KIP", "K1", MatchMethod.DEDUP_PROBABILISTIC, 0.995));
        Map<String, Long> first = personOf(resolver.resolve(rows, links, ids));
        assertThat(ids.written).hasSize(4); // NIK:..., ROW:PKH:P1, ROW:KIP:K1, ROW:PBI_JKN:B1
        ids.written.clear();

        // the next run: the same rows in another order, and one new row
        var again = new ArrayList<>(List.of(row("PBI_JKN", "B1", null, "BUDI"), row("KIP", "K1", null, "BUDI"), row("PKH", "P1", "3603010101800001", "AHMAD"),
                reg("3603010101800001", "AHMAD"), row("KIP", "K2", null, "CICI")));
        Map<String, Long> second = personOf(resolver.resolve(again, links, ids));
        for (String key : first.keySet()) assertThat(second.get(key)).as(key).isEqualTo(first.get(key));
        assertThat(second.get("KIP:K2")).isNotIn(first.values());
        assertThat(ids.written).containsOnlyKeys("ROW:KIP:K2");
    }

    @Test
    void anUnregisteredPersonKeepsTheIdMostOfItsRowsHadAndTheOthersGetNewOnes() {
        MemoryIdentities ids = new MemoryIdentities();
        ids.known.putAll(Map.of("ROW:PKH:P1", 7L, "ROW:KIP:K1", 7L, "ROW:PBI_JKN:B1", 9L));
        ids.next = 100;
        var rows = List.of(row("PKH", "P1", null, "BUDI"), row("KIP", "K1", null, "BUDI"), row("PBI_JKN", "B1", null, "BUDI"), row("KIP", "K2", null, "CICI"));
        var links = List.of(link("KIP", "K1", "PKH", "P1", MatchMethod.DEDUP_PROBABILISTIC, 0.995),
                link("PBI_JKN", "B1", "PKH", "P1", MatchMethod.DEDUP_PROBABILISTIC, 0.995));
        Map<String, Long> person = personOf(resolver.resolve(rows, links, ids));
        assertThat(person).containsEntry("PKH:P1", 7L).containsEntry("KIP:K1", 7L).containsEntry("PBI_JKN:B1", 7L).containsEntry("KIP:K2", 100L);
        assertThat(ids.written).containsEntry("ROW:PBI_JKN:B1", 7L).containsEntry("ROW:KIP:K2", 100L).doesNotContainKeys("ROW:PKH:P1", "ROW:KIP:K1");
    }

    @Test
    void aRegistryPersonClaimsItsNikIdBeforeAProgramPersonThatHadIt() {
        MemoryIdentities ids = new MemoryIdentities();
        // Last run P1 was a person of its own with id 5; tonight the registry holds P1's NIK, whose id was also 5.
        ids.known.putAll(Map.of("NIK:3603010101800001", 5L, "ROW:KIP:K1", 5L));
        ids.next = 50;
        var rows = List.of(row("KIP", "K1", null, "BUDI"), reg("3603010101800001", "AHMAD"));
        Map<String, Long> person = personOf(resolver.resolve(rows, List.of(), ids));
        assertThat(person).containsEntry(REG + ":3603010101800001", 5L).containsEntry("KIP:K1", 50L);
    }

    @Test
    void aLargerUnregisteredPersonChoosesItsEarlierIdBeforeASmallerOne() {
        MemoryIdentities ids = new MemoryIdentities();
        // All three rows carried id 7 last run; tonight P1 is a person alone and K1 + B1 are one person: the larger keeps 7.
        ids.known.putAll(Map.of("ROW:PKH:P1", 7L, "ROW:KIP:K1", 7L, "ROW:PBI_JKN:B1", 7L));
        ids.next = 20;
        var rows = List.of(row("PKH", "P1", null, "BUDI"), row("KIP", "K1", null, "BUDI"), row("PBI_JKN", "B1", null, "BUDI"));
        Map<String, Long> person = personOf(resolver.resolve(rows, List.of(link("PBI_JKN", "B1", "KIP", "K1", MatchMethod.DEDUP_PROBABILISTIC, 0.995)), ids));
        assertThat(person).containsEntry("KIP:K1", 7L).containsEntry("PBI_JKN:B1", 7L).containsEntry("PKH:P1", 20L);
    }

    @Test
    void theFirstRowOfTheRunBeingARegistryRowKeepsItsNikId() {
        MemoryIdentities ids = new MemoryIdentities();
        ids.known.put("NIK:3603010101800001", 42L);
        var rows = List.of(reg("3603010101800001", "AHMAD"), row("PKH", "P1", "3603010101800001", "AHMAD"));
        Map<String, Long> person = personOf(resolver.resolve(rows, List.of(link("PKH", "P1", REG, "3603010101800001", MatchMethod.EXACT_NIK, 0.999)), ids));
        assertThat(person).containsEntry(REG + ":3603010101800001", 42L).containsEntry("PKH:P1", 42L);
        assertThat(ids.written).containsOnlyKeys("ROW:PKH:P1");
    }

    @Test
    void tiedVotesGoToTheLowerEarlierId() {
        MemoryIdentities ids = new MemoryIdentities();
        ids.known.putAll(Map.of("ROW:PKH:P1", 12L, "ROW:KIP:K1", 11L));
        var rows = List.of(row("PKH", "P1", null, "BUDI"), row("KIP", "K1", null, "BUDI"));
        Map<String, Long> person = personOf(resolver.resolve(rows, List.of(link("KIP", "K1", "PKH", "P1", MatchMethod.DEDUP_PROBABILISTIC, 0.995)), ids));
        assertThat(person).containsEntry("PKH:P1", 11L).containsEntry("KIP:K1", 11L);
    }

    @Test
    void aLinkToARowNotInTheRunIsIgnored() {
        var rows = List.of(reg("3603010101800001", "AHMAD"), row("PKH", "P1", null, "AHMAD"));
        var result = resolver.resolve(rows, List.of(link("PKH", "P1", REG, "3603019999999999", MatchMethod.EXACT_NIK, 1.0)), new MemoryIdentities());
        assertThat(result.persons()).hasSize(2);
        assertThat(methodOf(result)).containsEntry("PKH:P1", MatchMethod.NEW_PERSON);
    }

    @Test
    void theGoldenRecordOfAnUnregisteredPersonTakesTheMostCommonValidNikAndTheFirstKnownValues() {
        var rows = List.of(
                row("PKH", "P1", "3603019999990002", null, null, "OK", 'P', "3603010"),
                row("KIP", "K1", "3603019999990001", "SITI", LocalDate.of(1980, 1, 1), "INVALID", null, "3603010001"),
                row("PBI_JKN", "B1", "3603019999990001", "SITI A", LocalDate.of(1981, 2, 3), "OK", 'L', "3603020002"));
        var links = List.of(link("KIP", "K1", "PKH", "P1", MatchMethod.DEDUP_PROBABILISTIC, 0.99),
                link("PBI_JKN", "B1", "PKH", "P1", MatchMethod.DEDUP_PROBABILISTIC, 0.99));
        Person p = resolver.resolve(rows, links, new MemoryIdentities()).persons().get(0);
        assertThat(p.nik()).isEqualTo("3603019999990001");
        assertThat(p.name()).isEqualTo("SITI");
        assertThat(p.birthDate()).isEqualTo(LocalDate.of(1981, 2, 3)); // the first valid birth date
        assertThat(p.sex()).isEqualTo('P');
        assertThat(p.regionCode()).isEqualTo("3603010001"); // the first full desa code
        assertThat(p.inDukcapil()).isFalse();
        assertThat(p.deathDate()).isNull();
    }

    @Test
    void howARowCameToItsPerson() {
        RowLink own = link("PKH", "P1", REG, "1", MatchMethod.NIK_REPAIR_FAMILY, 0.99);
        assertThat(PersonResolver.howLinked(true, null, 3, false)).isEqualTo(MatchMethod.REGISTRY);
        assertThat(PersonResolver.howLinked(false, own, 3, false)).isEqualTo(MatchMethod.NIK_REPAIR_FAMILY);
        assertThat(PersonResolver.howLinked(false, null, 2, true)).isEqualTo(MatchMethod.LINKED_VIA_CLUSTER);
        assertThat(PersonResolver.howLinked(false, null, 1, false)).isEqualTo(MatchMethod.NEW_PERSON);
        assertThat(PersonResolver.howLinked(false, null, 1, true)).isEqualTo(MatchMethod.REVIEW);
    }

    // ---- tables -------------------------------------------------------------------------------

    private static int line = 0;

    private static StagedRow reg(String nik, String name) {
        return new StagedRow(REG, nik, ++line, nik, nik, "VALID", null, "3603010101800000", name, name, name, false,
                LocalDate.of(1980, 1, 1), "OK", 'L', null, "3603010001", "360301", "3603", "KNOWN", null, null, null, null, null, null, null);
    }

    private static StagedRow row(String source, String key, String nik, String name) {
        return row(source, key, nik, name, LocalDate.of(1980, 1, 1), "OK", 'L', "3603010001");
    }

    private static StagedRow row(String source, String key, String nik, String name, LocalDate birth, String birthStatus, Character sex, String region) {
        String status = nik == null ? "MISSING" : "VALID";
        return new StagedRow(source, key, 2, nik, nik, status, null, null, name, name, name, false, birth, birthStatus, sex, null,
                region != null && region.length() == 10 ? region : null, region != null && region.length() >= 6 ? region.substring(0, 6) : null,
                region != null ? region.substring(0, 4) : null, "KNOWN", null, null, null, null, null, null, null);
    }

    private static RowLink link(String source, String key, String targetSource, String targetKey, MatchMethod method, double score) {
        return new RowLink(source, key, targetSource, targetKey, method, score, null);
    }

    private static Map<String, Long> personOf(PersonResolver.Resolution r) {
        return r.rows().stream().collect(Collectors.toMap(x -> x.source() + ":" + x.recordKey(), ResolvedRow::personId, (a, b) -> a, TreeMap::new));
    }

    private static Map<String, MatchMethod> methodOf(PersonResolver.Resolution r) {
        return r.rows().stream().collect(Collectors.toMap(x -> x.source() + ":" + x.recordKey(), ResolvedRow::method));
    }
}
