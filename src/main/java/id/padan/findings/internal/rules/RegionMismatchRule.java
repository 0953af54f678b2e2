package id.padan.findings.internal.rules;

import id.padan.findings.FindingCode;
import id.padan.findings.FindingRules.RetiredCodes;

/**
 * REGION_MISMATCH: the row's kabupaten/kota is not the registry domicile's. A row still carrying a code retired by
 * a pemekaran split is judged by {@link RetiredCodes}: by the kabupaten it became ({@code region_successor}, built by
 * the findings stage), as sent, or never.
 */
final class RegionMismatchRule implements FindingRule {
    private final RetiredCodes retired;

    RegionMismatchRule(RetiredCodes retired) {
        this.retired = retired;
    }

    public FindingCode code() {
        return FindingCode.REGION_MISMATCH;
    }

    public String condition() {
        return "r.in_dukcapil and r.region_kab is not null and r.person_region is not null and left(r.person_region, 4) <> r.region_kab"
                + switch (retired) {
                    case SKIP -> " and r.region_status is distinct from 'RETIRED'";
                    case SUCCESSOR -> " and not exists (select 1 from region_successor s where s.old_code = left(r.region_code, 6)"
                            + " and s.new_kab = left(r.person_region, 4))";
                    case REPORT -> "";
                };
    }

    public String detail() {
        return "'wilayah dikirim ' || r.region_code || case when r.region_status = 'RETIRED' then ' (kode lama sebelum pemekaran)' else '' end"
                + " || ', domisili Dukcapil ' || r.person_region";
    }

    public String json() {
        return "jsonb_build_object('row_region', r.region_code, 'registry_region', r.person_region, 'row_region_status', r.region_status)";
    }
}
