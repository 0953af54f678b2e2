package id.padan.deliver;

import id.padan.run.PadanApplication;
import id.padan.store.RunScope;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Times the deliver stage alone on a store that already holds a reconciled run (e.g. the 1,000,000-person
 * benchmark): {@code java -cp ... id.padan.deliver.DeliverBenchmark PADAN_HOME CONFIG_DIR OUT_DIR [RUN_ID]}.
 * Not a test: the measured figures go into the README.
 */
public final class DeliverBenchmark {
    private DeliverBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (var ctx = new SpringApplicationBuilder(PadanApplication.class).web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--padan.home=" + args[0], "--padan.config-dir=" + args[1])) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            long runId = args.length > 3 ? Long.parseLong(args[3]) : jdbc.queryForObject("select max(run_id) from padan.run", Long.class);
            var run = jdbc.queryForMap("select as_of, input_dir from padan.run where run_id = ?", runId);
            RunScope scope = new RunScope(runId, ((java.sql.Date) run.get("as_of")).toLocalDate(), Path.of((String) run.get("input_dir")), Path.of(args[2]));
            long t = System.nanoTime();
            var lines = ctx.getBean(DeliverStage.class).deliver(scope, DeliverStage.runDir(scope));
            System.out.printf("deliver: %d files, %,d rows in %.1f s%n", lines.size(), lines.stream().mapToLong(DeliverStage.ManifestLine::rows).sum(),
                    (System.nanoTime() - t) / 1e9);
        }
    }
}
