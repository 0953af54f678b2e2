package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A row's NIK repair candidates: the registry rows holding a variant of its NIK, each found, in the variants' order. */
class NikCandidatesTest {
    private static final TermFrequencies NONE = new TermFrequencies(1_000, Map.of(), Map.of());

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource({
            "3201014501900002, 3201014501900001", // a digit off
            "3201014501900010, 3201014501900001", // neighbours swapped
            "320101450190001, 3201014501900001", // a digit dropped
            "32010145019000011, 3201014501900001", // a digit added
            "0012345678901235, 0012345678901234", // leading zeros kept
            "012345678901234, 0012345678901234", // a leading zero dropped
            "1234568, 1234567"}) // an identifier of another length
    void theOwnerOfARepairIsFoundAmongRowsOfEveryRepair(String submitted, String meant) {
        List<LinkRow> registry = new ArrayList<>();
        Map<String, LinkRow> byNik = new HashMap<>();
        LinkRow owner = Rows.registry().nik(meant).name("BUDI").build();
        registry.add(owner);
        byNik.put(meant, owner);
        // every other variant of the submitted NIK held by some registry row, and rows of unrelated NIKs
        NikVariants.forEach(submitted, v -> {
            if (v.equals(meant) || v.hashCode() % 3 != 0) return;
            LinkRow r = Rows.registry().nik(v).name("SITI").build();
            registry.add(r);
            byNik.put(v, r);
        });
        for (int i = 0; i < 50; i++) registry.add(Rows.registry().nik(String.format("52%014d", i * 7919L)).name("AGUS").build());
        LinkRow row = Rows.program().nik(submitted).name("BUDI").build();

        List<LinkRow> found = new ArrayList<>(CandidateSearch.nikCandidates(row, new RegistryIndex(registry, NONE), true));

        List<LinkRow> expected = new ArrayList<>();
        LinkRow exact = byNik.get(submitted);
        if (exact != null && row.lookupKey() != null) expected.add(exact);
        NikVariants.forEach(submitted, v -> {
            LinkRow r = byNik.get(v);
            if (r != null && !expected.contains(r)) expected.add(r);
        });
        assertThat(found).contains(owner).containsExactlyElementsOf(expected);
    }
}
