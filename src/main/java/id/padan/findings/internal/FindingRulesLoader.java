package id.padan.findings.internal;

import id.padan.findings.FindingRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads {@code config/findings.yml} and refuses rules that cannot mean anything. */
public final class FindingRulesLoader {
    private static final Set<String> SEVERITIES = Set.of("ERROR", "WARNING", "INFO");

    private FindingRulesLoader() {}

    public static FindingRules load(Path file) {
        if (!Files.isRegularFile(file)) throw problem(file, "file not found");
        JsonNode root = new YAMLMapper().readTree(file.toFile());
        Map<String, String> severity = new HashMap<>();
        JsonNode sev = root.get("severity");
        if (sev == null) throw problem(file, "'severity' is required");
        for (String code : sev.propertyNames()) {
            if (!FindingRules.CODES.contains(code)) throw problem(file, "severity: unknown finding code " + code);
            String s = sev.get(code).asString();
            if (!SEVERITIES.contains(s)) throw problem(file, "severity of " + code + " must be ERROR, WARNING or INFO, not " + s);
            severity.put(code, s);
        }
        for (String code : FindingRules.CODES) {
            if (!severity.containsKey(code)) throw problem(file, "severity: no severity for " + code);
        }
        List<FindingRules.GapRule> gaps = new ArrayList<>();
        JsonNode g = root.get("gaps");
        if (g != null) {
            for (JsonNode rule : g) {
                String code = req(file, rule, "code");
                if (!code.startsWith("GAP_") || !FindingRules.CODES.contains(code)) throw problem(file, "gaps: " + code + " is not a gap finding code");
                List<String> statuses = new ArrayList<>();
                if (rule.has("statuses")) for (JsonNode s : rule.get("statuses")) statuses.add(s.asString());
                Integer min = rule.has("min-age") ? rule.get("min-age").asInt() : null;
                Integer max = rule.has("max-age") ? rule.get("max-age").asInt() : null;
                if (min != null && max != null && min > max) throw problem(file, "gaps: " + code + " has min-age " + min + " above max-age " + max);
                String in = req(file, rule, "in"), expect = req(file, rule, "expect");
                if (in.equals(expect)) throw problem(file, "gaps: " + code + " expects the program it starts from");
                gaps.add(new FindingRules.GapRule(code, in, expect, List.copyOf(statuses), min, max));
            }
        }
        JsonNode rm = root.get("region-mismatch");
        FindingRules.RetiredCodes retired = FindingRules.RetiredCodes.SUCCESSOR;
        if (rm != null && rm.hasNonNull("retired-codes")) {
            String v = rm.get("retired-codes").asString().strip().toUpperCase(java.util.Locale.ROOT);
            try {
                retired = FindingRules.RetiredCodes.valueOf(v);
            } catch (IllegalArgumentException e) {
                throw problem(file, "region-mismatch: retired-codes must be successor, report or skip, not '" + rm.get("retired-codes").asString() + "'");
            }
        }
        return new FindingRules(Map.copyOf(severity), List.copyOf(gaps), retired);
    }

    private static String req(Path file, JsonNode n, String key) {
        if (!n.hasNonNull(key)) throw problem(file, "gaps: every rule needs '" + key + "'");
        return n.get(key).asString();
    }

    private static IllegalStateException problem(Path file, String message) {
        return new IllegalStateException("finding rules " + file + ": " + message);
    }
}
