package id.padan.deliver.internal;

import id.padan.deliver.MaskedNik;
import id.padan.deliver.ReviewCell;
import id.padan.deliver.ReviewText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A row that needs a reviewer's decision, as every reviewer file shows it: the row's identity, what was sent,
 * what the registry holds for the person it was linked to and, for a possible match, the candidate registry
 * record, side by side; the fields that differ; in words why padan linked or doubts; the model's numbers apart
 * in a technical column; where a reviewer's decision covers the row, its status ({@link ReviewStatus}); and the
 * {@code keputusan} and {@code alasan} a reviewer fills in (carrying the standing decision, if any, so that the file
 * imported again changes nothing).
 *
 * @param differing the fields of {@code sent} that differ from the registry side (the candidate's for a possible
 *                  match): any of {@link #FIELDS}
 */
public record DecisionRow(String code, String severity, ReviewText program, ReviewText recordKey, ReviewText kab, ReviewText kec, ReviewText kecName,
                   ReviewText desa, ReviewText personId, Side sent, Side registry, Side candidate, ReviewText candidatePersonId,
                   Set<String> differing, ReviewText nikDifference, ReviewText why, ReviewText detail, ReviewText technical,
                   ReviewText status, ReviewText decided, ReviewText reason) {

    static final List<String> FIELDS = List.of("nik", "name", "born", "sex", "region");

    /** One side of the comparison; every value masked or plain text. */
    public record Side(MaskedNik nik, ReviewText name, ReviewText born, ReviewText sex, ReviewText region, ReviewText died) {
        static final Side NONE = new Side(MaskedNik.NONE, ReviewText.EMPTY, ReviewText.EMPTY, ReviewText.EMPTY, ReviewText.EMPTY, ReviewText.EMPTY);

        public boolean isEmpty() {
            return this.equals(NONE);
        }

        public ReviewCell field(String field) {
            return switch (field) {
                case "nik" -> nik;
                case "name" -> name;
                case "born" -> born;
                case "sex" -> sex;
                case "region" -> region;
                default -> throw new IllegalArgumentException(field);
            };
        }
    }

    public boolean differs(String field) {
        return differing.contains(field);
    }

    /** The column names of the decisions table, in the report's language. */
    static List<String> header(ReportText t) {
        List<String> h = new ArrayList<>(List.of(t.t("col.program"), t.t("col.record_key"), t.t("col.code"), t.t("col.severity"), t.t("col.kabupaten"),
                t.t("col.kecamatan"), t.t("col.kecamatan_name"), t.t("col.desa"), t.t("col.person_id")));
        for (String side : List.of("sent", "registry", "candidate")) {
            if (side.equals("candidate")) h.add(t.t("col.candidate_person_id"));
            for (String f : FIELDS) h.add(t.t("col." + side + "." + f));
            if (side.equals("registry")) h.add(t.t("col.registry.died"));
        }
        h.addAll(List.of(t.t("col.differing"), t.t("col.nik_difference"), t.t("col.why"), t.t("col.detail"), t.t("col.technical"),
                t.t("col.review_status"), t.t("col.decision"), t.t("col.reason")));
        return h;
    }

    /** The cells of the decisions table, in {@link #header} order; {@code keputusan} and {@code alasan} the standing decision's or empty. */
    List<ReviewCell> cells(ReportText t) {
        List<ReviewCell> c = new ArrayList<>(List.of(program, recordKey, ReviewText.id(code), ReviewText.of(t.t("sev." + severity)), kab, kec, kecName,
                desa, personId));
        for (Side s : List.of(sent, registry)) {
            for (String f : FIELDS) c.add(s.field(f));
            if (s == registry) c.add(registry.died());
        }
        c.add(candidatePersonId);
        for (String f : FIELDS) c.add(candidate.field(f));
        List<String> words = new ArrayList<>();
        for (String f : FIELDS) if (differing.contains(f)) words.add(t.t("field." + f));
        c.addAll(List.of(ReviewText.of(String.join(", ", words)), nikDifference, why, detail, technical, status, decided, reason));
        return c;
    }
}
