package id.padan.run;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padan serve}: the review page (also served by {@code padan daemon} on its port). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves the review page: a reviewer logs in (users: padan review user add), works through the queue of their "
                + "kabupaten/kota and programs, decides by keyboard; approvers approve NIK corrections and explained deaths. "
                + "The page reads the database as its own role, under row-level security (PADAN_WEB_DB_USER / PADAN_WEB_DB_PASSWORD; "
                + "created by padan where its login may create roles). Stops on Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:PADAN_SERVE_PORT:-8086}",
            description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "${env:PADAN_SERVE_BIND:-127.0.0.1}",
            description = "address to listen on (default: ${DEFAULT-VALUE}; put a TLS reverse proxy in front for other machines)")
    String bind;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        var ctx = Contexts.startWithWebServer(config.dir, Map.of("server.port", port, "server.address", bind));
        String problem = ctx.getBean(id.padan.web.WebDatabase.class).problem();
        if (problem != null) {
            ctx.close();
            return Cli.fail("the review page cannot read the database: " + problem);
        }
        CountDownLatch closed = new CountDownLatch(1);
        ctx.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) closed.countDown();
        });
        ctx.registerShutdownHook();
        log.info("padan serve: review page at http://{}:{}/review", bind, ctx.getEnvironment().getProperty("local.server.port"));
        closed.await();
        return 0;
    }
}
