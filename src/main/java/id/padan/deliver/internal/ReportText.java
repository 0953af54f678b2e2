package id.padan.deliver.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The words of the mismatch reports in Bahasa Indonesia ({@code id}, the default) and English ({@code en}):
 * headings, column names, the meaning of each finding code, change and severity labels. Finding codes,
 * program names and statuses stay as codes in both languages (they are what systems and people search for).
 * The words are in {@code report_id.properties} and {@code report_en.properties} beside the HTML template.
 */
final class ReportText {
    private final Map<String, String> words;
    final String lang;

    private ReportText(String lang, Map<String, String> words) {
        this.lang = lang;
        this.words = words;
    }

    static ReportText of(String lang) {
        return "en".equals(lang) ? EN : ID;
    }

    String t(String key) {
        String w = words.get(key);
        if (w == null) throw new IllegalArgumentException("no report text '" + key + "' in " + lang);
        return w;
    }

    /** Every word of the language, by key (for the HTML template). */
    Map<String, String> all() {
        return words;
    }

    boolean has(String key) {
        return words.containsKey(key);
    }

    /** What a finding code means, in one line. */
    String code(String code) {
        String w = words.get("code." + code);
        return w == null ? code : w;
    }

    private static final ReportText ID = new ReportText("id", load("id"));
    private static final ReportText EN = new ReportText("en", load("en"));

    /** The words of one language, from {@code id/padan/deliver/report_<lang>.properties} (UTF-8). */
    private static Map<String, String> load(String lang) {
        String name = "/id/padan/deliver/report_" + lang + ".properties";
        Properties words = new Properties();
        try (InputStream in = ReportText.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing " + name);
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
        Map<String, String> map = new HashMap<>();
        words.stringPropertyNames().forEach(k -> map.put(k, words.getProperty(k)));
        return Map.copyOf(map);
    }
}
