package id.padan.link;

import id.padan.link.compare.NameThresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The matching model's settings from {@code config/matching.yml}, checked for meaning when loaded.
 * {@code prior} of 0 means "1 / number of registry rows".
 */
public record MatchSettings(double accept, double review, double minMarginBits, double exactNikMinAttributeBits, double minAttributeBits, double prior,
                            NameThresholds name, Set<String> termFrequencyFields, double tfMinU,
                            int randomPairs, int trainingRows, int maxIterations, double tolerance, double mSmoothing, long seed,
                            int maxBlockSize, List<BlockingKey> blockingKeys) {

    /** The blocking keys padan knows; configuration picks among them. */
    public enum BlockingKey { NAME_SORTED, BIRTH_DATE_NAME, NIK_REGION_DATE, KECAMATAN_YEAR_NAME, BIRTH_DATE_KECAMATAN, KK }

    public static MatchSettings load(Path configDir) {
        Path file = configDir.resolve("matching.yml");
        if (!Files.isRegularFile(file)) throw problem(file, "file not found");
        JsonNode root = new YAMLMapper().readTree(file.toFile());
        JsonNode t = need(file, root, "thresholds");
        double accept = t.path("accept").asDouble(Double.NaN);
        double review = t.path("review").asDouble(Double.NaN);
        if (!(accept > 0 && accept < 1)) throw problem(file, "thresholds.accept must be a probability strictly between 0 and 1, not " + t.path("accept"));
        if (!(review > 0 && review < 1)) throw problem(file, "thresholds.review must be a probability strictly between 0 and 1, not " + t.path("review"));
        if (review > accept) throw problem(file, "thresholds.review (" + review + ") is above thresholds.accept (" + accept + "): no pair could be sent to review");
        double margin = t.path("min-margin-bits").asDouble(4.0);
        if (margin < 0) throw problem(file, "thresholds.min-margin-bits cannot be negative");
        double exactMin = t.path("exact-nik-min-attribute-bits").asDouble(4.0);
        double minAttr = t.path("min-attribute-bits").asDouble(0.0);
        if (exactMin < minAttr) {
            throw problem(file, "thresholds.exact-nik-min-attribute-bits (" + exactMin + ") is below min-attribute-bits (" + minAttr
                    + "): the fast path would accept links the full search refuses");
        }

        String priorText = root.path("prior").asString("auto");
        double prior = 0;
        if (!priorText.equals("auto")) {
            prior = root.path("prior").asDouble(Double.NaN);
            if (!(prior > 0 && prior < 1)) throw problem(file, "prior must be 'auto' or a probability strictly between 0 and 1");
        }
        JsonNode n = need(file, root, "name");
        NameThresholds name;
        try {
            name = new NameThresholds(n.path("fuzzy-high").asDouble(0.94), n.path("fuzzy-low").asDouble(0.88), n.path("min-truncated-length").asInt(20));
        } catch (IllegalArgumentException e) {
            throw problem(file, "name: " + e.getMessage());
        }
        JsonNode tf = root.path("term-frequency");
        Set<String> tfFields = new java.util.HashSet<>();
        for (JsonNode f : tf.path("fields")) {
            String field = f.asString();
            if (!field.equals("NAME") && !field.equals("BIRTH_DATE")) throw problem(file, "term-frequency.fields: only NAME and BIRTH_DATE are supported, not " + field);
            tfFields.add(field);
        }
        double minU = tf.path("min-u").asDouble(1e-7);
        if (!(minU > 0 && minU < 1)) throw problem(file, "term-frequency.min-u must be strictly between 0 and 1");
        JsonNode est = need(file, root, "estimation");
        int randomPairs = est.path("random-pairs").asInt(1_000_000);
        int trainingRows = est.path("training-rows").asInt(60_000);
        int maxIterations = est.path("max-iterations").asInt(40);
        if (randomPairs < 10_000) throw problem(file, "estimation.random-pairs must be at least 10000 for a stable u");
        if (trainingRows < 100) throw problem(file, "estimation.training-rows must be at least 100");
        if (maxIterations < 1) throw problem(file, "estimation.max-iterations must be at least 1");
        JsonNode b = need(file, root, "blocking");
        int maxBlock = b.path("max-block-size").asInt(300);
        if (maxBlock < 2) throw problem(file, "blocking.max-block-size must be at least 2");
        List<BlockingKey> keys = new ArrayList<>();
        for (JsonNode k : b.path("keys")) {
            try {
                keys.add(BlockingKey.valueOf(k.asString()));
            } catch (IllegalArgumentException e) {
                throw problem(file, "blocking.keys: unknown key " + k.asString() + "; known: " + List.of(BlockingKey.values()));
            }
        }
        if (keys.isEmpty()) throw problem(file, "blocking.keys: at least one blocking key is needed, or rows without an exact NIK can never be matched");
        double smoothing = est.path("m-smoothing").asDouble(0.01);
        if (!(smoothing >= 0 && smoothing < 0.5)) throw problem(file, "estimation.m-smoothing must be in [0, 0.5)");
        return new MatchSettings(accept, review, margin, exactMin, minAttr, prior, name, Set.copyOf(tfFields), minU, randomPairs, trainingRows,
                maxIterations, est.path("tolerance").asDouble(1e-5), smoothing, est.path("seed").asLong(1), maxBlock, List.copyOf(keys));
    }

    private static JsonNode need(Path file, JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) throw problem(file, "'" + key + "' is required");
        return n;
    }

    private static IllegalStateException problem(Path file, String message) {
        return new IllegalStateException("matching settings " + file + ": " + message);
    }
}
