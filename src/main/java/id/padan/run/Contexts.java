package id.padan.run;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application (database, migrations, job) for commands that need it. */
final class Contexts {
    private Contexts() {}

    static ConfigurableApplicationContext start(String configDir, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        if (configDir != null) props.put("padan.config-dir", configDir);
        return new SpringApplicationBuilder(PadanApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(props)
                .run();
    }
}
