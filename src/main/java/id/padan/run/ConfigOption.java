package id.padan.run;

import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/**
 * The {@code --config DIR} option of every command that starts the application (a picocli mixin), and that start:
 * one description, one default ({@code PADAN_CONFIG}, else {@code ./config} if it exists, files it lacks taken from
 * the configuration packaged in padan.jar; see {@link ConfigDirectory}).
 */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "${env:PADAN_CONFIG}",
            description = "configuration directory (default: PADAN_CONFIG, else ./config if it exists; files it lacks come from the configuration packaged in padan.jar)")
    String dir;

    /** The directories this option names, resolved. */
    ConfigDirectory resolve() {
        return ConfigDirectory.resolve(dir);
    }

    /** Starts the application (database, migrations, job) with this configuration. */
    ConfigurableApplicationContext start() {
        return start(Map.of());
    }

    /** Starts the application; {@code settings} override application.yml. */
    ConfigurableApplicationContext start(Map<String, Object> settings) {
        return Contexts.start(dir, settings);
    }
}
