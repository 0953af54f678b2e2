package id.padan.findings;

import id.padan.ingest.SourceMapping;
import id.padan.ingest.SourceMappings;
import id.padan.store.RunChecks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which sources each check needs, and so which checks a run can make with the sources it loaded. A check is a
 * finding code on the rows of one program source. Every check needs its program's rows; the checks that compare a
 * row with the registry ({@link #REGISTRY_CODES}) need the registry too; a coverage gap of {@code findings.yml}
 * is checked on the rows of its {@code in} program and needs its {@code expect} program (GAP_PKH_NO_PBI: PKH and
 * PBI_JKN). NIK_MISSING, NIK_MALFORMED, NIK_STRUCTURE and DUPLICATE_IN_PROGRAM need only the program itself.
 */
public final class CheckPlan {
    /** The codes that compare a program row with its registry person. */
    public static final Set<String> REGISTRY_CODES = Set.of("NIK_CORRECTED", "NOT_IN_DUKCAPIL", "ATTRIBUTE_MISMATCH",
            "DECEASED_BENEFICIARY", "REGION_MISMATCH", "REVIEW_POSSIBLE_MATCH");

    private CheckPlan() {}

    /** The run's checks, given the sources it could use (loaded, with at least one row). */
    public static RunChecks plan(SourceMappings mappings, FindingRules rules, Set<String> usable) {
        String registry = mappings.registry().map(SourceMapping::source).orElse(null);
        List<RunChecks.Check> checks = new ArrayList<>();
        for (SourceMapping program : mappings.all()) {
            if (program.registry()) continue;
            String source = program.source();
            for (String code : FindingRules.CODES) {
                Set<String> needs = new LinkedHashSet<>();
                needs.add(source);
                FindingRules.GapRule gap = rules.gaps().stream().filter(g -> g.code().name().equals(code)).findFirst().orElse(null);
                if (gap != null) {
                    if (!gap.in().equals(source)) continue; // a gap is checked on the rows of its `in` program only
                    needs.add(gap.expect());
                } else if (REGISTRY_CODES.contains(code)) {
                    needs.add(registry == null ? "a registry source" : registry);
                }
                List<String> missing = needs.stream().filter(s -> !usable.contains(s)).toList();
                checks.add(new RunChecks.Check(source, code, missing.isEmpty(), missing));
            }
        }
        return new RunChecks(checks);
    }
}
