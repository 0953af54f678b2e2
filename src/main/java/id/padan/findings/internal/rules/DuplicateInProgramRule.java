package id.padan.findings.internal.rules;

import id.padan.findings.FindingCode;

/**
 * DUPLICATE_IN_PROGRAM: the person has more than one row in the same program; the detail lists them all, the evidence
 * a reviewer needs to pick the row to keep (from {@code duplicate_group}, built by the findings stage).
 */
final class DuplicateInProgramRule implements FindingRule {
    public FindingCode code() {
        return FindingCode.DUPLICATE_IN_PROGRAM;
    }

    @Override
    public String join() {
        return "join duplicate_group d on d.person_id = r.person_id and d.source = r.source";
    }

    public String condition() {
        return "true";
    }

    public String detail() {
        return "'orang yang sama tercatat ' || d.n || ' kali di ' || r.source || ': ' || array_to_string(d.keys, ', ')";
    }

    public String json() {
        return "jsonb_build_object('count', d.n, 'records', to_jsonb(d.keys), 'registry_nik', case when r.in_dukcapil then r.person_nik end)";
    }
}
