package id.padan.run.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the benchmark's runs at several sizes say about a larger run: each stage's seconds and the process's peak
 * memory fitted by least squares over the runs, then read at the size and density asked for.
 *
 * <p>A stage is fitted as a straight line in the number of input rows, seconds = a + b × rows, unless the runs show
 * its cost per row rising with size (the line's a is negative) while the registry's density differs between the
 * runs. Then the stage's cost per row is fitted as growing with the density, seconds = rows × (b + c × density),
 * density being the registry's persons per kecamatan code (a NIK's first six digits). That is link-search's shape:
 * each row left for the search is compared with the registry rows of its blocks, and a block (a name, a birth date
 * in a kecamatan) grows with the persons under one code, not with the country. Benchmarks made larger by putting
 * more people under the same codes grow both at once; a national run grows in codes at a density of ~38,000. A
 * stage whose time falls with size (a negative b, noise between runs) is taken as constant, at its mean.
 *
 * <p>Assumptions, printed with every prediction: the form above; the partitioned steps ({@link #PARALLEL}: exact NIK and
 * the search's parts) are the only work spread over workers, each worker like the machine measured and running as many partitions at once as it has cores (the
 * database keeping pace); every other stage runs once, on the manager and the database, as measured; peak memory of
 * one process is the fitted line at the whole run's rows (a bounded run has a slope near zero, so the prediction
 * shows whether memory still grows with the input).
 */
public final class CapacityModel {
    /** The stage of the link partitions, spread over workers; its seconds are the partitions' summed busy time. */
    public static final String PARTITIONS = "link-partition";
    /** The steps of the parts of link's search, summed likewise. */
    public static final String SEARCH_PARTS = "link-search-part";
    /** The partitioned steps, spread over workers and cores, each with the step that hands them out. */
    public static final Map<String, String> PARALLEL = Map.of(PARTITIONS, "link", SEARCH_PARTS, "link-search");

    /**
     * One benchmark run: input rows, seconds per stage, peak resident memory of the padan process, and the registry's
     * persons per kecamatan code (0 when not measured).
     */
    public record Sample(long rows, Map<String, Double> stageSeconds, double peakMb, double density) {
        public Sample(long rows, Map<String, Double> stageSeconds, double peakMb) {
            this(rows, stageSeconds, peakMb, 0);
        }

        /** Results written before densities were measured have none: they read as 0, not as an error. */
        private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

        /** A benchmark's {@code result-*.json}. */
        public static Sample fromJson(String json) {
            return JSON.readValue(json, Sample.class);
        }

        public String toJson() {
            return JSON.writeValueAsString(this);
        }
    }

    /**
     * {@code y = intercept + slope × x + perDensity × x × density}, and the largest relative miss on the runs it was
     * fitted to.
     */
    public record Line(double intercept, double slope, double perDensity, double worstMiss) {
        public Line(double intercept, double slope, double worstMiss) {
            this(intercept, slope, 0, worstMiss);
        }

        public double at(double x) {
            return at(x, 0);
        }

        public double at(double x, double density) {
            return intercept + slope * x + perDensity * x * density;
        }

        /** Whether the cost per row grows with the density. */
        public boolean withDensity() {
            return perDensity != 0;
        }
    }

    /**
     * A prediction: seconds per stage (partitions already divided among workers), whole time, peak memory per process,
     * at a density of persons per kecamatan code.
     */
    public record Prediction(long rows, double density, int workers, int cores, Map<String, Double> stageSeconds, double seconds, double peakMb) {}

    /**
     * How far apart the runs' densities must be (the largest this many times the smallest) for a stage's rising cost per
     * row to be read as growing with the density. Closer densities cannot tell the two apart: runs at 8,957 and 8,919
     * persons a code (independent extracts of 1 and 2 million persons spread over more codes) fitted resolve as
     * 1,073 s per million rows less 116 s per million rows per 1,000 persons a code, a difference of two large numbers.
     */
    static final double DENSITIES_APART = 1.25;
    private final List<Sample> samples;
    private final Map<String, Line> stages = new LinkedHashMap<>();
    private final Line memory;

    public CapacityModel(List<Sample> samples) {
        if (samples.size() < 2) throw new IllegalArgumentException("a capacity model needs runs at two sizes at least, got " + samples.size());
        if (samples.stream().map(Sample::rows).distinct().count() < 2) throw new IllegalArgumentException("a capacity model needs runs at two different sizes");
        this.samples = List.copyOf(samples);
        boolean densities = samples.stream().allMatch(s -> s.density() > 0)
                && samples.stream().mapToDouble(Sample::density).max().orElse(0)
                        >= DENSITIES_APART * samples.stream().mapToDouble(Sample::density).min().orElse(0);
        for (String stage : samples.get(0).stageSeconds().keySet()) {
            List<double[]> points = samples.stream().map(s -> new double[] {s.rows(), s.stageSeconds().getOrDefault(stage, 0.0), s.density()}).toList();
            Line line = fit(points);
            if (line.intercept() < 0 && densities) line = fitPerRowByDensity(points);
            stages.put(stage, line);
        }
        memory = fit(samples.stream().map(s -> new double[] {s.rows(), s.peakMb()}).toList());
    }

