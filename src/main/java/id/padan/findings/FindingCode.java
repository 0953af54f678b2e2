package id.padan.findings;

/**
 * Every finding padan writes, in the order reports list them: the one vocabulary of {@code padan.finding.code},
 * {@code config/findings.yml}, {@code config/reports.yml} and the reports. The database refuses any other word.
 */
public enum FindingCode {
    NIK_MISSING,
    NIK_MALFORMED,
    NIK_STRUCTURE,
    NIK_CORRECTED,
    NOT_IN_DUKCAPIL,
    ATTRIBUTE_MISMATCH,
    DUPLICATE_IN_PROGRAM,
    DECEASED_BENEFICIARY,
    GAP_PKH_NO_PBI,
    GAP_PKH_CHILD_NO_KIP,
    REGION_MISMATCH,
    REVIEW_POSSIBLE_MATCH;

    /** A coverage gap, whose rule (which program implies which) is configured under {@code gaps:}. */
    public boolean isGap() {
        return name().startsWith("GAP_");
    }
}
