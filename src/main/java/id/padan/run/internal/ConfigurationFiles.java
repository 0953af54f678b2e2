package id.padan.run.internal;

import id.padan.findings.FindingRules;
import id.padan.ingest.SourceMappings;
import id.padan.link.MatchSettings;
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
    public FindingRules findingRules(@Value("${padan.config.findings-dir:${padan.config-dir:config}}") String dir) {
        return FindingRules.load(Path.of(dir));
    }
}
