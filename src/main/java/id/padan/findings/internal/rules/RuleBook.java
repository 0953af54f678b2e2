package id.padan.findings.internal.rules;

import id.padan.findings.FindingRules;
import id.padan.findings.FindingRules.GapRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules a run applies, in {@link id.padan.findings.FindingCode} order: every code, except those whose
 * source did not load in the run (no NOT_IN_DUKCAPIL without the registry's extract, no gap without both programs').
 */
public final class RuleBook {
    private RuleBook() {}

    /**
     * @param rules    the configured rules
     * @param registry the registry source
     * @param loaded   the sources whose extract loaded in this run
     */
    public static List<FindingRule> forRun(FindingRules rules, String registry, Set<String> loaded) {
        List<FindingRule> list = new ArrayList<>();
        list.add(new NikRules.Missing());
        list.add(new NikRules.Malformed());
        list.add(new NikRules.Structure());
        list.add(new NikRules.Corrected());
        if (loaded.contains(registry)) list.add(new NotInDukcapilRule());
        list.add(new AttributeMismatchRule());
        list.add(new DuplicateInProgramRule());
        list.add(new DeceasedBeneficiaryRule());
        for (GapRule g : rules.gaps()) {
            if (loaded.contains(g.in()) && loaded.contains(g.expect())) list.add(new CoverageGapRule(g));
        }
        list.add(new RegionMismatchRule(rules.retiredRegionCodes()));
        list.add(new ReviewPossibleMatchRule());
        return list;
    }
}
