package id.padan.findings.internal.rules;

import id.padan.findings.FindingCode;
import id.padan.findings.FindingRules.GapRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A coverage gap of {@code config/findings.yml} (GAP_PKH_NO_PBI, GAP_PKH_CHILD_NO_KIP): a row of the starting
 * program whose person has no row of the expected one (with one of the statuses, when given), optionally only
 * for people of an age on the as-of date (whole years, the registry's birth date first).
 */
final class CoverageGapRule implements FindingRule {
    private static final String AGE = "date_part('year', age(" + AS_OF + ", coalesce(r.person_birth, r.birth_date)))";
    private final GapRule gap;

    CoverageGapRule(GapRule gap) {
        this.gap = gap;
    }

    public FindingCode code() {
        return gap.code();
    }

    public String condition() {
        StringBuilder cond = new StringBuilder("r.source = ? and not exists (select 1 from run_rows e where e.person_id = r.person_id and e.source = ?");
        if (!gap.statuses().isEmpty()) cond.append(" and e.program_status = any(?)");
        cond.append(")");
        if (gap.minAge() != null) cond.append(" and ").append(AGE).append(" >= ?");
        if (gap.maxAge() != null) cond.append(" and ").append(AGE).append(" <= ?");
        return cond.toString();
    }

    @Override
    public List<Object> parameters() {
        List<Object> params = new ArrayList<>(List.of(gap.in(), gap.expect()));
        if (!gap.statuses().isEmpty()) params.add(gap.statuses().toArray(new String[0]));
        if (gap.minAge() != null) params.add(gap.minAge());
        if (gap.maxAge() != null) params.add(gap.maxAge());
        return params;
    }

    private boolean aged() {
        return gap.minAge() != null || gap.maxAge() != null;
    }

    public String detail() {
        String statuses = gap.statuses().isEmpty() ? "" : " (" + String.join("/", gap.statuses()) + ")";
        return literal("tidak ada di " + gap.expect() + statuses) + (aged() ? " || ', umur ' || " + AGE + "::int || ' tahun'" : "");
    }

    public String json() {
        return "jsonb_build_object('missing_program', " + literal(gap.expect()) + ", 'statuses', " + literal(String.join(",", gap.statuses()))
                + (aged() ? ", 'age', " + AGE + "::int" : "")
                + ", 'has_inactive', exists (select 1 from run_rows e where e.person_id = r.person_id and e.source = " + literal(gap.expect()) + "))";
    }

    /** A configured word as an SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
