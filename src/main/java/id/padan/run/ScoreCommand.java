package id.padan.run;

import id.padan.quality.PublishedRun;
import id.padan.quality.TruthFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code padan score}: linkage quality of a published run against a ground-truth file. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Scores a published run against a ground truth (truth.csv from 'padan generate'):",
                "completeness, pairwise precision/recall/F1, NIK resolution, wrong-person rate, correct NIKs changed,",
                "and precision/recall per finding code."})
public final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--truth", required = true, paramLabel = "FILE", description = "ground-truth file")
    Path truth;

    @Option(names = "--run", paramLabel = "N", description = "run to score (default: the newest published run)")
    Long run;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        var truthRows = TruthFile.read(truth);
        try (var ctx = config.start()) {
            PublishedRun published = PublishedRun.load(ctx.getBean(JdbcTemplate.class), run);
            System.out.println("run " + published.runId() + " against " + truth);
            System.out.print(published.score(truthRows).render());
        }
        return 0;
    }
}
