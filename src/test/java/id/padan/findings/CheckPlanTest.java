package id.padan.findings;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.ingest.SourceMappings;
import id.padan.store.RunChecks;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which checks a run can make with the sources it loaded (the shipped sources and findings.yml). */
class CheckPlanTest {
    private static final SourceMappings SOURCES = SourceMappings.load(Path.of("config"));
    private static final FindingRules RULES = FindingRules.load(Path.of("config"), SOURCES);

    private static RunChecks.Check check(RunChecks plan, String source, String code) {
        return plan.checks().stream().filter(c -> c.source().equals(source) && c.code().equals(code)).findFirst().orElse(null);
    }

    @Test
    void withEverySourceEveryCheckRunsAndTheRegistryIsNoProgram() {
        RunChecks plan = CheckPlan.plan(SOURCES, RULES, Set.of("DUKCAPIL", "PKH", "PBI_JKN", "KIP"));
        assertThat(plan.partial()).isFalse();
        assertThat(plan.checks()).extracting(RunChecks.Check::source).doesNotContain("DUKCAPIL");
        assertThat(plan.describeNotRun()).isNull();
    }

    @Test
    void aGapIsPlannedOnlyOnItsInProgramAndNeedsItsExpectedProgram() {
        RunChecks plan = CheckPlan.plan(SOURCES, RULES, Set.of("DUKCAPIL", "PKH", "PBI_JKN"));
        assertThat(check(plan, "PKH", "GAP_PKH_NO_PBI").ran()).isTrue();
        assertThat(check(plan, "PBI_JKN", "GAP_PKH_NO_PBI")).as("not a check of PBI_JKN's rows").isNull();
        RunChecks.Check childGap = check(plan, "PKH", "GAP_PKH_CHILD_NO_KIP");
        assertThat(childGap.ran()).isFalse();
        assertThat(childGap.missing()).containsExactly("KIP");
        assertThat(check(plan, "PKH", "NIK_MISSING").ran()).as("needs only PKH").isTrue();
        assertThat(plan.describeNotRun()).isEqualTo("every check of KIP (needs KIP); GAP_PKH_CHILD_NO_KIP on PKH (needs KIP)");
    }

    @Test
    void withoutTheRegistryOnlyTheChecksOfTheProgramItselfRun() {
        RunChecks plan = CheckPlan.plan(SOURCES, RULES, Set.of("PKH", "PBI_JKN", "KIP"));
        for (String code : CheckPlan.REGISTRY_CODES) {
            RunChecks.Check c = check(plan, "PBI_JKN", code);
            assertThat(c.ran()).as(code).isFalse();
            assertThat(c.missing()).as(code).containsExactly("DUKCAPIL");
        }
        for (String code : new String[] {"NIK_MISSING", "NIK_MALFORMED", "NIK_STRUCTURE", "DUPLICATE_IN_PROGRAM"}) {
            assertThat(check(plan, "PBI_JKN", code).ran()).as(code).isTrue();
        }
        assertThat(check(plan, "PKH", "GAP_PKH_NO_PBI").ran()).as("a gap needs two programs, not the registry").isTrue();
    }
}
