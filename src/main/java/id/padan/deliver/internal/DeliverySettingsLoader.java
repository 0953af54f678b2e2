package id.padan.deliver.internal;

import id.padan.deliver.DeliverySettings;
import id.padan.findings.FindingRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads {@code config/reports.yml} (defaults when absent) and refuses settings that cannot mean anything. */
@Configuration(proxyBeanMethods = false)
public class DeliverySettingsLoader {
    static final Set<String> LANGUAGES = Set.of("id", "en");

    @Bean
    public DeliverySettings deliverySettings(@Value("${padan.config.reports-dir:${padan.config-dir:config}}") String dir,
                                             @Value("${padan.reports.language:${PADAN_REPORT_LANG:}}") String language) {
        DeliverySettings s = load(Path.of(dir).resolve("reports.yml"));
        if (language != null && !language.isBlank()) s = s.withLanguage(checkLanguage(Path.of("PADAN_REPORT_LANG"), language));
        return s;
    }

    public static DeliverySettings load(Path file) {
        DeliverySettings d = DeliverySettings.defaults();
        if (!Files.isRegularFile(file)) return d;
        JsonNode root = new YAMLMapper().readTree(file.toFile());
        String language = root.has("language") ? checkLanguage(file, root.get("language").asString()) : d.language();
        JsonNode r = root.path("reports");
        List<String> decision = r.has("decision-codes") ? codes(file, r.get("decision-codes"), "reports.decision-codes") : d.decisionCodes();
        int maxRows = r.has("html-max-rows") ? r.get("html-max-rows").asInt() : d.htmlMaxRows();
        if (maxRows < 0) throw problem(file, "reports.html-max-rows must be 0 or more");
        JsonNode c = root.path("corrected-extracts");
        double minScore = c.has("min-score") ? c.get("min-score").asDouble() : d.minScore();
        if (minScore < 0 || minScore > 1) throw problem(file, "corrected-extracts.min-score must be between 0 and 1, not " + minScore);
        List<String> methods = c.has("uncertain-methods") ? strings(c.get("uncertain-methods")) : d.uncertainMethods();
        List<String> uncertain = c.has("uncertain-codes") ? codes(file, c.get("uncertain-codes"), "corrected-extracts.uncertain-codes") : d.uncertainCodes();
        JsonNode a = c.path("added-columns");
        DeliverySettings.AddedColumns dc = d.addedColumns();
        DeliverySettings.AddedColumns added = new DeliverySettings.AddedColumns(
                column(a, "status", dc.status()), column(a, "codes", dc.codes()), column(a, "corrected", dc.corrected()), column(a, "sent", dc.sent()),
                column(a, "person-id", dc.personId()));
        if (Set.copyOf(added.all()).size() != added.all().size()) {
            throw problem(file, "corrected-extracts.added-columns must have " + added.all().size() + " different names");
        }
        return new DeliverySettings(language, decision, maxRows, minScore, methods, uncertain, added);
    }

    private static String checkLanguage(Path file, String language) {
        String l = language.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(l)) throw problem(file, "language must be 'id' (Bahasa Indonesia) or 'en' (English), not '" + language + "'");
        return l;
    }

    private static String column(JsonNode a, String key, String fallback) {
        return a.has(key) ? a.get(key).asString().strip().toUpperCase(Locale.ROOT) : fallback;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : n) out.add(v.asString());
        return List.copyOf(out);
    }

    private static List<String> codes(Path file, JsonNode n, String key) {
        List<String> out = strings(n);
        for (String code : out) {
            if (!FindingRules.CODES.contains(code)) throw problem(file, key + ": unknown finding code " + code);
        }
        return out;
    }

    private static IllegalStateException problem(Path file, String message) {
        return new IllegalStateException("delivery settings " + file + ": " + message);
    }
}
