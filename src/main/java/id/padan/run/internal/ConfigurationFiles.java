package id.padan.run.internal;

import id.padan.findings.FindingRules;
import id.padan.ingest.SourceMappings;
import id.padan.link.MatchSettings;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the operator-edited files under {@code config/} and fails start-up with their message when one makes no sense. */
@Configuration(proxyBeanMethods = false)
public class ConfigurationFiles {
    @Bean
    public SourceMappings sourceMappings(@Value("${padan.config-dir:config}") String dir) {
        return SourceMappings.load(Path.of(dir));
    }

    @Bean
    public MatchSettings matchSettings(@Value("${padan.config-dir:config}") String dir) {
        return MatchSettings.load(Path.of(dir));
    }

    @Bean
    public FindingRules findingRules(@Value("${padan.config-dir:config}") String dir) {
        return FindingRules.load(Path.of(dir));
    }
}
