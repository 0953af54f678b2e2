package id.padan.schedule;

import id.padan.ingest.SourceMappings;
import id.padan.schedule.internal.JobDefinitionLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The scheduled jobs of a deployment: every {@code *.yml} in the jobs directory, checked for meaning when loaded. */
public record JobDefinitions(Path dir, List<JobDefinition> all) {

    public JobDefinitions {
        all = List.copyOf(all);
    }

    /**
     * Loads and checks every {@code *.yml} in {@code dir}; relative paths inside them are taken from {@code baseDir}
     * (the directory the daemon runs in).
     *
     * @throws IllegalStateException listing every problem found, each naming its file, when a definition makes no sense
     */
    public static JobDefinitions load(Path dir, Path baseDir, SourceMappings sources) {
        return new JobDefinitions(dir, JobDefinitionLoader.loadAll(dir, baseDir, sources));
    }

    public Optional<JobDefinition> byName(String name) {
        return all.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
