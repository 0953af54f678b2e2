package id.padan.link.internal;

import java.util.Locale;

/**
 * The explanation stored with a link ({@code source_record.explanation}, jsonb): the method, the
 * match probability and weight, and the level and weight of every field comparison. Built as JSON
 * text directly because one is written for every linked row (over a million in a national run);
 * every value is either a number or one of padan's own labels and messages, escaped all the same.
 */
final class Explanation {
    private final StringBuilder fields = new StringBuilder(256);
    private final StringBuilder extra = new StringBuilder(64);
    private final String method;
    private final double probability;
    private final double weight;
    private final double priorWeight;
    private final int candidates;

    Explanation(String method, double probability, double weight, double priorWeight, int candidates) {
        this.method = method;
        this.probability = probability;
        this.weight = weight;
        this.priorWeight = priorWeight;
        this.candidates = candidates;
    }

    void field(String comparison, String level, double weight) {
        if (fields.length() > 0) fields.append(',');
        fields.append('"').append(comparison).append("\":{\"level\":\"").append(level).append("\",\"weight\":").append(round(weight)).append('}');
    }

    void number(String key, double value) {
        extra.append(",\"").append(key).append("\":").append(round(value));
    }

    void text(String key, String value) {
        extra.append(",\"").append(key).append("\":");
        quote(extra, value);
    }

    void candidate(String source, String recordKey, double probability) {
        extra.append(",\"review_candidate\":{\"source\":");
        quote(extra, source);
        extra.append(",\"record_key\":");
        quote(extra, recordKey);
        extra.append(",\"probability\":").append(probability).append('}');
    }

    String json() {
        StringBuilder sb = new StringBuilder(fields.length() + extra.length() + 128);
        sb.append("{\"method\":");
        quote(sb, method);
        sb.append(",\"probability\":").append(probability)
                .append(",\"match_weight\":").append(round(weight))
                .append(",\"prior_weight\":").append(round(priorWeight))
                .append(",\"candidates\":").append(candidates)
                .append(",\"fields\":{").append(fields).append('}')
                .append(extra).append('}');
        return sb.toString();
    }

    private static double round(double w) {
        return Math.round(w * 100) / 100.0;
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
