package id.padan.run.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the benchmark's runs at several sizes say about a larger run: each stage's seconds and the process's peak
 * memory fitted as a straight line in the number of input rows, seconds = a + b × rows (least squares), then read at
 * the size asked for.
 *
 * <p>Assumptions, printed with every prediction: time grows linearly in rows within each stage (what the fit
 * measures; a stage that grows faster shows as a poor fit, whose worst residual is printed); the link partitions
 * are the only work spread over workers, each worker like the machine measured and running as many partitions at
 * once as it has cores (the database keeping pace); every other stage runs once, on the manager and the database,
 * as measured; peak memory of one process is the fitted line at the whole run's rows (a bounded run has a slope
 * near zero, so the prediction shows whether memory still grows with the input).
 */
public final class CapacityModel {
    /** The stage of the link partitions, spread over workers; its seconds are the partitions' summed busy time. */
    public static final String PARTITIONS = "link-partition";

    /** One benchmark run: input rows, seconds per stage, peak resident memory of the padan process. */
    public record Sample(long rows, Map<String, Double> stageSeconds, double peakMb) {}

    /** {@code y = intercept + slope * x}, and the largest relative miss on the points it was fitted to. */
    public record Line(double intercept, double slope, double worstMiss) {
        public double at(double x) {
            return intercept + slope * x;
        }
    }

    /** A prediction: seconds per stage (partitions already divided among workers), whole time, peak memory per process. */
    public record Prediction(long rows, int workers, int cores, Map<String, Double> stageSeconds, double seconds, double peakMb) {}

    private final List<Sample> samples;
    private final Map<String, Line> stages = new LinkedHashMap<>();
    private final Line memory;

    public CapacityModel(List<Sample> samples) {
        if (samples.size() < 2) throw new IllegalArgumentException("a capacity model needs runs at two sizes at least, got " + samples.size());
        if (samples.stream().map(Sample::rows).distinct().count() < 2) throw new IllegalArgumentException("a capacity model needs runs at two different sizes");
        this.samples = List.copyOf(samples);
        for (String stage : samples.get(0).stageSeconds().keySet()) {
            stages.put(stage, fit(samples.stream().map(s -> new double[] {s.rows(), s.stageSeconds().getOrDefault(stage, 0.0)}).toList()));
        }
        memory = fit(samples.stream().map(s -> new double[] {s.rows(), s.peakMb()}).toList());
    }

    public Map<String, Line> stages() {
        return stages;
    }

    public Line memory() {
        return memory;
    }

    /** The run at {@code rows} input rows with {@code workers} workers of {@code cores} cores each. */
    public Prediction predict(long rows, int workers, int cores) {
        if (workers < 1 || cores < 1) throw new IllegalArgumentException("workers and cores must be at least 1");
        Map<String, Double> out = new LinkedHashMap<>();
        double total = 0;
        for (var e : stages.entrySet()) {
            double s = Math.max(0, e.getValue().at(rows));
            if (e.getKey().equals(PARTITIONS)) s /= (double) workers * cores;
            out.put(e.getKey(), s);
            total += s;
        }
        return new Prediction(rows, workers, cores, out, total, Math.max(0, memory.at(rows)));
    }

    /** The model and a prediction, as Markdown for the README. */
    public String describe(Prediction p) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### Capacity model (fitted on %d runs: %s input rows)%n%n", samples.size(),
                String.join(", ", samples.stream().map(s -> String.format(Locale.ROOT, "%,d", s.rows())).toList())));
        md.append("| stage | a (s) | b (s per million rows) | worst miss on the runs | predicted s |\n|---|---:|---:|---:|---:|\n");
        for (var e : stages.entrySet()) {
            Line l = e.getValue();
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f %% | %,.0f |%n", e.getKey(), l.intercept(), l.slope() * 1e6,
                    100 * l.worstMiss(), p.stageSeconds().get(e.getKey())));
        }
        md.append(String.format(Locale.ROOT, "%nPeak memory of one process = %.0f MB + %.1f MB per million rows (worst miss %.0f %%).%n%n",
                memory.intercept(), memory.slope() * 1e6, 100 * memory.worstMiss()));
        md.append(String.format(Locale.ROOT, "Predicted for %,d input rows on %d worker(s) of %d core(s): **%s**, peak memory of a process **%,.0f MB**.%n%n",
                p.rows(), p.workers(), p.cores(), duration(p.seconds()), p.peakMb()));
        md.append("Assumptions: each stage's time grows linearly in rows (a poor fit shows as a large miss); only the link partitions are "
                + "spread over the workers, each worker like the machine measured, running one partition per core, with the database keeping "
                + "pace; every other stage runs once on the manager and the database as measured; memory is the fitted line at the whole "
                + "run's rows (near-zero slope = bounded by the partition).\n");
        return md.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 3600) return String.format(Locale.ROOT, "%d min %d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %d min", s / 3600, (s % 3600) / 60);
    }

    /** Ordinary least squares through the points {x, y}; with two points, the line through both. */
    static Line fit(List<double[]> points) {
        int n = points.size();
        double mx = 0, my = 0;
        for (double[] p : points) {
            mx += p[0] / n;
            my += p[1] / n;
        }
        double sxx = 0, sxy = 0;
        for (double[] p : points) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double intercept = my - slope * mx;
        double worst = 0;
        for (double[] p : points) {
            double predicted = intercept + slope * p[0];
            worst = Math.max(worst, p[1] == 0 ? (predicted == 0 ? 0 : 1) : Math.abs(predicted - p[1]) / Math.abs(p[1]));
        }
        return new Line(intercept, slope, worst);
    }
}
