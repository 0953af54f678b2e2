package id.padan.findings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The configurable rules behind findings, bound from {@code config/findings.yml} and checked when loaded. */
public record FindingRules(Map<String, String> severity, List<GapRule> gaps, RetiredCodes retiredRegionCodes) {

    /**
     * How REGION_MISMATCH treats a row that still carries a kabupaten code retired by a pemekaran split:
     * {@code SUCCESSOR} compares the kabupaten it became (the person did not move, the code aged),
     * {@code REPORT} compares the code as sent (every retired code is reported), {@code SKIP} never reports it.
     */
    public enum RetiredCodes { SUCCESSOR, REPORT, SKIP }

    /** All finding codes padan writes; a severity must be configured for each. */
    public static final List<String> CODES = List.of("NIK_MISSING", "NIK_MALFORMED", "NIK_STRUCTURE", "NIK_CORRECTED",
            "NOT_IN_DUKCAPIL", "ATTRIBUTE_MISMATCH", "DUPLICATE_IN_PROGRAM", "DECEASED_BENEFICIARY", "GAP_PKH_NO_PBI",
            "GAP_PKH_CHILD_NO_KIP", "REGION_MISMATCH", "REVIEW_POSSIBLE_MATCH");

    /**
     * A coverage gap: a row of {@code in} whose person has no row of {@code expect}; only rows of
     * {@code expect} with one of {@code statuses} count (empty: any); {@code minAge}/{@code maxAge}
     * (inclusive, null for none) limit it to people of that age on the as-of date.
     */
    public record GapRule(String code, String in, String expect, List<String> statuses, Integer minAge, Integer maxAge) {}

    public String severityOf(String code) {
        return severity.get(code);
    }

    public static FindingRules load(Path configDir) {
        return id.padan.findings.internal.FindingRulesLoader.load(configDir.resolve("findings.yml"));
    }
}
