package id.padan.ingest;

import id.padan.ingest.internal.SourceMappingLoader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The configured sources of a deployment, checked for meaning when loaded. */
public final class SourceMappings {
    private final List<SourceMapping> mappings;

    public SourceMappings(List<SourceMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    /**
     * Loads every {@code *.yml} under {@code configDir/sources}.
     *
     * @throws IllegalStateException naming the file and the problem when a mapping makes no sense
     */
    public static SourceMappings load(Path configDir) {
        return new SourceMappings(SourceMappingLoader.loadAll(configDir.resolve("sources")));
    }

    public Collection<SourceMapping> all() {
        return mappings;
    }

    public Optional<SourceMapping> bySource(String source) {
        return mappings.stream().filter(m -> m.source().equals(source)).findFirst();
    }

    /** The registry source (the identity reference), if one is configured. */
    public Optional<SourceMapping> registry() {
        return mappings.stream().filter(SourceMapping::registry).findFirst();
    }

    /** The registry's source name, or "" when none is configured (then no row is a registry row). */
    public String registrySource() {
        return registry().map(SourceMapping::source).orElse("");
    }

    /** The mapping whose file prefix starts this file name (case-insensitive), if any. */
    public Optional<SourceMapping> forFileName(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        return mappings.stream().filter(m -> lower.startsWith(m.filePrefix().toLowerCase(java.util.Locale.ROOT))).findFirst();
    }
}
