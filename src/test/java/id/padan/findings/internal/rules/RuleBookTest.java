package id.padan.findings.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.findings.FindingCode;
import id.padan.findings.FindingRules;
import id.padan.findings.FindingRules.GapRule;
import id.padan.findings.FindingRules.RetiredCodes;
import id.padan.findings.Severity;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which rules a run applies, and what each configured rule asks of the database (the SQL itself is run by FindingRulesIT). */
class RuleBookTest {
    private static final FindingRules SHIPPED = FindingRules.load(Path.of("config"));
    private static final Set<String> ALL = Set.of("DUKCAPIL", "PKH", "PBI_JKN", "KIP");

    @Test
    void withEveryExtractLoadedEveryCodeHasItsRuleOnce() {
        List<FindingRule> rules = RuleBook.forRun(SHIPPED, "DUKCAPIL", ALL);
        assertThat(rules).extracting(FindingRule::code).containsExactlyInAnyOrder(FindingCode.values());
        for (FindingRule r : rules) {
            assertThat(r.condition()).as(r.code().name()).isNotBlank();
            assertThat(r.detail()).as(r.code().name()).isNotBlank();
            assertThat(r.json()).as(r.code().name()).startsWith("jsonb_build_object(");
            assertThat(r.condition().chars().filter(ch -> ch == '?').count()).as(r.code() + " binds one value per ?").isEqualTo(r.parameters().size());
        }
    }

    @Test
    void aCheckThatNeedsAnExtractIsSkippedWhenItDidNotLoad() {
        assertThat(codes(RuleBook.forRun(SHIPPED, "DUKCAPIL", Set.of("PKH", "PBI_JKN", "KIP")))).doesNotContain(FindingCode.NOT_IN_DUKCAPIL)
                .contains(FindingCode.GAP_PKH_NO_PBI, FindingCode.NIK_CORRECTED);
        assertThat(codes(RuleBook.forRun(SHIPPED, "DUKCAPIL", Set.of("DUKCAPIL", "PKH", "KIP")))).doesNotContain(FindingCode.GAP_PKH_NO_PBI)
                .contains(FindingCode.GAP_PKH_CHILD_NO_KIP, FindingCode.NOT_IN_DUKCAPIL);
        assertThat(codes(RuleBook.forRun(SHIPPED, "DUKCAPIL", Set.of("DUKCAPIL", "PBI_JKN", "KIP"))))
                .doesNotContain(FindingCode.GAP_PKH_NO_PBI, FindingCode.GAP_PKH_CHILD_NO_KIP);
        // the generic checks never depend on a source
        assertThat(codes(RuleBook.forRun(SHIPPED, "DUKCAPIL", Set.of()))).containsExactlyInAnyOrder(FindingCode.NIK_MISSING, FindingCode.NIK_MALFORMED,
                FindingCode.NIK_STRUCTURE, FindingCode.NIK_CORRECTED, FindingCode.ATTRIBUTE_MISMATCH, FindingCode.DUPLICATE_IN_PROGRAM,
                FindingCode.DECEASED_BENEFICIARY, FindingCode.REGION_MISMATCH, FindingCode.REVIEW_POSSIBLE_MATCH);
    }

