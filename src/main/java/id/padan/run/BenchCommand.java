package id.padan.run;

import id.padan.generate.ExtractGenerator;
import id.padan.generate.GeneratorOptions;
import id.padan.run.internal.CopyBaseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code padan bench}: generates extracts at each size, runs the whole job on them in a fresh
 * database and reports rows per second per stage and peak memory. Each size runs in its own JVM so
 * that one size's memory peak does not hide in another's.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks the whole run on generated data at growing sizes:",
                "rows per second per stage and peak memory (resident set of the padan process; PostgreSQL runs apart),",
                "and the time PostgreSQL takes to COPY the same input lines as text, with the run's time as a multiple of it."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--persons", split = ",", defaultValue = "100000", paramLabel = "N[,N...]", description = "sizes in persons (default: ${DEFAULT-VALUE})")
    List<Integer> persons;

    @Option(names = "--seed", defaultValue = "1", description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--work", defaultValue = "bench", paramLabel = "DIR", description = "working directory for data, database and results (default: ${DEFAULT-VALUE})")
    Path work;

    @Mixin
    ConfigOption config;

    @Option(names = "--heap", defaultValue = "12g", paramLabel = "SIZE", description = "maximum heap of the benchmarked JVM (default: ${DEFAULT-VALUE})")
    String heap;

    @Option(names = "--jvm-options", defaultValue = RECOMMENDED_JVM_OPTIONS, paramLabel = "OPTIONS",
            description = {"further options of the benchmarked JVM, space-separated (default: ${DEFAULT-VALUE}, the README's setting for large runs;",
                    "give --jvm-options= for the JVM's own defaults)"})
    String jvmOptions;

    /**
     * The JVM setting the README gives operators for large runs. Resolve still holds every row and link of
     * the run until it has written its persons: promoting them at their first collection copies them once,
     * not once more between survivor spaces.
     */
    static final String RECOMMENDED_JVM_OPTIONS = "-XX:MaxTenuringThreshold=0";

    @Option(names = "--single", hidden = true, description = "run one size in this JVM (used by bench itself)")
    boolean single;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(work);
        if (single) return runOne(persons.get(0));
        List<String> lines = new ArrayList<>();
        for (int n : persons) {
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
            if (!jvmOptions.isBlank()) jvm.addAll(List.of(jvmOptions.strip().split("\\s+")));
            List<String> cmd = new ArrayList<>(List.of(javaBinary()));
            cmd.addAll(jvm);
            cmd.addAll(List.of("-jar", jarPath(), "bench", "--single", "--persons", Integer.toString(n),
                    "--seed", Long.toString(seed), "--work", work.toString(), "--jvm-options=" + String.join(" ", jvm)));
            if (config.dir != null) cmd.add(cmd.size() - 1, "--config=" + config.dir);
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (p.waitFor() != 0) return Cli.fail("benchmark at " + n + " persons failed");
            lines.addAll(Files.readAllLines(work.resolve("result-" + n + ".md")));
        }
        Path all = work.resolve("results.md");
        Files.write(all, lines);
        System.out.println();
        lines.forEach(System.out::println);
        System.out.println("\n(written to " + all + ")");
        return 0;
    }

    private int runOne(int n) throws Exception {
        Path data = work.resolve("data-" + n);
        Path home = work.resolve("db-" + n);
        deleteTree(data);
        deleteTree(home);
        long g0 = System.nanoTime();
        var generated = new ExtractGenerator(GeneratorOptions.of(n, seed)).generate(data);
        double genSeconds = (System.nanoTime() - g0) / 1e9;
        System.out.printf(Locale.ROOT, "bench: %,d persons generated (%,d rows) in %.1f s%n", n, generated.truthRows(), genSeconds);
        Map<String, Object> settings = new java.util.HashMap<>();
        if (System.getenv("PADAN_DB_URL") == null && System.getProperty("padan.db.url") == null) settings.put("padan.home", home.toString());
        long t0 = System.nanoTime();
        StringBuilder md = new StringBuilder();
        try (var ctx = config.start(settings)) {
            var outcome = ctx.getBean(ReconcileLauncher.class).start(data, LocalDate.of(2026, 11, 23), null, work.resolve("out-" + n), true);
            double total = (System.nanoTime() - t0) / 1e9;
            if (!outcome.completed()) return Cli.fail("run failed: " + outcome.failureReason());
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            var stages = jdbc.queryForList("select stage, rows, seconds from padan.stage_metric where run_id = ? order by finished_at", outcome.runId());
            md.append(String.format(Locale.ROOT, "### %,d persons (%,d input rows), seed %d%n%n", n, generated.truthRows(), seed));
            md.append("| stage | rows | seconds | rows/s |\n|---|---:|---:|---:|\n");
            for (var s : stages) {
                long rows = ((Number) s.get("rows")).longValue();
                double sec = ((Number) s.get("seconds")).doubleValue();
                md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f |%n", s.get("stage"), rows, sec, rows / Math.max(sec, 1e-6)));
            }
            md.append(String.format(Locale.ROOT, "| **whole run** (with start-up of the job) | %,d | %.1f | %,.0f |%n%n", generated.truthRows(), total,
                    generated.truthRows() / total));
            md.append(String.format(Locale.ROOT, "Peak memory of the padan process: %s (max heap %,d MB, %d cores). Generation: %.1f s. "
                            + "JVM: Java %s, options `%s`.%n%n",
                    peakRss(), Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), genSeconds,
                    Runtime.version().feature(), jvmOptions.isBlank() ? "(none)" : jvmOptions));
            // The yardstick, after the peak above was read: PostgreSQL COPYing the same lines as text.
            List<Path> inputs;
            try (Stream<Path> files = Files.list(data)) {
                inputs = files.filter(f -> !f.getFileName().toString().startsWith("truth")).sorted().toList();
            }
            var copy = CopyBaseline.measure(ctx.getBean(javax.sql.DataSource.class), inputs);
            md.append(String.format(Locale.ROOT, "PostgreSQL COPY of the same %,d lines as text (one column, the same database): %.1f s; "
                    + "the whole run took **%.1f ×** that.%n%n", copy.lines(), copy.seconds(), total / copy.seconds()));
        }
        Files.writeString(work.resolve("result-" + n + ".md"), md.toString());
        return 0;
    }

    /** Peak resident set size of this process (Linux VmHWM), or "unknown". */
    static String peakRss() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:")).map(l -> {
                long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%,d MB", kb >> 10);
            }).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String jarPath() throws Exception {
        Path p = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI().getSchemeSpecificPart()
                .replaceFirst("^nested:", "").replaceFirst("/!BOOT-INF.*$", ""));
        return p.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
