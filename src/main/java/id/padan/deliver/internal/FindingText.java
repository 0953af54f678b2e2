package id.padan.deliver.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a finding's {@code detail_json} (and, for rows needing a decision, the link evidence) into the
 * sentence a reviewer reads, in the report's language. The text is not masked here: the table writers
 * mask every cell they write.
 */
final class FindingText {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private final ReportText text;

    FindingText(ReportText text) {
        this.text = text;
    }

    static JsonNode parse(String json) {
        if (json == null || json.isBlank()) return JSON.createObjectNode();
        try {
            return JSON.readTree(json);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    String detail(String code, String source, String detailJson) {
        JsonNode d = parse(detailJson);
        return switch (code) {
            case "NIK_MISSING", "NIK_MALFORMED", "NIK_STRUCTURE", "NIK_CORRECTED" -> nik(d);
            case "NOT_IN_DUKCAPIL" -> text.t("d.not_found") + " (" + text.t("d.submitted") + " " + orBlank(s(d, "submitted")) + ")";
            case "DUPLICATE_IN_PROGRAM" -> {
                List<String> keys = new ArrayList<>();
                d.path("records").forEach(k -> keys.add(k.asString()));
                yield String.format(text.t("d.records"), d.path("count").asInt(keys.size()), source, String.join(", ", keys));
            }
            case "DECEASED_BENEFICIARY" -> String.format(text.t("d.died"), date(s(d, "death_date")))
                    + (d.path("name_marked_deceased").asBoolean(false) ? "; " + text.t("d.alm") : "");
            case "REGION_MISMATCH" -> String.format(text.t("d.region"), orBlank(s(d, "row_region")), orBlank(s(d, "registry_region")))
                    + ("RETIRED".equals(s(d, "row_region_status")) ? " (" + text.t("d.retired") + ")" : "");
            case "ATTRIBUTE_MISMATCH" -> {
                List<String> fields = new ArrayList<>();
                d.path("fields").forEach(f -> fields.add(f.asString()));
                yield String.format(text.t("d.differs"), String.join(", ", fields)) + "; " + text.t("ev.sent") + ": " + person(d.path("row"))
                        + "; " + text.t("ev.registry") + ": " + person(d.path("registry"));
            }
            case "REVIEW_POSSIBLE_MATCH" -> {
                JsonNode r = d.path("review");
                String why = r.isString() ? r.asString() : r.isMissingNode() || r.isNull() ? "" : compact(r);
                JsonNode cand = d.path("candidate");
                yield String.format(text.t("d.review"), why) + (cand.isMissingNode() || cand.isNull() ? "" : "; " + text.t("d.candidate") + " " + compact(cand));
            }
            default -> {
                if (code.startsWith("GAP_")) {
                    String out = String.format(text.t("d.missing_program"), orBlank(s(d, "missing_program")));
                    if (d.has("age") && !d.get("age").isNull()) out += ", " + String.format(text.t("d.age"), d.get("age").asString());
                    if (d.path("has_inactive").asBoolean(false)) out += " (" + text.t("d.inactive") + ")";
                    yield out;
                }
                yield compact(d);
            }
        };
    }

    private String nik(JsonNode d) {
        String out = text.t("d.submitted") + " " + orBlank(s(d, "submitted"));
        String problem = s(d, "problem");
        if (problem != null) out += " (" + problem + ")";
        String reg = s(d, "registry_nik");
        if (reg != null) out += "; " + text.t("d.registry_nik") + " " + reg;
        return out;
    }

    private String person(JsonNode p) {
        return text.t("ev.name") + " " + orDash(s(p, "name")) + ", " + text.t("ev.born") + " " + date(s(p, "birth_date")) + ", "
                + text.t("ev.sex") + " " + orDash(s(p, "sex"));
    }

    /** The evidence for a row needing a decision: how it was linked, what was sent, what the registry has, and the link explanation. */
    String evidence(Map<String, Object> row) {
        StringBuilder sb = new StringBuilder();
        sb.append(text.t("ev.method")).append(": ").append(orDash((String) row.get("match_method")));
        Object score = row.get("match_score");
        if (score != null) sb.append(" (").append(text.t("ev.score")).append(' ').append(String.format(java.util.Locale.ROOT, "%.3f", ((Number) score).doubleValue())).append(')');
        sb.append(". ").append(text.t("ev.sent")).append(": NIK ").append(orBlank((String) row.get("nik_raw"))).append(", ")
                .append(text.t("ev.name")).append(' ').append(orDash((String) row.get("name_raw"))).append(", ")
                .append(text.t("ev.born")).append(' ').append(date(str(row.get("birth_date")))).append(", ")
                .append(text.t("ev.sex")).append(' ').append(orDash(str(row.get("sex")))).append('.');
        if (Boolean.TRUE.equals(row.get("in_dukcapil"))) {
            sb.append(' ').append(text.t("ev.registry")).append(": NIK ").append(orDash((String) row.get("reg_nik"))).append(", ")
                    .append(text.t("ev.name")).append(' ').append(orDash((String) row.get("reg_name"))).append(", ")
                    .append(text.t("ev.born")).append(' ').append(date(str(row.get("reg_birth")))).append(", ")
                    .append(text.t("ev.sex")).append(' ').append(orDash(str(row.get("reg_sex"))));
            if (row.get("reg_death") != null) sb.append(", ").append(text.t("ev.died")).append(' ').append(date(str(row.get("reg_death"))));
            sb.append('.');
        }
        String explanation = (String) row.get("explanation");
        if (explanation != null && !explanation.isBlank() && !"null".equals(explanation)) {
            sb.append(' ').append(text.t("ev.explanation")).append(": ").append(compact(parse(explanation)));
        }
        return sb.toString();
    }

    /** A JSON value as short readable text: {@code key: value; key: value}, nested objects in brackets. */
    static String compact(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) return "";
        if (n.isObject() && n.has("level") && n.size() <= 2) {
            return n.get("level").asString() + (n.has("weight") ? " (" + compact(n.get("weight")) + ")" : "");
        }
        if (n.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) parts.add(e.getKey() + ": " + (e.getValue().isContainer() ? "[" + compact(e.getValue()) + "]" : compact(e.getValue())));
            return String.join("; ", parts);
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(v -> parts.add(v.isContainer() ? "[" + compact(v) + "]" : compact(v)));
            return String.join(", ", parts);
        }
        if (n.isFloatingPointNumber()) return String.format(java.util.Locale.ROOT, "%.3f", n.asDouble());
        return n.asString();
    }

    private static String s(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private String orBlank(String s) {
        return s == null || s.isBlank() ? "(" + text.t("d.blank") + ")" : s;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    private static String date(String iso) {
        if (iso == null || iso.isBlank()) return "-";
        try {
            return LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso).format(DMY);
        } catch (RuntimeException e) {
            return iso;
        }
    }
}
