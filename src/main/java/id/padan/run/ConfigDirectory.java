package id.padan.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where each part of the configuration comes from: the operator's directory ({@code --config} or {@code
 * PADAN_CONFIG}; without either, {@code ./config} when it exists) or the configuration packaged in padan.jar (the
 * repository's {@code config/}), so the jar runs from any working directory.
 *
 * <p>The operator's directory replaces the packaged configuration entry by entry: each of {@code sources/} (as a
 * whole: the operator's folder is the set of sources), {@code matching.yml}, {@code findings.yml} and
 * {@code reports.yml} is the operator's when their directory has it, else the packaged one. A directory named
 * with {@code --config} or {@code PADAN_CONFIG} that does not exist is refused.
 */
public final class ConfigDirectory {
    /** The parts of a configuration directory, each taken whole from one place. */
    public static final List<String> ENTRIES = List.of("sources", "matching.yml", "findings.yml", "reports.yml");
    static final String PACKAGED = "padan/default-config";
    private static Path extracted;

    private final Path operator;
    private final Path packaged;

    private ConfigDirectory(Path operator, Path packaged) {
        this.operator = operator;
        this.packaged = packaged;
    }

    /** The configuration of a command: {@code configured} is its {@code --config} / {@code PADAN_CONFIG}, null or blank when neither is set. */
    public static ConfigDirectory resolve(String configured) {
        return resolve(configured, Path.of("config"), "");
    }

    /**
     * @param implicit     the operator's directory when none is configured, used if it exists ({@code ./config})
     * @param packagedPart the packaged folder under {@code config/} to fall back on ("" for {@code config/} itself)
     */
    static ConfigDirectory resolve(String configured, Path implicit, String packagedPart) {
        Path root = packagedRoot();
        Path packaged = packagedPart.isEmpty() ? root : root.resolve(packagedPart);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("configuration directory " + dir.toAbsolutePath() + " does not exist "
                        + "(--config / PADAN_CONFIG; without either, padan uses ./config or the configuration packaged in padan.jar)");
            }
            return new ConfigDirectory(dir, packaged);
        }
        return new ConfigDirectory(Files.isDirectory(implicit) ? implicit : null, packaged);
    }

    /** The directory that holds {@code entry} (one of {@link #ENTRIES}) for this configuration. */
    public Path dirFor(String entry) {
        return operator != null && Files.exists(operator.resolve(entry)) ? operator : packaged;
    }

    /**
     * The property that names the directory holding {@code entry} in a started application
     * ({@code padan.config.sources-dir}, {@code padan.config.matching-dir}, ...); without it, {@code padan.config-dir}.
     */
    public static String property(String entry) {
        return "padan.config." + entry.replace(".yml", "") + "-dir";
    }

    /** The operator's directory, or the packaged configuration when there is none. */
    public Path primary() {
        return operator != null ? operator : packaged;
    }

    /** Which entries come from where, for the log: {@code sources/, matching.yml from /etc/padan; reports.yml packaged}. */
    public String describe() {
        Map<Path, List<String>> from = new LinkedHashMap<>();
        for (String e : ENTRIES) from.computeIfAbsent(dirFor(e), k -> new ArrayList<>()).add(e.endsWith(".yml") ? e : e + "/");
        List<String> parts = new ArrayList<>();
        from.forEach((dir, entries) -> parts.add(String.join(", ", entries) + (dir.equals(packaged) ? " packaged in padan.jar" : " from " + dir.toAbsolutePath())));
        return String.join("; ", parts);
    }

    /** The packaged configuration as a directory: in place when padan runs from classes, else copied out of the jar once per process. */
    static synchronized Path packagedRoot() {
        if (extracted != null) return extracted;
        URL marker = ConfigDirectory.class.getClassLoader().getResource(PACKAGED + "/matching.yml");
        if (marker == null) throw new IllegalStateException("padan.jar holds no packaged configuration (" + PACKAGED + ")");
        try {
            if ("file".equals(marker.getProtocol())) {
                extracted = Path.of(marker.toURI()).getParent();
                return extracted;
            }
            Path dir = Files.createTempDirectory("padan-config-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "padan-config-cleanup"));
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + PACKAGED + "/**")) {
                String url = r.getURL().toString();
                String relative = url.substring(url.lastIndexOf(PACKAGED + "/") + PACKAGED.length() + 1);
                if (relative.isEmpty() || relative.endsWith("/") || !r.isReadable()) continue;
                Path target = dir.resolve(relative).normalize();
                if (!target.startsWith(dir)) continue;
                Files.createDirectories(target.getParent());
                try (InputStream in = r.getInputStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            extracted = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration packaged in padan.jar: " + e.getMessage(), e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // the JVM is ending; the temporary folder is left for the system to clear
        }
    }
}
