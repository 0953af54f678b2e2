package id.padan.run;

import id.padan.run.internal.LinkWorker;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code padan worker}: runs link partitions handed out by runs started with {@code --remote-workers}, until stopped. */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Takes link partitions of any run on its database (PADAN_DB_URL) started with `padan run --remote-workers`, one at a "
                + "time, until stopped (Ctrl-C or SIGTERM: the partition in hand is finished first). Start as many as you like, on this "
                + "machine or others that reach the same PostgreSQL; each partition records which worker ran it (padan history --run N).",
                "",
                "A worker killed in the middle of a partition leaves it to the run, which hands it out again to another worker.",
                ""})
public final class WorkerCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        // Logging too stays up until our hook is done (Spring Boot would stop it at the same time, losing the last lines).
        var ctx = Contexts.startClosedByCommand(config.dir, Map.of("padan.worker", true, "logging.register-shutdown-hook", false));
        LinkWorker worker = ctx.getBean(LinkWorker.class);
        CountDownLatch stopped = new CountDownLatch(1);
        // Our own hook, not Spring Boot's (which would close the database under the partition in hand): finish, then close.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                worker.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ctx.close();
                stopped.countDown();
            }
        }, "padan-worker-stop"));
        worker.start();
        log.info("padan worker {} taking link partitions and search parts of runs started with --remote-workers on this database; stop with Ctrl-C or SIGTERM",
                worker.name());
        stopped.await();
        return 0;
    }
}
