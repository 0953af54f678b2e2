package id.padan.run.internal;

import id.padan.deliver.DeliverySettings;
import id.padan.deliver.internal.DeliverySettingsLoader;
import id.padan.findings.FindingRules;
import id.padan.ingest.SourceMappings;
import id.padan.link.MatchSettings;
import id.padan.run.ConfigDirectory;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the operator-edited files under {@code config/} and fails start-up with their message when one makes no sense.
 * Each part's directory is the operator's or the packaged one ({@code id.padan.run.ConfigDirectory}).
 */
@Configuration(proxyBeanMethods = false)
public class ConfigurationFiles {
    @Bean
    public SourceMappings sourceMappings(@Value("${padan.config.sources-dir:${padan.config-dir:config}}") String dir,
                                         @Value("${padan.config.description:}") String description) {
        if (!description.isBlank()) org.slf4j.LoggerFactory.getLogger(ConfigurationFiles.class).info("configuration: {}", description);
        return SourceMappings.load(Path.of(dir));
    }

    @Bean
    public MatchSettings matchSettings(@Value("${padan.config.matching-dir:${padan.config-dir:config}}") String dir) {
        return MatchSettings.load(Path.of(dir));
    }

    @Bean
    public FindingRules findingRules(@Value("${padan.config.findings-dir:${padan.config-dir:config}}") String dir, SourceMappings sources) {
        return FindingRules.load(Path.of(dir), sources);
    }

    /** Every file of a configuration, bound and judged together. */
    public record Checked(SourceMappings sources, MatchSettings matching, FindingRules findings, DeliverySettings reports) {}

    /**
     * Binds and checks every file of a command's configuration (sources, matching, findings, reports, each from the
     * operator's directory or the packaged one) the way a run does, without a database: a run, {@code padan jobs --check},
     * the daemon and the benchmark call it first, so a wrong file stops them with one line.
     *
     * @throws IllegalStateException naming the file, the key and the reason of the first problem
     */
    public static Checked check(ConfigDirectory config) {
        return check(config.dirFor("sources"), config.dirFor("matching.yml"), config.dirFor("findings.yml"), config.dirFor("reports.yml"));
    }

    /** {@link #check(ConfigDirectory)} for a directory that holds every file. */
    public static Checked check(Path dir) {
        return check(dir, dir, dir, dir);
    }

    private static Checked check(Path sourcesDir, Path matchingDir, Path findingsDir, Path reportsDir) {
        SourceMappings sources = SourceMappings.load(sourcesDir);
        MatchSettings matching = MatchSettings.load(matchingDir);
        FindingRules findings = FindingRules.load(findingsDir, sources);
        DeliverySettings reports = DeliverySettingsLoader.load(reportsDir.resolve("reports.yml"));
        return new Checked(sources, matching, findings, reports);
    }
}
