package id.padan.deliver.internal;

import java.util.List;
import java.util.Map;
import org.unbescape.html.HtmlEscape;

/**
 * The cells of one row needing a decision on the HTML page, written in one piece: what {@code report.html} wrote for
 * each of its rows field by field (the row's identity, the sent, registry and candidate sides, why, the technical
 * column), character for character, each value escaped as Thymeleaf escapes a {@code th:text}. At 80,000 rows a
 * kabupaten's page evaluated some 90 template expressions a row, most of deliver's time; the template now takes the
 * row's cells from here ({@link #cells}) and keeps only the row element itself.
 */
public final class DecisionRowHtml {
    private final DecisionRow row;
    private final boolean candidates;
    private final Map<String, String> t;

    DecisionRowHtml(DecisionRow row, boolean candidates, Map<String, String> words) {
        this.row = row;
        this.candidates = candidates;
        this.t = words;
    }

    /** The finding code of the row (its {@code data-code}). */
    public String code() {
        return row.code();
    }

    /** Everything between the row's {@code <tr>} and {@code </tr>}, escaped. */
    public String cells() {
        DecisionRow r = row;
        List<String> fields = DecisionRow.FIELDS;
        StringBuilder b = new StringBuilder(2048);
        b.append("\n      <td><span>").append(text(r.program())).append("</span><br><code>").append(text(r.recordKey()))
                .append("</code><br><small>").append(text("person_id " + r.personId())).append("</small></td>");
        b.append("\n      <td>").append(text(r.kec() + " " + r.kecName())).append("</td>");
        b.append("\n      <td class=\"side sent\"><dl class=\"side\">\n        ");
        for (String f : fields) field(b, f, r.differs(f), r.sent().field(f));
        b.append("\n      </dl></td>");
        b.append("\n      <td class=\"side registry\">");
        if (!r.registry().isEmpty()) {
            b.append("<dl class=\"side\">\n        ");
            for (String f : fields) field(b, f, r.candidate().isEmpty() && r.differs(f), r.registry().field(f));
            b.append("\n        ");
            if (!r.registry().died().isEmpty()) {
                b.append("<dt>").append(text(t.get("ev.died"))).append("</dt><dd class=\"diff\">").append(text(r.registry().died())).append("</dd>");
            }
            b.append("\n      </dl>");
        }
        if (r.registry().isEmpty()) b.append("<span>—</span>");
        b.append("</td>\n      ");
        if (candidates) {
            b.append("<td class=\"side candidate\">");
            if (!r.candidate().isEmpty()) {
                b.append("<dl class=\"side\">\n        <dt>person_id</dt><dd>").append(text(r.candidatePersonId())).append("</dd>\n        ");
                for (String f : fields) field(b, f, r.differs(f), r.candidate().field(f));
                b.append("\n      </dl>");
            }
            b.append("</td>");
        }
        b.append("\n      <td class=\"why\">");
        if (!r.status().isEmpty()) b.append("<strong class=\"status\">").append(text(r.status())).append("</strong><br>");
        b.append("<span>").append(text(r.why())).append("</span>");
        if (!r.nikDifference().isEmpty()) b.append("<br><small>").append(text("NIK: " + r.nikDifference())).append("</small>");
        b.append("</td>");
        b.append("\n      <td class=\"tech\">").append(text(r.technical())).append("</td>\n    ");
        return b.toString();
    }

    private void field(StringBuilder b, String f, boolean differs, Object value) {
        b.append("<dt>").append(text(t.get("field." + f))).append("</dt><dd").append(differs ? " class=\"diff\"" : "").append('>')
                .append(text(value)).append("</dd>");
    }

    /** As a {@code th:text} writes a value: its text, markup-significant characters escaped; null as nothing. */
    private static String text(Object value) {
        return value == null ? "" : HtmlEscape.escapeHtml4Xml(value.toString());
    }
}
