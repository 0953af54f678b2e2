package id.padan.link;

/**
 * A decision of the link stage: the row ({@code source}, {@code recordKey}) belongs to the same
 * person as the target row. {@code method} says how it was decided ({@link MatchMethod#REVIEW} is no link but a reviewer's candidate),
 * {@code score} is the match probability in [0, 1], and {@code explanation} is a JSON object with
 * the level and weight of each field comparison and any NIK repair applied (null for none).
 */
public record RowLink(String source, String recordKey, String targetSource, String targetKey,
                      MatchMethod method, double score, String explanation) {}
