package id.padan.deliver.internal;

import id.padan.deliver.MaskedNik;
import id.padan.deliver.ReviewText;
import id.padan.reference.RegionReference;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a reviewer reads about a finding, in the report's language: the one-line detail of every finding (from
 * its {@code detail_json}), and for a row needing a decision the whole {@link DecisionRow}: the values sent, the
 * registry's and the candidate's side by side, which fields differ, how the submitted NIK differs (in words, never
 * digits), a sentence of why padan linked or doubts, and the model's numbers in a technical column. Every text
 * comes out as {@link ReviewText}, NIKs as {@link MaskedNik}.
 */
final class FindingText {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private final ReportText text;
    private final NikDifference nikDifference;
    private final RegionReference regions;
    private final Map<Double, String> weights = new HashMap<>();

    FindingText(ReportText text) {
        this(text, null);
    }

    FindingText(ReportText text, RegionReference regions) {
        this.text = text;
        this.nikDifference = new NikDifference(text);
        this.regions = regions;
    }

    static JsonNode parse(String json) {
        if (json == null || json.isBlank()) return JSON.createObjectNode();
        try {
            return JSON.readTree(json);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    /** The one-line detail of a finding. */
    ReviewText detail(String code, String source, String detailJson) {
        return detail(code, source, parse(detailJson));
    }

    /** The one-line detail of a finding, from its parsed {@code detail_json}. */
    ReviewText detail(String code, String source, JsonNode d) {
        return switch (code) {
            case "NIK_MISSING", "NIK_MALFORMED", "NIK_STRUCTURE", "NIK_CORRECTED" -> nik(d);
            case "NOT_IN_DUKCAPIL" -> ReviewText.join(text.t("d.not_found"), " (", text.t("d.submitted"), " ", sentNik(s(d, "submitted")), ")");
            case "DUPLICATE_IN_PROGRAM" -> {
                List<Object> parts = new ArrayList<>();
                for (JsonNode k : d.path("records")) {
                    if (!parts.isEmpty()) parts.add(", ");
                    parts.add(ReviewText.key(k.asString()));
                }
                parts.add(0, String.format(text.t("d.records"), d.path("count").asInt(d.path("records").size()), source));
                yield ReviewText.join(parts.toArray());
            }
            case "DECEASED_BENEFICIARY" -> ReviewText.of(String.format(text.t("d.died"), date(s(d, "death_date")))
                    + (d.path("name_marked_deceased").asBoolean(false) ? "; " + text.t("d.alm") : ""));
            case "REGION_MISMATCH" -> ReviewText.of(String.format(text.t("d.region"), area(s(d, "row_region")), area(s(d, "registry_region")))
                    + ("RETIRED".equals(s(d, "row_region_status")) ? " (" + text.t("d.retired") + ")" : ""));
            case "ATTRIBUTE_MISMATCH" -> {
                List<String> fields = new ArrayList<>();
                d.path("fields").forEach(f -> fields.add(fieldWord(f.asString())));
                yield ReviewText.join(String.format(text.t("d.differs"), String.join(", ", fields)), "; ", text.t("ev.sent"), ": ", person(d.path("row")),
                        "; ", text.t("ev.registry"), ": ", person(d.path("registry")));
            }
            case "REVIEW_POSSIBLE_MATCH" -> ReviewText.of(text.t("d.review"));
            default -> {
                if (code.startsWith("GAP_")) {
                    String out = String.format(text.t("d.missing_program"), orBlank(s(d, "missing_program")));
                    if (d.has("age") && !d.get("age").isNull()) out += ", " + String.format(text.t("d.age"), d.get("age").asString());
                    if (d.path("has_inactive").asBoolean(false)) out += " (" + text.t("d.inactive") + ")";
                    yield ReviewText.of(out);
                }
                yield ReviewText.of(compact(d));
            }
        };
    }

    private ReviewText nik(JsonNode d) {
        String submitted = s(d, "submitted");
        List<Object> parts = new ArrayList<>(List.of(text.t("d.submitted"), " ", sentNik(submitted)));
        String problem = s(d, "problem");
        if (problem != null) parts.addAll(List.of(" (", problem, ")"));
        String reg = s(d, "registry_nik");
        if (reg != null) {
            String diff = nikDifference.describe(submitted, reg, null, NikDifference.Owner.NONE);
            parts.addAll(List.of("; ", text.t("d.registry_nik"), " ", MaskedNik.of(reg)));
            if (!diff.isEmpty()) parts.addAll(List.of(": ", diff));
        }
        return ReviewText.join(parts.toArray());
    }

    private Object sentNik(String submitted) {
        return submitted == null || submitted.isBlank() ? "(" + text.t("d.blank") + ")" : MaskedNik.of(submitted);
    }

    private ReviewText person(JsonNode p) {
        return ReviewText.join(text.t("ev.name"), " ", orDash(s(p, "name")), ", ", text.t("ev.born"), " ", date(s(p, "birth_date")), ", ",
                text.t("ev.sex"), " ", orDash(s(p, "sex")));
    }

    /** A row needing a decision, from one row of the report query (see {@code MismatchReport}). */
    DecisionRow decision(Map<String, Object> row, ReviewText detail) {
        return decision(row, detail, parse(str(row.get("detail_json"))));
    }

    /** A row needing a decision, with its {@code detail_json} already parsed. */
    DecisionRow decision(Map<String, Object> row, ReviewText detail, JsonNode d) {
        String code = (String) row.get("code");
        String region = (String) row.get("region_code");
        String kab = (String) row.get("kab");
        String kec = region != null && region.length() >= 6 ? region.substring(0, 6) : null;
        String desa = region != null && region.length() == 10 ? region : null;
        boolean inRegistry = Boolean.TRUE.equals(row.get("in_dukcapil"));
        DecisionRow.Side sent = new DecisionRow.Side(MaskedNik.of(str(row.get("nik_raw"))), ReviewText.of(str(row.get("name_raw"))),
                ReviewText.of(date(str(row.get("birth_date")))), ReviewText.of(sex(str(row.get("sex")))), ReviewText.of(area(region)), ReviewText.EMPTY);
        DecisionRow.Side registry = !inRegistry ? DecisionRow.Side.NONE
                : new DecisionRow.Side(MaskedNik.of(str(row.get("reg_nik"))), ReviewText.of(str(row.get("reg_name_raw"))),
                ReviewText.of(date(str(row.get("reg_birth")))), ReviewText.of(sex(str(row.get("reg_sex")))), ReviewText.of(area(str(row.get("reg_region")))),
                ReviewText.of(row.get("reg_death") == null ? "" : date(str(row.get("reg_death")))));
        Object candId = row.get("cand_person_id");
        DecisionRow.Side candidate = candId == null ? DecisionRow.Side.NONE
                : new DecisionRow.Side(MaskedNik.of(str(row.get("cand_nik"))), ReviewText.of(str(row.get("cand_name_raw"))),
                ReviewText.of(date(str(row.get("cand_birth")))), ReviewText.of(sex(str(row.get("cand_sex")))), ReviewText.of(area(str(row.get("cand_region")))),
                ReviewText.of(row.get("cand_death") == null ? "" : date(str(row.get("cand_death")))));

        // The side the row is compared with: the candidate for a possible match, else the registry person.
        boolean againstCandidate = candId != null;
        String otherNik = str(row.get(againstCandidate ? "cand_nik" : "reg_nik"));
        String otherName = str(row.get(againstCandidate ? "cand_name" : "reg_name"));
        String otherBirth = str(row.get(againstCandidate ? "cand_birth" : "reg_birth"));
        String otherSex = str(row.get(againstCandidate ? "cand_sex" : "reg_sex"));
        String otherRegion = str(row.get(againstCandidate ? "cand_region" : "reg_region"));
        Set<String> differing = new LinkedHashSet<>();
        if (againstCandidate || inRegistry) {
            String cleaned = str(row.get("nik"));
            if (otherNik != null && !otherNik.equals(cleaned)) differing.add("nik");
            if (otherName != null && !Objects.equals(norm(str(row.get("name"))), norm(otherName))) differing.add("name");
            if (otherBirth != null && !Objects.equals(str(row.get("birth_date")), otherBirth)) differing.add("born");
            if (otherSex != null && !Objects.equals(str(row.get("sex")), otherSex)) differing.add("sex");
            if (otherRegion != null && region != null && !otherRegion.startsWith(region.length() >= 6 ? region.substring(0, 6) : region)) differing.add("region");
        }
        NikDifference.Owner owner = owner(str(row.get("nik_owner")));
        String nikDiff = otherNik == null ? "" : nikDifference.describe(str(row.get("nik_raw")), otherNik,
                againstCandidate ? str(row.get("cand_kk")) : str(row.get("reg_kk")), againstCandidate ? NikDifference.Owner.NONE : owner);
        JsonNode explanation = parse(str(row.get("explanation")));
        String why = why(code, row, explanation, d, differing, nikDiff);
        String carried = ReviewStatus.carried(str(row.get("review_queue")), str(row.get("review_word")));
        return new DecisionRow(code, str(row.get("severity")), ReviewText.id(str(row.get("source"))), ReviewText.key(str(row.get("record_key"))),
                ReviewText.id(kab), ReviewText.id(kec), ReviewText.of(name(kec)), ReviewText.id(desa), ReviewText.id(str(row.get("person_id"))),
                sent, registry, candidate, candId == null ? ReviewText.EMPTY : ReviewText.id(candId.toString()), differing, ReviewText.of(nikDiff),
                ReviewText.of(why), detail, ReviewText.of(technical(row, explanation)), status(row), ReviewText.of(carried),
                carried == null ? ReviewText.EMPTY : ReviewText.of(str(row.get("review_reason"))));
    }

    /** The status of the reviewers' decision covering the row ({@link ReviewStatus}), from its {@code review_*} columns. */
    ReviewText status(Map<String, Object> row) {
        return ReviewStatus.text(text, str(row.get("review_queue")), str(row.get("review_word")), str(row.get("review_reason")));
    }

    private static NikDifference.Owner owner(String s) {
        if (s == null) return NikDifference.Owner.NONE;
        return NikDifference.Owner.valueOf(s);
    }

    /** Why padan linked the row, or doubts, in one or two sentences of the report's language. */
    private String why(String code, Map<String, Object> row, JsonNode explanation, JsonNode d, Set<String> differing, String nikDiff) {
        List<String> agree = new ArrayList<>();
        List<String> disagree = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : explanation.path("fields").properties()) {
            String level = f.getValue().path("level").asString("");
            double weight = f.getValue().path("weight").asDouble(0);
            if (level.isEmpty() || "NULL".equals(level) || weight == 0) continue;
            String words = levelWords(f.getKey(), level);
            (weight > 0 ? agree : disagree).add(words);
        }
        String method = str(row.get("match_method"));
        if (agree.isEmpty() && method != null && method.startsWith("EXACT_NIK")) agree.add(levelWords("NIK", "EXACT"));
        String linked = agree.isEmpty() ? "" : String.format(text.t("why.linked"), String.join(", ", agree))
                + (disagree.isEmpty() ? "" : String.format(text.t("why.although"), String.join(", ", disagree))) + ".";
        String sentence = switch (code) {
            case "REVIEW_POSSIBLE_MATCH" -> String.format(text.t("why.review"), agree.isEmpty() ? "-" : String.join(", ", agree),
                    disagree.isEmpty() ? "-" : String.join(", ", disagree));
            case "DECEASED_BENEFICIARY" -> String.format(text.t("why.deceased"), date(str(row.get("reg_death")))) + " " + linked;
            case "DUPLICATE_IN_PROGRAM" -> String.format(text.t("why.duplicate"), d.path("count").asInt(2), str(row.get("source"))) + " " + linked;
            case "NIK_CORRECTED" -> String.format(text.t("why.nik"), nikDiff) + " " + linked;
            case "ATTRIBUTE_MISMATCH" -> {
                List<String> words = new ArrayList<>();
                for (String f : DecisionRow.FIELDS) if (differing.contains(f) && !f.equals("nik") && !f.equals("region")) words.add(text.t("field." + f));
                yield String.format(text.t("why.attribute"), words.isEmpty() ? "-" : String.join(", ", words)) + " " + linked;
            }
            default -> linked;
        };
        return sentence.strip();
    }

    /** What one comparison level means, e.g. NAME/SAME_TOKENS_REORDERED: "nama sama, urutan kata lain". */
    private String levelWords(String comparison, String level) {
        String key = "lv." + comparison + "." + level;
        if (text.has(key)) return text.t(key);
        return comparison.toLowerCase(Locale.ROOT) + " " + level.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The model's numbers, for whoever wants them: method, total weight and each field's level and weight. */
    private String technical(Map<String, Object> row, JsonNode explanation) {
        List<String> parts = new ArrayList<>();
        parts.add(text.t("tech.method") + " " + orDash(str(row.get("match_method"))));
        if (explanation.has("match_weight")) parts.add(text.t("tech.weight") + " " + weight(explanation.get("match_weight").asDouble()));
        for (Map.Entry<String, JsonNode> f : explanation.path("fields").properties()) {
            String level = f.getValue().path("level").asString("");
            if (level.isEmpty()) continue;
            parts.add(f.getKey() + " " + level + " " + weight(f.getValue().path("weight").asDouble(0)));
        }
        return String.join("; ", parts);
    }

    /** A model weight as the technical column shows it ({@code +3.21}, {@code +3,21} in Indonesian); a run's weights repeat, so each is formatted once. */
    private String weight(double w) {
        return weights.computeIfAbsent(w, v -> {
            String s = String.format(Locale.ROOT, "%+.2f", v);
            return "id".equals(text.lang) ? s.replace('.', ',') : s;
        });
    }

    private String fieldWord(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        return switch (f) {
            case "birth_date" -> text.t("field.born");
            case "name", "sex" -> text.t("field." + f);
            default -> f;
        };
    }

    /** A region code with its name where known: {@code 3603012003 Kelurahan X}. */
    String area(String code) {
        if (code == null || code.isBlank()) return "";
        String n = name(code);
        return n == null || n.isEmpty() ? code : code + " " + n;
    }

    private String name(String code) {
        if (code == null || regions == null) return "";
        String n = switch (code.length()) {
            case 4 -> regions.regencyName(code);
            case 6 -> regions.districtName(code);
            case 10 -> regions.villageName(code);
            default -> null;
        };
        return n == null ? "" : n;
    }

    private String sex(String s) {
        if (s == null || s.isBlank()) return "";
        return text.has("sex." + s) ? text.t("sex." + s) : s;
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
        if (n.isFloatingPointNumber()) return String.format(Locale.ROOT, "%.3f", n.asDouble());
        return n.asString();
    }

    /** Upper case, stripped, every run of whitespace one space (as {@code \\s+} sees whitespace). */
    private static String norm(String s) {
        if (s == null) return null;
        String t = s.strip();
        StringBuilder sb = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                if (!space) sb.append(' ');
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
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

    static String date(String iso) {
        if (iso == null || iso.isBlank()) return "-";
        try {
            return LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso).format(DMY);
        } catch (RuntimeException e) {
            return iso;
        }
    }
}