    @Test
    void aGapRuleBindsItsProgramsStatusesAndAgesInOrder() {
        CoverageGapRule full = new CoverageGapRule(new GapRule(FindingCode.GAP_PKH_CHILD_NO_KIP, "PKH", "KIP", List.of("ACTIVE", "NEW"), 6, 21));
        assertThat(full.code()).isEqualTo(FindingCode.GAP_PKH_CHILD_NO_KIP);
        List<Object> p = full.parameters();
        assertThat(p).hasSize(5);
        assertThat(p.get(0)).isEqualTo("PKH");
        assertThat(p.get(1)).isEqualTo("KIP");
        assertThat((String[]) p.get(2)).containsExactly("ACTIVE", "NEW");
        assertThat(p.subList(3, 5)).containsExactly(6, 21);
        assertThat(full.condition()).contains("e.program_status = any(?)").contains(" >= ?").contains(" <= ?");
        assertThat(full.detail()).startsWith("'tidak ada di KIP (ACTIVE/NEW)'").contains("umur");
        assertThat(full.json()).contains("'age'").contains("'missing_program', 'KIP'").contains("'statuses', 'ACTIVE,NEW'");

        CoverageGapRule plain = new CoverageGapRule(new GapRule(FindingCode.GAP_PKH_NO_PBI, "PKH", "PBI_JKN", List.of(), null, null));
        assertThat(plain.parameters()).containsExactly("PKH", "PBI_JKN");
        assertThat(plain.condition()).doesNotContain("program_status").doesNotContain(">=").doesNotContain("<=");
        assertThat(plain.detail()).isEqualTo("'tidak ada di PBI_JKN'");
        assertThat(plain.json()).doesNotContain("'age'");

        CoverageGapRule onlyMin = new CoverageGapRule(new GapRule(FindingCode.GAP_PKH_CHILD_NO_KIP, "PKH", "KIP", List.of(), 6, null));
        assertThat(onlyMin.parameters()).containsExactly("PKH", "KIP", 6);
        assertThat(onlyMin.condition()).contains(" >= ?").doesNotContain("<=");
        CoverageGapRule onlyMax = new CoverageGapRule(new GapRule(FindingCode.GAP_PKH_CHILD_NO_KIP, "PKH", "KIP", List.of(), null, 21));
        assertThat(onlyMax.parameters()).containsExactly("PKH", "KIP", 21);
        assertThat(onlyMax.condition()).contains(" <= ?").doesNotContain(">=");
        assertThat(onlyMax.detail()).contains("umur");
    }

    @Test
    void aConfiguredWordIsQuotedAsAnSqlLiteral() {
        assertThat(CoverageGapRule.literal("O'BRIEN")).isEqualTo("'O''BRIEN'");
    }

    @Test
    void retiredRegionCodesAreJudgedAsConfigured() {
        assertThat(new RegionMismatchRule(RetiredCodes.SUCCESSOR).condition()).contains("region_successor").doesNotContain("RETIRED");
        assertThat(new RegionMismatchRule(RetiredCodes.SKIP).condition()).contains("is distinct from 'RETIRED'").doesNotContain("region_successor");
        assertThat(new RegionMismatchRule(RetiredCodes.REPORT).condition()).doesNotContain("RETIRED").doesNotContain("region_successor");
    }

    @Test
    void onlyTheDuplicateRuleJoinsItsGroup() {
        for (FindingRule r : RuleBook.forRun(SHIPPED, "DUKCAPIL", ALL)) {
            if (r.code() == FindingCode.DUPLICATE_IN_PROGRAM) assertThat(r.join()).contains("duplicate_group");
            else assertThat(r.join()).as(r.code().name()).isEmpty();
        }
    }

    @Test
    void severitiesAreReadByCodeAndByWord() {
        Map<FindingCode, Severity> sev = new EnumMap<>(FindingCode.class);
        for (FindingCode c : FindingCode.values()) sev.put(c, c.isGap() ? Severity.INFO : Severity.ERROR);
        FindingRules rules = new FindingRules(sev, List.of(), RetiredCodes.SKIP);
        assertThat(rules.severity(FindingCode.GAP_PKH_NO_PBI)).isEqualTo(Severity.INFO);
        assertThat(rules.severityOf("NIK_MISSING")).isEqualTo("ERROR");
        assertThat(rules.severityOf("NO_SUCH_CODE")).isNull();
        assertThat(FindingRules.CODES).hasSize(FindingCode.values().length).startsWith("NIK_MISSING").endsWith("REVIEW_POSSIBLE_MATCH");
        assertThat(FindingCode.GAP_PKH_CHILD_NO_KIP.isGap()).isTrue();
        assertThat(FindingCode.REGION_MISMATCH.isGap()).isFalse();
    }

    private static List<FindingCode> codes(List<FindingRule> rules) {
        return rules.stream().map(FindingRule::code).toList();
    }
}
