package id.padan.findings.internal.rules;

import id.padan.findings.FindingCode;

/**
 * ATTRIBUTE_MISMATCH: the link stage linked the row although its name, birth date or sex differ from the registry
 * person's; it names them in the link explanation's {@code attribute_mismatch} (comma-separated, e.g.
 * {@code BIRTH_DATE,SEX}).
 */
final class AttributeMismatchRule implements FindingRule {
    private static final String FIELDS = "string_to_array(r.explanation->>'attribute_mismatch', ',')";

    public FindingCode code() {
        return FindingCode.ATTRIBUTE_MISMATCH;
    }

    public String condition() {
        return "coalesce(r.explanation->>'attribute_mismatch', '') <> ''";
    }

    public String detail() {
        return "'berbeda dari Dukcapil: ' || array_to_string(" + FIELDS + ", ', ')"
                + " || ' (dikirim ' || coalesce(r.name_raw, '-') || ', ' || coalesce(to_char(r.birth_date, 'DD-MM-YYYY'), '-')"
                + " || ', ' || coalesce(r.sex, '-') || '; Dukcapil ' || coalesce(r.person_name, '-') || ', ' || coalesce(to_char(r.person_birth, 'DD-MM-YYYY'), '-')"
                + " || ', ' || coalesce(r.person_sex, '-') || ')'";
    }

    public String json() {
        return "jsonb_build_object('fields', to_jsonb(" + FIELDS + "), 'row', jsonb_build_object('name', r.name_raw, 'birth_date', r.birth_date, 'sex', r.sex),"
                + " 'registry', jsonb_build_object('nik', r.person_nik, 'name', r.person_name, 'birth_date', r.person_birth, 'sex', r.person_sex),"
                + " 'evidence', r.explanation->'attribute_mismatch', 'method', r.match_method, 'score', r.match_score)";
    }
}