    public Map<String, Line> stages() {
        return stages;
    }

    public Line memory() {
        return memory;
    }

    /** The run at {@code rows} input rows, {@code density} registry persons per kecamatan code, {@code workers} workers of {@code cores} cores. */
    public Prediction predict(long rows, double density, int workers, int cores) {
        if (workers < 1 || cores < 1) throw new IllegalArgumentException("workers and cores must be at least 1");
        Map<String, Double> out = new LinkedHashMap<>();
        double total = 0;
        for (var e : stages.entrySet()) {
            double s = Math.max(0, e.getValue().at(rows, density));
            if (PARALLEL.containsKey(e.getKey())) s /= (double) workers * cores;
            out.put(e.getKey(), s);
            total += s;
        }
        return new Prediction(rows, density, workers, cores, out, total, Math.max(0, memory.at(rows)));
    }

    /** The model and a prediction, as Markdown for the README. */
    public String describe(Prediction p) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### Capacity model (fitted on %d runs: %s)%n%n", samples.size(),
                String.join(", ", samples.stream().map(s -> String.format(Locale.ROOT, "%,d input rows", s.rows())
                        + (s.density() > 0 ? String.format(Locale.ROOT, " at %,.0f persons a code", s.density()) : "")).toList())));
        md.append("| stage | a (s) | b (s per million rows) | c (s per million rows per 1,000 persons a code) | worst miss on the runs | predicted s |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (var e : stages.entrySet()) {
            Line l = e.getValue();
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s | %.0f %% | %,.0f |%n", e.getKey(), l.intercept(), l.slope() * 1e6,
                    l.withDensity() ? String.format(Locale.ROOT, "%.2f", l.perDensity() * 1e9) : "–", 100 * l.worstMiss(), p.stageSeconds().get(e.getKey())));
        }
        md.append(String.format(Locale.ROOT, "%nPeak memory of one process = %.0f MB + %.1f MB per million rows (worst miss %.0f %%).%n%n",
                memory.intercept(), memory.slope() * 1e6, 100 * memory.worstMiss()));
        md.append(String.format(Locale.ROOT, "Predicted for %,d input rows at %,.0f persons a kecamatan code on %d worker(s) of %d core(s): **%s**, "
                + "peak memory of a process **%,.0f MB**.%n%n", p.rows(), p.density(), p.workers(), p.cores(), duration(p.seconds()), p.peakMb()));
        md.append("Assumptions: a stage's time is a + b × rows, or, where the runs show its cost per row rising with size and their registries "
                + "differ in density, rows × (b + c × persons per kecamatan code) (the search's blocks grow with the persons under one code, "
                + "not with the country); a stage whose time fell with size is taken at its mean; only the partitioned steps (link-partition, exact NIK; link-search-part, the search's parts) are spread over "
                + "the workers, each worker like the machine measured, running one partition per core, with the database keeping pace; every "
                + "other stage runs once on the manager and the database as measured; memory is the fitted line at the whole run's rows "
                + "(near-zero slope = bounded by the partition).\n");
        return md.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 3600) return String.format(Locale.ROOT, "%d min %d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %d min", s / 3600, (s % 3600) / 60);
    }

    /**
     * Ordinary least squares through the points {x, y}; with two points, the line through both. A falling line is
     * taken as flat at the mean: more rows do not make a stage faster, the runs differed by noise.
     */
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
        double slope = sxx == 0 ? 0 : Math.max(0, sxy / sxx);
        double intercept = my - slope * mx;
        return withMiss(points, intercept, slope, 0);
    }

    /**
     * The cost per row, y / x, as a straight line in the density (the points' third value) by least squares,
     * weighted by the rows; through the origin when the line would start below zero.
     */
    static Line fitPerRowByDensity(List<double[]> points) {
        // minimise sum (y - b x - c x d)^2: the normal equations of the two terms x and x*d
        double s11 = 0, s12 = 0, s22 = 0, t1 = 0, t2 = 0;
        for (double[] p : points) {
            double u = p[0], v = p[0] * p[2];
            s11 += u * u;
            s12 += u * v;
            s22 += v * v;
            t1 += u * p[1];
            t2 += v * p[1];
        }
        double det = s11 * s22 - s12 * s12;
        double b = (t1 * s22 - t2 * s12) / det;
        double c = (s11 * t2 - s12 * t1) / det;
        if (b < 0) {
            b = 0;
            c = t2 / s22;
        }
        return withMiss(points, 0, b, c);
    }

    private static Line withMiss(List<double[]> points, double intercept, double slope, double perDensity) {
        double worst = 0;
        for (double[] p : points) {
            double predicted = intercept + slope * p[0] + perDensity * p[0] * (p.length > 2 ? p[2] : 0);
            worst = Math.max(worst, p[1] == 0 ? (predicted == 0 ? 0 : 1) : Math.abs(predicted - p[1]) / Math.abs(p[1]));
        }
        return new Line(intercept, slope, perDensity, worst);
    }
}
