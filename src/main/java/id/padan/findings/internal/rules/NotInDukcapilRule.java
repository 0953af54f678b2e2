package id.padan.findings.internal.rules;

import id.padan.findings.FindingCode;

/** NOT_IN_DUKCAPIL: the row's person is not in the registry (checked only when the registry extract loaded). */
final class NotInDukcapilRule implements FindingRule {
    public FindingCode code() {
        return FindingCode.NOT_IN_DUKCAPIL;
    }

    public String condition() {
        return "not r.in_dukcapil";
    }

    public String detail() {
        return "'tidak ditemukan di data Dukcapil (NIK dikirim ' || " + FindingRule.masked("coalesce(nullif(trim(r.nik_raw), ''), 'kosong')") + " || ')'";
    }

    public String json() {
        return "jsonb_build_object('submitted', r.nik_raw, 'cleaned', r.nik, 'nik_status', r.nik_status, 'method', r.match_method)";
    }
}
