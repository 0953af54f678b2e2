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
import id.padan.settings.SettingsFile;
import id.padan.settings.SettingsProblem;

/**
 * Reads {@code jobs/*.yml} into {@link JobDefinition}s: bound to a record (an unknown key or a value of the wrong type
 * is refused with the file, the key and the reason), then every other problem in every file is collected, so an
 * operator fixes them all in one go; each message names the file and the key and says what would be right.
 */
public final class JobDefinitionLoader {
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
        JobFile root;
        try {
            root = SettingsFile.bind(file, JobFile.class);
        } catch (SettingsProblem e) {
            problems.add(e.getMessage());
            return null;
        }

        String fileStem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = text(root.name());
        if (name == null) name = fileStem;
        if (!NAME.matcher(name).matches()) fail.apply("name '" + name + "' must be letters, digits, '-' or '_' (at most 80)");
        String description = text(root.description());

        ZoneId zone = DEFAULT_ZONE;
        String zoneText = text(root.timeZone());
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                fail.apply("time-zone '" + zoneText + "' is not a known zone (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)");
            }
        }
        String cron = text(root.cron());
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

        Input input = root.input();
        Path inputDir = null;
        Pick pick = Pick.ONLY;
        Readiness readiness = Readiness.STABLE;
        Duration settle = Duration.ofSeconds(60);
        Integer maxAge = null;
        Set<String> required = new LinkedHashSet<>();
        Duration wait = Duration.ofMinutes(120);
        boolean allowPartial = false;
        if (input == null) {
            fail.apply("'input' is required: a mapping with at least 'directory'");
        } else {
            String dir = text(input.directory());
            if (dir == null) {
                fail.apply("input.directory is required");
            } else {
                inputDir = baseDir.resolve(dir).toAbsolutePath().normalize();
                if (!Files.isDirectory(inputDir)) fail.apply("input.directory " + inputDir + " does not exist or is not a directory");
            }
            pick = choice(input.pick(), "pick", Pick.values(), p -> p.word, Pick.ONLY, "input.", fail);
            readiness = choice(input.ready(), "ready", Readiness.values(), r -> r.word, Readiness.STABLE, "input.", fail);
            settle = Duration.ofSeconds(number(input.settleSeconds(), "settle-seconds", 60, "input.", fail));
            wait = Duration.ofMinutes(number(input.waitMinutes(), "wait-minutes", 120, "input.", fail));
            if (input.maxAgeDays() != null) {
                maxAge = number(input.maxAgeDays(), "max-age-days", 0, "input.", fail);
                if (pick != Pick.NEWEST_PER_SOURCE) fail.apply("input.max-age-days only applies to pick: newest-per-source");
            }
            required = requiredSources(input.require(), sources, fail);
            JsonNode partial = input.allowPartial();
            if (partial != null && !partial.isNull()) {
                if (partial.isBoolean()) allowPartial = partial.asBoolean();
                else fail.apply("input.allow-partial must be true or false");
            }
        }

        AsOf asOf = choice(root.asOf(), "as-of", AsOf.values(), a -> a.word, AsOf.FIRE_DATE, "", fail);
        if (asOf == AsOf.FILE_DATE && pick == Pick.ONLY) {
            fail.apply("as-of: file-date needs dated file names; use input.pick: newest-date or newest-per-source, or as-of: fire-date");
        }
        Path output = null;
        String out = text(root.output());
        if (out == null) {
            fail.apply("'output' is required: the directory reports and corrected extracts go to");
        } else {
            output = baseDir.resolve(out).toAbsolutePath().normalize();
            if (Files.exists(output) && !Files.isDirectory(output)) fail.apply("output " + output + " exists and is not a directory");
        }
        Misfire misfire = choice(root.misfire(), "misfire", Misfire.values(), m -> m.word, Misfire.RUN_ONCE, "", fail);

        if (problems.size() > before) return null;
        return new JobDefinition(name, file.toAbsolutePath().normalize(), description, cron, zone, inputDir, pick, readiness, settle,
                maxAge, Set.copyOf(required), wait, asOf, output, misfire, allowPartial);
    }

    private static Set<String> requiredSources(List<String> listed, SourceMappings sources, Function<String, Boolean> fail) {
        Set<String> known = new TreeSet<>();
        for (SourceMapping m : sources.all()) known.add(m.source());
        Set<String> required = new LinkedHashSet<>();
        if (listed == null) return required;
        if (listed.size() == 1 && listed.get(0) != null && listed.get(0).strip().equalsIgnoreCase("all")) return new LinkedHashSet<>(known);
        for (String e : listed) {
            String s = e == null ? "" : e.strip().toUpperCase(Locale.ROOT);
            if (!known.contains(s)) fail.apply("input.require: '" + e + "' is not a configured source (configured: " + known + ")");
            required.add(s);
        }
        return required;
    }

    private static <E> E choice(String value, String key, E[] values, Function<E, String> word, E fallback, String prefix,
                                Function<String, Boolean> fail) {
        String v = text(value);
        if (v == null) return fallback;
        for (E e : values) if (word.apply(e).equalsIgnoreCase(v)) return e;
        fail.apply(prefix + key + " '" + v + "' is not one of " + Arrays.stream(values).map(word).toList());
        return fallback;
    }

    private static int number(Integer n, String key, int fallback, String prefix, Function<String, Boolean> fail) {
        if (n == null) return fallback;
        if (n < 0) {
            fail.apply(prefix + key + " must be a whole number of 0 or more, not '" + n + "'");
            return fallback;
        }
        return n;
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) return null;
        return value.strip();
    }

    /** A file of {@code jobs/} as written (see jobs/nightly.yml for what each key means); keys left out take the defaults the README names. */
    record JobFile(String name, String description, String cron, String timeZone, Input input, String asOf, String output, String misfire) {}

    record Input(String directory, String pick, String ready, Integer settleSeconds, Integer maxAgeDays, List<String> require, Integer waitMinutes,
                 JsonNode allowPartial) {}
}
