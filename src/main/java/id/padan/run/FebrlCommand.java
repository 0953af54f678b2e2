package id.padan.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code padan febrl}: the public benchmark. Links FEBRL dataset 4a against 4b through the normal
 * job (source mappings in {@code config/febrl/}; the model is estimated without labels) and scores
 * the published result: a predicted pair is a 4a row and a 4b row with the same person_id; it is
 * true when both rec_ids carry the same number ({@code rec-N-org}, {@code rec-N-dup-0}).
 */
@Command(name = "febrl", mixinStandardHelpOptions = true,
        description = {"Links FEBRL 4a x 4b with padan's own job and prints precision, recall and F1 (no labels used)."})
public final class FebrlCommand implements Callable<Integer> {
    private static final Pattern REC = Pattern.compile("rec-(\\d+)-");

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "folder with dataset4a.csv and dataset4b.csv")
    Path data;

    @Option(names = "--work", defaultValue = "bench/febrl", paramLabel = "DIR", description = "working directory (default: ${DEFAULT-VALUE})")
    Path work;

    @Option(names = "--config", paramLabel = "DIR", description = "configuration for the benchmark (default: config/febrl if it exists, else the packaged copy)")
    String config;

    @Override
    public Integer call() throws Exception {
        ConfigDirectory configuration = ConfigDirectory.resolve(config, Path.of("config/febrl"), "febrl");
        id.padan.run.internal.ConfigurationFiles.check(configuration); // a wrong file stops the benchmark before it starts
        Path input = work.resolve("input");
        Files.createDirectories(input);
        Files.copy(data.resolve("dataset4a.csv"), input.resolve("febrl4a.csv"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(data.resolve("dataset4b.csv"), input.resolve("febrl4b.csv"), StandardCopyOption.REPLACE_EXISTING);
        Map<String, Object> settings = new HashMap<>();
        if (System.getenv("PADAN_DB_URL") == null && System.getProperty("padan.db.url") == null) settings.put("padan.home", work.resolve("db").toString());
        try (var ctx = Contexts.start(configuration, settings)) {
            var outcome = ctx.getBean(ReconcileLauncher.class).start(input, LocalDate.of(2026, 11, 23), null, work.resolve("out"), true);
            if (!outcome.completed()) return Cli.fail("run failed: " + outcome.failureReason());
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            Map<Long, List<String>> a = new HashMap<>(), b = new HashMap<>();
            jdbc.query("select source, record_key, person_id from reconciled.source_record where run_id = ?", rs -> {
                (rs.getString(1).equals("FEBRL_4A") ? a : b).computeIfAbsent(rs.getLong(3), k -> new ArrayList<>()).add(rs.getString(2));
            }, outcome.runId());
            long predicted = 0, correct = 0;
            for (var e : b.entrySet()) {
                List<String> left = a.get(e.getKey());
                if (left == null) continue;
                for (String x : left) {
                    for (String y : e.getValue()) {
                        predicted++;
                        if (number(x).equals(number(y))) correct++;
                    }
                }
            }
            long truePairs = 5000;
            double p = predicted == 0 ? 0 : (double) correct / predicted;
            double r = (double) correct / truePairs;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            System.out.printf(Locale.ROOT, "%nFEBRL 4a x 4b (run %d): %,d predicted pairs, %,d true, %,d true pairs in the data%n", outcome.runId(),
                    predicted, correct, truePairs);
            System.out.printf(Locale.ROOT, "precision %.4f  recall %.4f  F1 %.4f%n", p, r, f1);
        }
        return 0;
    }

    private static String number(String recId) {
        Matcher m = REC.matcher(recId);
        return m.find() ? m.group(1) : recId;
    }
}
