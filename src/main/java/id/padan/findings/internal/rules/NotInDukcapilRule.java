package id.padan.findings.internal.rules;

import id.padan.findings.FindingCode;

/**
 * NOT_IN_DUKCAPIL: the row's person is not in the registry (checked only when the registry extract loaded). A row
 * whose registry candidate waits for a reviewer ({@code REVIEW}) is undecided, not known to be missing from the
 * registry: it carries REVIEW_POSSIBLE_MATCH instead, until a reviewer decides.
 */
final class NotInDukcapilRule implements FindingRule {
    public FindingCode code() {
        return FindingCode.NOT_IN_DUKCAPIL;
    }

    public String condition() {
        return "not r.in_dukcapil and r.match_method <> 'REVIEW'";
    }

    public String detail() {
        return "'tidak ditemukan di data Dukcapil (NIK dikirim ' || " + FindingRule.masked("coalesce(nullif(trim(r.nik_raw), ''), 'kosong')") + " || ')'";
    }

    public String json() {
        return "jsonb_build_object('submitted', r.nik_raw, 'cleaned', r.nik, 'nik_status', r.nik_status, 'method', r.match_method)";
    }
}
