package id.padan.findings.internal.rules;

import id.padan.findings.FindingCode;

/** The NIK findings: missing, malformed, impossible structure, and a NIK the registry person does not carry. */
final class NikRules {
    private NikRules() {}

    /** What a reviewer needs to check a NIK finding: the value as sent, and the registry NIK when the person is known. */
    static final String NIK_JSON = "'submitted', r.nik_raw, 'cleaned', r.nik, 'problem', r.nik_problem, "
            + "'registry_nik', case when r.in_dukcapil then r.person_nik end, 'method', r.match_method, 'score', r.match_score";
    static final String REGISTRY_NIK_TEXT = "case when r.in_dukcapil then '; NIK Dukcapil ' || " + FindingRule.masked("r.person_nik") + " else '' end";

    /** NIK_MISSING: blank or a placeholder. */
    static final class Missing implements FindingRule {
        public FindingCode code() {
            return FindingCode.NIK_MISSING;
        }

        public String condition() {
            return "r.nik_status = 'MISSING'";
        }

        public String detail() {
            return "'NIK kosong atau placeholder (' || " + FindingRule.masked("coalesce(nullif(trim(r.nik_raw), ''), 'kosong')") + " || ')' || " + REGISTRY_NIK_TEXT;
        }

        public String json() {
            return "jsonb_build_object(" + NIK_JSON + ")";
        }
    }

    /** NIK_MALFORMED: not 16 digits after cleaning. */
    static final class Malformed implements FindingRule {
        public FindingCode code() {
            return FindingCode.NIK_MALFORMED;
        }

        public String condition() {
            return "r.nik_status = 'MALFORMED'";
        }

        public String detail() {
            return "'NIK ' || " + FindingRule.masked("coalesce(r.nik_raw, '')") + " || ': ' || coalesce(r.nik_problem, 'bukan 16 digit') || " + REGISTRY_NIK_TEXT;
        }

        public String json() {
            return "jsonb_build_object(" + NIK_JSON + ")";
        }
    }

    /** NIK_STRUCTURE: 16 digits that cannot be a real NIK. */
    static final class Structure implements FindingRule {
        public FindingCode code() {
            return FindingCode.NIK_STRUCTURE;
        }

        public String condition() {
            return "r.nik_status = 'STRUCTURE'";
        }

        public String detail() {
            return "'NIK ' || " + FindingRule.masked("coalesce(r.nik, r.nik_raw, '')") + " || ': ' || coalesce(r.nik_problem, 'struktur tidak mungkin') || " + REGISTRY_NIK_TEXT;
        }

        public String json() {
            return "jsonb_build_object(" + NIK_JSON + ")";
        }
    }

    /** NIK_CORRECTED: a row that carried a NIK (malformed ones included) and resolves to a registry person with another NIK. */
    static final class Corrected implements FindingRule {
        public FindingCode code() {
            return FindingCode.NIK_CORRECTED;
        }

        public String condition() {
            return "r.nik_status <> 'MISSING' and r.in_dukcapil and r.nik is distinct from r.person_nik";
        }

        public String detail() {
            return "'NIK dikirim ' || " + FindingRule.masked("coalesce(r.nik_raw, '')") + " || ', NIK Dukcapil ' || " + FindingRule.masked("r.person_nik")
                    + " || ' (' || r.match_method || ')'";
        }

        public String json() {
            return "jsonb_build_object(" + NIK_JSON + ", 'corrected', r.person_nik)";
        }
    }
}
