package id.padan.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.link.MatchMethod;
import id.padan.link.RowLink;
import id.padan.standardise.StagedRow;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Resolution of a few rows and their links: one NIK, one person; a row waiting for review is undecided. */
class PersonResolverLinksTest {
    private static final String NIK_A = "3201014501700001";
    private static final String NIK_B = "3201011203050002";

    private static StagedRow row(String source, String key, String nik) {
        return new StagedRow(source, key, 2, nik, nik, nik == null ? "MISSING" : "VALID", null, null, "SITI AMINAH", "SITI AMINAH",
                "SITI AMINAH", false, LocalDate.of(1970, 1, 5), "OK", 'P', null, "3201010001", "320101", "3201", "OK", null, null, null,
                null, null, null, null);
    }

    private static RowLink link(String key, String targetSource, String targetKey, MatchMethod method, double score) {
        return new RowLink("PKH", key, targetSource, targetKey, method, score, "{}");
    }

    private final PersonResolver resolver = new PersonResolver("DUKCAPIL");

    @Test
    void anUnlinkedRowDoesNotTakeARegistryPersonsNikIntoItsOwnPerson() {
        // PKH-1 carries A's NIK but was not linked to A (another person); PKH-2 carries a NIK nobody in the registry has
        List<StagedRow> rows = List.of(row("DUKCAPIL", NIK_A, NIK_A), row("PKH", "PKH-1", NIK_A), row("PKH", "PKH-2", NIK_B));
        PersonResolver.Resolution r = resolver.resolve(rows, List.of(), new MemoryIdentities());
        Map<String, Long> holders = r.persons().stream().filter(p -> p.nik() != null)
                .collect(Collectors.groupingBy(Person::nik, Collectors.counting()));
        assertThat(holders).containsEntry(NIK_A, 1L).containsEntry(NIK_B, 1L);
        Person registryA = r.persons().stream().filter(Person::inDukcapil).findFirst().orElseThrow();
        assertThat(registryA.nik()).isEqualTo(NIK_A);
        long pkh1 = r.rows().stream().filter(x -> x.recordKey().equals("PKH-1")).findFirst().orElseThrow().personId();
        assertThat(pkh1).isNotEqualTo(registryA.personId());
        assertThat(r.persons().stream().filter(p -> p.personId() == pkh1).findFirst().orElseThrow().nik()).isNull();
    }

    @Test
    void aRowWaitingForReviewIsUndecidedNotANewPerson() {
        List<StagedRow> rows = List.of(row("DUKCAPIL", NIK_A, NIK_A), row("PKH", "PKH-1", null), row("PKH", "PKH-2", null));
        List<RowLink> links = List.of(link("PKH-1", "DUKCAPIL", NIK_A, MatchMethod.REVIEW, 0.9));
        PersonResolver.Resolution r = resolver.resolve(rows, links, new MemoryIdentities());
        Map<String, ResolvedRow> byKey = new HashMap<>();
        r.rows().forEach(x -> byKey.put(x.recordKey(), x));
        assertThat(byKey.get("PKH-1").method()).isEqualTo(MatchMethod.REVIEW);
        assertThat(byKey.get("PKH-1").score()).isEqualTo(0.9);
        assertThat(byKey.get("PKH-1").personId()).isNotEqualTo(byKey.get(NIK_A).personId());
        assertThat(byKey.get("PKH-2").method()).isEqualTo(MatchMethod.NEW_PERSON);
    }

    @Test
    void aLinkedRowFollowsItsLinkAndTwoRegistryRowsNeverJoin() {
        List<StagedRow> rows = List.of(row("DUKCAPIL", NIK_A, NIK_A), row("DUKCAPIL", NIK_B, NIK_B), row("PKH", "PKH-1", NIK_A),
                row("PKH", "PKH-2", null));
        List<RowLink> links = List.of(link("PKH-1", "DUKCAPIL", NIK_A, MatchMethod.EXACT_NIK, 1.0),
                link("PKH-2", "DUKCAPIL", NIK_B, MatchMethod.PROBABILISTIC, 0.999),
                link("PKH-2", "PKH", "PKH-1", MatchMethod.DEDUP_PROBABILISTIC, 0.999));
        PersonResolver.Resolution r = resolver.resolve(rows, links, new MemoryIdentities());
        Map<String, ResolvedRow> byKey = new HashMap<>();
        r.rows().forEach(x -> byKey.put(x.recordKey(), x));
        assertThat(byKey.get("PKH-1").personId()).isEqualTo(byKey.get(NIK_A).personId());
        assertThat(byKey.get("PKH-2").personId()).isEqualTo(byKey.get(NIK_B).personId());
        assertThat(byKey.get(NIK_A).personId()).isNotEqualTo(byKey.get(NIK_B).personId());
        assertThat(r.persons()).hasSize(2);
    }
}
