package id.padan.run;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application (database, migrations, job) for commands that need it. */
final class Contexts {
    private Contexts() {}

    /**
     * Starts the application; {@code settings} override application.yml (they are passed as command-line properties).
     * {@code configDir} is the command's {@code --config} / {@code PADAN_CONFIG} (null: neither), see {@link ConfigDirectory}.
     */
    static ConfigurableApplicationContext start(String configDir, Map<String, Object> settings) {
        return start(ConfigDirectory.resolve(configDir), settings, WebApplicationType.NONE);
    }

    static ConfigurableApplicationContext start(ConfigDirectory config, Map<String, Object> settings) {
        return start(config, settings, WebApplicationType.NONE);
    }

    /** Starts the application with a web server, for {@code padan daemon}'s health and metrics endpoints. */
    static ConfigurableApplicationContext startWithWebServer(String configDir, Map<String, Object> settings) {
        return start(ConfigDirectory.resolve(configDir), settings, WebApplicationType.SERVLET);
    }

    /** Starts the application without Spring Boot's shutdown hook: the command closes it itself (padan worker, on SIGTERM). */
    static ConfigurableApplicationContext startClosedByCommand(String configDir, Map<String, Object> settings) {
        return start(ConfigDirectory.resolve(configDir), settings, WebApplicationType.NONE, false);
    }

    private static ConfigurableApplicationContext start(ConfigDirectory config, Map<String, Object> settings, WebApplicationType web) {
        return start(config, settings, web, true);
    }

    private static ConfigurableApplicationContext start(ConfigDirectory config, Map<String, Object> settings, WebApplicationType web, boolean shutdownHook) {
        Map<String, Object> props = new HashMap<>(settings);
        props.put("padan.config-dir", config.primary().toAbsolutePath());
        for (String entry : ConfigDirectory.ENTRIES) props.put(ConfigDirectory.property(entry), config.dirFor(entry).toAbsolutePath());
        props.put("padan.config.description", config.describe());
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(PadanApplication.class)
                .web(web)
                .logStartupInfo(false)
                .registerShutdownHook(shutdownHook)
                .run(args);
    }
}
