package id.padan.schedule.internal;

import id.padan.ingest.SourceMapping;
import id.padan.ingest.SourceMappings;
import id.padan.schedule.JobDefinition;
import id.padan.schedule.JobDefinition.AsOf;
import id.padan.schedule.JobDefinition.Misfire;
import id.padan.schedule.JobDefinition.Pick;
import id.padan.schedule.JobDefinition.Readiness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.quartz.CronExpression;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code jobs/*.yml} into {@link JobDefinition}s. Every problem in every file is collected, so an operator
 * fixes them all in one go; each message names the file and the key and says what would be right.
 */
public final class JobDefinitionLoader {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> TOP_KEYS = Set.of("name", "description", "cron", "time-zone", "input", "as-of", "output", "misfire");
    private static final Set<String> INPUT_KEYS = Set.of("directory", "pick", "ready", "settle-seconds", "max-age-days", "require", "wait-minutes",
            "allow-partial");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,79}");
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");
    private static final String CRON_HELP = "fields: seconds minutes hours day-of-month month day-of-week, e.g. '0 30 1 * * ?' for 01:30 every day";

    private JobDefinitionLoader() {}

    public static List<JobDefinition> loadAll(Path dir, Path baseDir, SourceMappings sources) {
        if (!Files.isDirectory(dir)) throw new IllegalStateException("job definitions: directory " + dir + " does not exist");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yml") || p.getFileName().toString().endsWith(".yaml"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("job definitions: cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        List<JobDefinition> result = new ArrayList<>();
        Map<String, Path> names = new HashMap<>();
        for (Path file : files) {
            JobDefinition d = load(file, baseDir, sources, problems);
            if (d == null) continue;
            Path other = names.putIfAbsent(d.name(), file);
            if (other != null) {
                problems.add(file + ": name '" + d.name() + "' is already used by " + other.getFileName());
            } else {
                result.add(d);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("job definitions in " + dir + " have " + (problems.size() == 1 ? "a problem" : problems.size() + " problems")
                    + ":\n  " + String.join("\n  ", problems));
        }
        return result;
    }

    /** Reads one definition; adds its problems to {@code problems} and returns null when there are any. */
    public static JobDefinition load(Path file, Path baseDir, SourceMappings sources, List<String> problems) {
        int before = problems.size();
        Function<String, Boolean> fail = msg -> problems.add(file + ": " + msg);
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (RuntimeException e) {
            fail.apply("is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
        if (root == null || !root.isObject()) {
            fail.apply("must be a YAML mapping (name, cron, input, as-of, output)");
            return null;
        }
        unknownKeys(root, TOP_KEYS, "", fail);

        String fileStem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = text(root, "name");
        if (name == null) name = fileStem;
        if (!NAME.matcher(name).matches()) fail.apply("name '" + name + "' must be letters, digits, '-' or '_' (at most 80)");
        String description = text(root, "description");

        ZoneId zone = DEFAULT_ZONE;
        String zoneText = text(root, "time-zone");
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                fail.apply("time-zone '" + zoneText + "' is not a known zone (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)");
            }
        }
        String cron = text(root, "cron");
        if (cron == null) {
            fail.apply("'cron' is required (" + CRON_HELP + ")");
        } else {
            try {
                CronExpression expression = new CronExpression(cron);
                expression.setTimeZone(TimeZone.getTimeZone(zone));
                if (expression.getNextValidTimeAfter(new Date()) == null) fail.apply("cron '" + cron + "' never fires again");
            } catch (ParseException e) {
                fail.apply("cron '" + cron + "' is not a valid Quartz cron expression: " + e.getMessage() + " (" + CRON_HELP + ")");
            }
        }

        JsonNode input = root.get("input");
        Path inputDir = null;
        Pick pick = Pick.ONLY;
        Readiness readiness = Readiness.STABLE;
        Duration settle = Duration.ofSeconds(60);
        Integer maxAge = null;
        Set<String> required = new LinkedHashSet<>();
        Duration wait = Duration.ofMinutes(120);
        boolean allowPartial = false;
        if (input == null || !input.isObject()) {
            fail.apply("'input' is required: a mapping with at least 'directory'");
        } else {
            unknownKeys(input, INPUT_KEYS, "input.", fail);
            String dir = text(input, "directory");
            if (dir == null) {
                fail.apply("input.directory is required");
            } else {
                inputDir = baseDir.resolve(dir).toAbsolutePath().normalize();
                if (!Files.isDirectory(inputDir)) fail.apply("input.directory " + inputDir + " does not exist or is not a directory");
            }
            pick = choice(input, "pick", Pick.values(), p -> p.word, Pick.ONLY, "input.", fail);
            readiness = choice(input, "ready", Readiness.values(), r -> r.word, Readiness.STABLE, "input.", fail);
            settle = Duration.ofSeconds(number(input, "settle-seconds", 60, "input.", fail));
            wait = Duration.ofMinutes(number(input, "wait-minutes", 120, "input.", fail));
            if (input.hasNonNull("max-age-days")) {
                maxAge = number(input, "max-age-days", 0, "input.", fail);
                if (pick != Pick.NEWEST_PER_SOURCE) fail.apply("input.max-age-days only applies to pick: newest-per-source");
            }
            required = requiredSources(input.get("require"), sources, fail);
            JsonNode partial = input.get("allow-partial");
            if (partial != null && !partial.isNull()) {
                if (partial.isBoolean()) allowPartial = partial.asBoolean();
                else fail.apply("input.allow-partial must be true or false");
            }
        }

        AsOf asOf = choice(root, "as-of", AsOf.values(), a -> a.word, AsOf.FIRE_DATE, "", fail);
        if (asOf == AsOf.FILE_DATE && pick == Pick.ONLY) {
            fail.apply("as-of: file-date needs dated file names; use input.pick: newest-date or newest-per-source, or as-of: fire-date");
        }
        Path output = null;
        String out = text(root, "output");
        if (out == null) {
            fail.apply("'output' is required: the directory reports and corrected extracts go to");
        } else {
            output = baseDir.resolve(out).toAbsolutePath().normalize();
            if (Files.exists(output) && !Files.isDirectory(output)) fail.apply("output " + output + " exists and is not a directory");
        }
        Misfire misfire = choice(root, "misfire", Misfire.values(), m -> m.word, Misfire.RUN_ONCE, "", fail);

        if (problems.size() > before) return null;
        return new JobDefinition(name, file.toAbsolutePath().normalize(), description, cron, zone, inputDir, pick, readiness, settle,
                maxAge, Set.copyOf(required), wait, asOf, output, misfire, allowPartial);
    }

    private static Set<String> requiredSources(JsonNode node, SourceMappings sources, Function<String, Boolean> fail) {
        Set<String> known = new TreeSet<>();
        for (SourceMapping m : sources.all()) known.add(m.source());
        Set<String> required = new LinkedHashSet<>();
        if (node == null || node.isNull()) return required;
        if (node.isString() && node.asString().equalsIgnoreCase("all")) return new LinkedHashSet<>(known);
        if (!node.isArray()) {
            fail.apply("input.require must be a list of sources, e.g. [DUKCAPIL, PKH], or 'all'");
            return required;
        }
        for (JsonNode e : node) {
            String s = e.asString().strip().toUpperCase(Locale.ROOT);
            if (!known.contains(s)) fail.apply("input.require: '" + e.asString() + "' is not a configured source (configured: " + known + ")");
            required.add(s);
        }
        return required;
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, Function<String, Boolean> fail) {
        for (String key : node.propertyNames()) {
            if (!known.contains(key)) fail.apply("unknown key '" + prefix + key + "' (known: " + new TreeSet<>(known) + ")");
        }
    }

    private static <E> E choice(JsonNode node, String key, E[] values, Function<E, String> word, E fallback, String prefix,
                                Function<String, Boolean> fail) {
        String v = text(node, key);
        if (v == null) return fallback;
        for (E e : values) if (word.apply(e).equalsIgnoreCase(v.strip())) return e;
        fail.apply(prefix + key + " '" + v + "' is not one of " + Arrays.stream(values).map(word).toList());
        return fallback;
    }

    private static int number(JsonNode node, String key, int fallback, String prefix, Function<String, Boolean> fail) {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) return fallback;
        if (!n.canConvertToInt() || n.asInt() < 0 || (n.isString() && !n.asString().strip().matches("\\d+"))) {
            fail.apply(prefix + key + " must be a whole number of 0 or more, not '" + n.asString() + "'");
            return fallback;
        }
        return n.asInt();
    }

    private static String text(JsonNode node, String key) {
        JsonNode n = node.get(key);
        if (n == null || n.isNull() || n.asString().isBlank()) return null;
        return n.asString().strip();
    }
}
