package id.padan.findings;

import id.padan.findings.internal.FindingRulesLoader;
import id.padan.ingest.SourceMappings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The configurable rules behind findings, bound from {@code config/findings.yml} and checked when loaded. */
public record FindingRules(Map<FindingCode, Severity> severities, List<GapRule> gaps, RetiredCodes retiredRegionCodes) {

    /**
     * How REGION_MISMATCH treats a row that still carries a kabupaten code retired by a pemekaran split:
     * {@code SUCCESSOR} compares the kabupaten it became (the person did not move, the code aged),
     * {@code REPORT} compares the code as sent (every retired code is reported), {@code SKIP} never reports it.
     */
    public enum RetiredCodes { SUCCESSOR, REPORT, SKIP }

    /** The names of all finding codes, in {@link FindingCode} order (for callers that hold codes as text). */
    public static final List<String> CODES = Arrays.stream(FindingCode.values()).map(Enum::name).toList();

    public FindingRules {
        severities = Map.copyOf(severities);
        gaps = List.copyOf(gaps);
    }

    /**
     * A coverage gap: a row of {@code in} whose person has no row of {@code expect}; only rows of
     * {@code expect} with one of {@code statuses} count (empty: any); {@code minAge}/{@code maxAge}
     * (inclusive, null for none) limit it to people of that age on the as-of date.
     */
    public record GapRule(FindingCode code, String in, String expect, List<String> statuses, Integer minAge, Integer maxAge) {
        public GapRule {
            statuses = List.copyOf(statuses);
        }
    }

    public Severity severity(FindingCode code) {
        return severities.get(code);
    }

    /** The severity of a code held as text, or null for a word that is no finding code. */
    public String severityOf(String code) {
        try {
            return severities.get(FindingCode.valueOf(code)).name();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Binds {@code configDir/findings.yml}; see {@link FindingRulesLoader}. */
    public static FindingRules load(Path configDir) {
        return FindingRulesLoader.load(configDir.resolve("findings.yml"));
    }

    /** Binds {@code configDir/findings.yml} and checks it against the configured sources (gap programs, statuses). */
    public static FindingRules load(Path configDir, SourceMappings sources) {
        FindingRules rules = load(configDir);
        FindingRulesLoader.checkAgainst(rules, configDir.resolve("findings.yml"), sources);
        return rules;
    }
}
