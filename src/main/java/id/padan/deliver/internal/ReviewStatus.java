package id.padan.deliver.internal;

import id.padan.deliver.ReviewText;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The reviewers' decisions covering a run's findings, as the reports and the corrected extracts show them: a finding
 * explained ({@code PINDAH}, ...), confirmed ({@code BENAR}) or decided ({@code TERIMA}, ...) is shown with its
 * decision, not as open; one waiting for an approver, in conflict or stale says so, with the decision it carries.
 * Read from {@code padan.review_item} (the review step's verdict for the run) for the findings some decision
 * touches only.
 */
final class ReviewStatus {
    private ReviewStatus() {}

    /**
     * A common table expression {@code review_status (source, record_key, code, queue, keputusan, alasan)}: the run's
     * findings that a decision covers, with its place (DECIDED, APPROVAL, CONFLICT, STALE; OPEN for a withdrawn one)
     * and words. Parameters: the run, twice.
     */
    static final String CTE = """
            review_status as materialized (
                select i.source, i.record_key, i.code, i.queue, i.keputusan, i.alasan
                from (select distinct source, record_key, code from padan.review_effect where run_id = ?) e
                cross join lateral (select x.* from padan.review_item x where x.run_id = ? and x.source = e.source and x.record_key = e.record_key
                                    and x.code = e.code and x.decision_id is not null and x.queue <> 'OPEN') i)
            """;

    /** Words that explain a finding away (the others confirm or decide it). */
    private static final Set<String> EXPLAINED = Set.of("PINDAH", "SUDAH_DIPERBAIKI", "MENINGGAL", "TIDAK_LAYAK", "LAINNYA");

    /** The same words as an SQL array literal, for statements that count the explained findings. */
    static final String EXPLAINED_SQL = "array[" + String.join(", ", EXPLAINED.stream().sorted().map(w -> "'" + w + "'").toList()) + "]";

    /** Whether a finding is explained away: a held decision ({@code DECIDED}) with a word that explains it. */
    static boolean explained(String queue, String keputusan) {
        return "DECIDED".equals(queue) && keputusan != null && EXPLAINED.contains(keputusan);
    }

    /**
     * A finding's change since the previous run as the reports count it: one a held decision explains away is
     * {@code EXPLAINED}, neither new nor still open (a resolved one stays resolved).
     */
    static String change(String change, String queue, String keputusan) {
        return !"RESOLVED".equals(change) && explained(queue, keputusan) ? "EXPLAINED" : change;
    }

    /** The status of a finding in the report's language; empty when no decision covers it. */
    static ReviewText text(ReportText t, String queue, String keputusan, String alasan) {
        if (queue == null || keputusan == null) return ReviewText.EMPTY;
        String label = switch (queue) {
            case "DECIDED" -> t.t(EXPLAINED.contains(keputusan) ? "review.EXPLAINED" : "BENAR".equals(keputusan) ? "review.CONFIRMED" : "review.DECIDED");
            case "APPROVAL" -> t.t("review.APPROVAL");
            case "CONFLICT" -> t.t("review.CONFLICT");
            default -> t.t("review.STALE");
        };
        String reason = alasan == null || alasan.isBlank() ? "" : " (" + alasan.strip() + ")";
        return ReviewText.of(label + ": " + keputusan + reason);
    }

    /**
     * The decision a reviewer file's {@code keputusan} column carries back for a row: the standing word, so that the file
     * imported again changes nothing; none for a stale decision (it needs a new one) or a {@code GANTI}, whose NIK a
     * reviewer file does not show.
     */
    static String carried(String queue, String keputusan) {
        if (queue == null || keputusan == null || "STALE".equals(queue) || "GANTI".equals(keputusan)) return null;
        return keputusan;
    }

    /** The codes column of a corrected extract: each code a held decision covers followed by {@code =} and its word. */
    static String codes(String codes, String decided) {
        if (codes == null || decided == null || decided.isEmpty()) return codes;
        Map<String, String> word = new HashMap<>();
        for (String d : decided.split(" ")) {
            int eq = d.indexOf('=');
            if (eq > 0) word.put(d.substring(0, eq), d.substring(eq + 1));
        }
        StringBuilder sb = new StringBuilder();
        for (String code : codes.split(" ")) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(code);
            if (word.containsKey(code)) sb.append('=').append(word.get(code));
        }
        return sb.toString();
    }
}
