package id.padan.findings.internal.rules;

import id.padan.findings.FindingCode;

/** DECEASED_BENEFICIARY: the registry records the person's death on or before the as-of date. */
final class DeceasedBeneficiaryRule implements FindingRule {
    public FindingCode code() {
        return FindingCode.DECEASED_BENEFICIARY;
    }

    public String condition() {
        return "r.death_date is not null and r.death_date <= " + AS_OF;
    }

    public String detail() {
        return "'meninggal ' || to_char(r.death_date, 'DD-MM-YYYY') || ' menurut Dukcapil' "
                + "|| case when r.name_deceased then ' (nama bertanda ALM.)' else '' end";
    }

    public String json() {
        return "jsonb_build_object('death_date', r.death_date, 'name_marked_deceased', r.name_deceased, 'registry_nik', r.person_nik)";
    }
}
