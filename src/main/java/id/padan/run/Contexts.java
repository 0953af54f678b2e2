package id.padan.run;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application (database, migrations, job) for commands that need it. */
final class Contexts {
    private Contexts() {}

    /** Starts the application; {@code settings} override application.yml (they are passed as command-line properties). */
    static ConfigurableApplicationContext start(String configDir, Map<String, Object> settings) {
        return start(configDir, settings, WebApplicationType.NONE);
    }

    /** Starts the application with a web server, for {@code padan daemon}'s health and metrics endpoints. */
    static ConfigurableApplicationContext startWithWebServer(String configDir, Map<String, Object> settings) {
        return start(configDir, settings, WebApplicationType.SERVLET);
    }

    private static ConfigurableApplicationContext start(String configDir, Map<String, Object> settings, WebApplicationType web) {
        Map<String, Object> props = new HashMap<>(settings);
        if (configDir != null) props.put("padan.config-dir", configDir);
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(PadanApplication.class)
                .web(web)
                .logStartupInfo(false)
                .run(args);
    }
}
