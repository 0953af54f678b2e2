package id.padan.deliver.internal;

import id.padan.deliver.ReviewText;
import id.padan.findings.FindingRules;
import id.padan.reference.RegionReference;
import java.io.Writer;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The HTML page of one mismatch report, rendered by Thymeleaf from {@code id/padan/deliver/report.html}: one
 * self-contained file (inline CSS and SVG charts, no script, no network) that a reviewer opens in any browser.
 * The template escapes every value; what it shows comes as {@link ReviewText}, masked NIKs and numbers already
 * written the reader's way (15.639 in Indonesian).
 */
public final class HtmlReport {
    static final List<String> PROGRAMS = List.of("PKH", "PBI_JKN", "KIP");
    private static final Map<String, String> PROGRAM_COLORS = Map.of("PKH", "#1f77b4", "PBI_JKN", "#2ca02c", "KIP", "#ff7f0e");
    private static final Map<String, String> CHANGE_COLORS = Map.of("NEW", "#d62728", "OPEN", "#9e9e9e", "RESOLVED", "#2ca02c", "EXPLAINED", "#1f77b4");
    private static final Map<String, String> SEVERITY_COLORS = Map.of("ERROR", "#c62828", "WARNING", "#ef6c00", "INFO", "#1565c0");
    private static final TemplateEngine ENGINE = engine();
    private final ReportText text;
    private final FindingRules rules;
    private final RegionReference regions;

    HtmlReport(ReportText text, FindingRules rules, RegionReference regions) {
        this.text = text;
        this.rules = rules;
        this.regions = regions;
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver(HtmlReport.class.getClassLoader());
        r.setPrefix("id/padan/deliver/");
        r.setSuffix(".html");
        r.setTemplateMode(TemplateMode.HTML);
        r.setCharacterEncoding("UTF-8");
        r.setCacheable(true);
        TemplateEngine e = new TemplateEngine();
        e.setTemplateResolver(r);
        return e;
    }

    /** A summary tile. */
    public record Card(String label, String value, String cls) {}

    /** A horizontal stacked bar chart, laid out for the SVG. */
    public record Chart(String title, int width, int height, List<Legend> legend, List<Bar> bars) {}

    public record Legend(int x, String color, String label) {}

    public record Bar(int y, ReviewText label, List<Segment> segments, String totalX, String total) {}

    public record Segment(String x, String width, String color, String title) {}

    /** A table: header, rows and an optional footer, each cell with an optional CSS class. */
    public record Table(String title, List<Cell> head, List<List<Cell>> rows, List<Cell> foot) {}

    public record Cell(ReviewText text, String cls, String note) {
        static Cell of(String text) {
            return new Cell(ReviewText.of(text), "", null);
        }

        static Cell num(String text) {
            return new Cell(ReviewText.of(text), "num", null);
        }
    }

    /** The rows needing a decision of one finding code. */
    public record Group(String code, String meaning, String severity, String severityLabel, String count, boolean open, String note,
                        boolean candidates, List<DecisionRowHtml> rows) {}

    /** The notice of a partial run (sources it could not use, checks it did not make), or null. */
    private String notRun;

    void notRun(String notice) {
        this.notRun = notice;
    }

    void render(ReportModel m, List<String> files, Writer w) {
        Context ctx = new Context(Locale.ROOT);
        ctx.setVariable("t", text.all());
        ctx.setVariable("lang", text.lang);
        ctx.setVariable("area", m.name);
        ctx.setVariable("previousRun", m.previousRun);
        ctx.setVariable("notRun", notRun);
        ctx.setVariable("noFindings", m.counts.isEmpty());
        ctx.setVariable("noDecisions", m.decisionTotal == 0);
        ctx.setVariable("national", m.national);
        ctx.setVariable("runId", m.runId);
        ctx.setVariable("asOf", m.asOf.format(DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        ctx.setVariable("generated", ZonedDateTime.now(ZoneId.of("Asia/Jakarta")).format(DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")));
        ctx.setVariable("cards", List.of(new Card(text.t("total_findings"), num(m.totalFindings()), ""),
                new Card(text.t("rows_with_findings"), num(m.rowsWithFindings), ""), new Card(text.t("need_decision"), num(m.decisionTotal), "warn"),
                new Card(text.t("new"), num(m.changeTotal("NEW")), "new"), new Card(text.t("resolved"), num(m.changeTotal("RESOLVED")), "ok")));
        List<Chart> charts = new ArrayList<>();
        if (!m.counts.isEmpty()) {
            charts.add(chartByCode(m));
            charts.add(chartByArea(m));
        }
        if (!m.changes.isEmpty()) charts.add(chartChanges(m));
        ctx.setVariable("charts", charts);
        ctx.setVariable("codeProgram", tableCodeProgram(m));
        ctx.setVariable("areaCode", m.counts.isEmpty() ? null : tableAreaCode(m));
        ctx.setVariable("changes", m.changes.isEmpty() ? null : tableChanges(m));
        ctx.setVariable("groups", groups(m));
        ctx.setVariable("legend", legend());
        ctx.setVariable("files", files);
        ENGINE.process("report", ctx, w);
    }

    private List<Group> groups(ReportModel m) {
        List<Group> out = new ArrayList<>();
        int index = 0;
        for (var e : m.decisions.entrySet()) {
            long total = m.decisionCounts.getOrDefault(e.getKey(), 0L);
            if (total == 0) continue;
            String code = e.getKey();
            String sev = rules.severityOf(code);
            List<DecisionRow> rows = e.getValue();
            String note = rows.size() < total ? String.format(text.t("group.cut"), num(rows.size()), num(total), "decisions.csv", "report.xlsx") : null;
            boolean candidates = rows.stream().anyMatch(r -> !r.candidate().isEmpty());
            List<DecisionRowHtml> html = new ArrayList<>(rows.size());
            for (DecisionRow r : rows) html.add(new DecisionRowHtml(r, candidates, text.all()));
            out.add(new Group(code, text.code(code), sev, text.t("sev." + sev), String.format(text.t("group.rows"), num(total)), index < 3, note,
                    candidates, html));
            index++;
        }
        return out;
    }

    private List<List<Cell>> legend() {
        List<List<Cell>> rows = new ArrayList<>();
        for (String code : FindingRules.CODES) {
            String sev = rules.severityOf(code);
            rows.add(List.of(new Cell(ReviewText.id(code), "code", null), new Cell(ReviewText.of(text.t("sev." + sev)), "sev " + sev, null),
                    Cell.of(text.code(code))));
        }
        return rows;
    }

    private List<String> codesPresent(ReportModel m) {
        TreeSet<String> present = new TreeSet<>(Comparator.comparingInt(FindingRules.CODES::indexOf));
        m.counts.forEach(c -> present.add(c.code()));
        m.changes.forEach(c -> present.add(c.code()));
        return new ArrayList<>(present);
    }

    private List<String> programsPresent(ReportModel m) {
        List<String> out = new ArrayList<>(PROGRAMS);
        m.counts.forEach(c -> { if (!out.contains(c.source())) out.add(c.source()); });
        m.changes.forEach(c -> { if (!out.contains(c.source())) out.add(c.source()); });
        return out;
    }

    private Chart chartByCode(ReportModel m) {
        var bars = barsByCode(m, m.counts, ReportModel.Count::code, ReportModel.Count::source, ReportModel.Count::rows);
        Map<String, String> labels = new LinkedHashMap<>();
        programsPresent(m).forEach(p -> labels.put(p, p));
        return chart(text.t("chart_by_code"), bars, programsPresent(m), PROGRAM_COLORS, labels);
    }

    /** One bar per finding code present (in code order) with the rows of each series; codes without rows left out. */
    private <T> List<Map.Entry<String, Map<String, Long>>> barsByCode(ReportModel m, List<T> items, Function<T, String> code, Function<T, String> series,
                                                                     ToLongFunction<T> rows) {
        Map<String, Map<String, Long>> byCode = new LinkedHashMap<>();
        for (String c : codesPresent(m)) byCode.put(c, new TreeMap<>());
        for (T item : items) byCode.get(code.apply(item)).merge(series.apply(item), rows.applyAsLong(item), Long::sum);
        List<Map.Entry<String, Map<String, Long>>> bars = new ArrayList<>();
        byCode.forEach((c, values) -> { if (!values.isEmpty()) bars.add(Map.entry(c, values)); });
        return bars;
    }

    private String areaOf(ReportModel m, ReportModel.Count c) {
        return m.national ? c.kab() : c.kec() == null ? c.kab() : c.kec();
    }

    String areaName(String code) {
        if (code == null || code.isEmpty()) return text.t("unknown_region");
        String name = code.length() == 4 ? regions.regencyName(code) : regions.districtName(code);
        if (name == null && code.length() == 4 && regions.isRetiredRegency(code)) return code + " (" + text.t("d.retired") + ")";
        return name == null ? code : code + " " + name;
    }

    private Chart chartByArea(ReportModel m) {
        Map<String, Map<String, Long>> byArea = new LinkedHashMap<>();
        for (ReportModel.Count c : m.counts) {
            byArea.computeIfAbsent(areaName(areaOf(m, c)), k -> new TreeMap<>()).merge(rules.severityOf(c.code()), c.rows(), Long::sum);
        }
        List<Map.Entry<String, Map<String, Long>>> bars = new ArrayList<>(byArea.entrySet());
        bars.sort(Comparator.comparingLong((Map.Entry<String, Map<String, Long>> b) -> total(b.getValue())).reversed());
        Map<String, String> labels = new LinkedHashMap<>();
        for (String s : List.of("ERROR", "WARNING", "INFO")) labels.put(s, text.t("sev." + s));
        return chart(text.t("chart_by_area") + " — " + text.t(m.national ? "area.kabupaten" : "area.kecamatan"), bars.subList(0, Math.min(20, bars.size())),
                List.of("ERROR", "WARNING", "INFO"), SEVERITY_COLORS, labels);
    }

    private Chart chartChanges(ReportModel m) {
        var bars = barsByCode(m, m.changes, ReportModel.Change::code, ReportModel.Change::change, ReportModel.Change::rows);
        Map<String, String> labels = Map.of("NEW", text.t("new"), "OPEN", text.t("open"), "RESOLVED", text.t("resolved"), "EXPLAINED", text.t("explained"));
        return chart(text.t("chart_changes"), bars, List.of("NEW", "OPEN", "RESOLVED", "EXPLAINED"), CHANGE_COLORS, labels);
    }

    private static final int WIDTH = 960;
    private static final int LABEL = 300;
    private static final int ROW = 22;
    private static final int TOP = 34;

    /** Lays out a horizontal stacked bar chart: one bar per entry, one segment per series, the total after each bar. */
    private Chart chart(String title, List<Map.Entry<String, Map<String, Long>>> bars, List<String> series, Map<String, String> colors,
                        Map<String, String> seriesLabels) {
        long max = Math.max(1, bars.stream().mapToLong(b -> total(b.getValue())).max().orElse(1));
        int plot = WIDTH - LABEL - 70;
        List<Legend> legend = new ArrayList<>();
        int x = LABEL;
        for (String s : series) {
            String label = seriesLabels.getOrDefault(s, s);
            legend.add(new Legend(x, colors.getOrDefault(s, "#888"), label));
            x += 30 + label.length() * 8;
        }
        List<Bar> out = new ArrayList<>();
        int y = TOP;
        for (var b : bars) {
            List<Segment> segments = new ArrayList<>();
            double bx = LABEL;
            for (String s : series) {
                long v = b.getValue().getOrDefault(s, 0L);
                if (v == 0) continue;
                double w = (double) v * plot / max;
                segments.add(new Segment(px(bx), px(Math.max(w, 1)), colors.getOrDefault(s, "#888"), b.getKey() + " — " + seriesLabels.getOrDefault(s, s)
                        + ": " + num(v)));
                bx += w;
            }
            String label = b.getKey().length() <= 44 ? b.getKey() : b.getKey().substring(0, 43) + "…";
            out.add(new Bar(y, ReviewText.of(label), segments, px(bx + 6), num(total(b.getValue()))));
            y += ROW;
        }
        return new Chart(title, WIDTH, TOP + bars.size() * ROW + 10, legend, out);
    }

    private static String px(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static long total(Map<String, Long> values) {
        return values.values().stream().mapToLong(Long::longValue).sum();
    }

    private Table tableCodeProgram(ReportModel m) {
        List<String> programs = programsPresent(m);
        Map<String, Map<String, Long>> t = new LinkedHashMap<>();
        for (ReportModel.Count c : m.counts) t.computeIfAbsent(c.code(), k -> new TreeMap<>()).merge(c.source(), c.rows(), Long::sum);
        List<Cell> head = new ArrayList<>(List.of(Cell.of(text.t("col.code")), Cell.of(text.t("col.severity"))));
        for (String p : programs) head.add(Cell.num(p));
        head.add(Cell.num(text.t("col.total")));
        List<List<Cell>> rows = new ArrayList<>();
        Map<String, Long> colTotals = new TreeMap<>();
        for (String code : codesPresent(m)) {
            Map<String, Long> row = t.getOrDefault(code, Map.of());
            if (row.isEmpty()) continue;
            String sev = rules.severityOf(code);
            List<Cell> cells = new ArrayList<>(List.of(new Cell(ReviewText.id(code), "code", text.code(code)),
                    new Cell(ReviewText.of(text.t("sev." + sev)), "sev " + sev, null)));
            long total = 0;
            for (String p : programs) {
                long v = row.getOrDefault(p, 0L);
                total += v;
                colTotals.merge(p, v, Long::sum);
                cells.add(Cell.num(num(v)));
            }
            cells.add(new Cell(ReviewText.of(num(total)), "num total", null));
            rows.add(cells);
        }
        List<Cell> foot = new ArrayList<>(List.of(Cell.of(text.t("col.total")), Cell.of("")));
        long all = 0;
        for (String p : programs) {
            long v = colTotals.getOrDefault(p, 0L);
            all += v;
            foot.add(Cell.num(num(v)));
        }
        foot.add(Cell.num(num(all)));
        return new Table(text.t("table_code_program"), head, rows, foot);
    }

    private Table tableAreaCode(ReportModel m) {
        List<String> codes = codesPresent(m).stream().filter(c -> m.counts.stream().anyMatch(x -> x.code().equals(c))).toList();
        Map<String, Map<String, Long>> t = new TreeMap<>();
        for (ReportModel.Count c : m.counts) t.computeIfAbsent(areaOf(m, c) == null ? "" : areaOf(m, c), k -> new TreeMap<>()).merge(c.code(), c.rows(), Long::sum);
        String area = text.t(m.national ? "area.kabupaten" : "area.kecamatan");
        List<Cell> head = new ArrayList<>(List.of(Cell.of(area)));
        for (String c : codes) head.add(new Cell(ReviewText.of(c.replace('_', ' ')), "num rot", text.code(c)));
        head.add(Cell.num(text.t("col.total")));
        List<List<Cell>> rows = new ArrayList<>();
        for (var e : t.entrySet()) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.of(areaName(e.getKey()))));
            long total = 0;
            for (String c : codes) {
                long v = e.getValue().getOrDefault(c, 0L);
                total += v;
                cells.add(Cell.num(v == 0 ? "" : num(v)));
            }
            cells.add(new Cell(ReviewText.of(num(total)), "num total", null));
            rows.add(cells);
        }
        return new Table(text.t("table_area_code") + " (" + area + ")", head, rows, null);
    }

    private Table tableChanges(ReportModel m) {
        Map<String, long[]> t = new TreeMap<>();
        for (ReportModel.Change c : m.changes) {
            t.computeIfAbsent(FindingRules.CODES.indexOf(c.code()) + 100 + "|" + c.code() + "|" + c.source(), k -> new long[4])[ReportModel.Change.column(c.change())] += c.rows();
        }
        List<Cell> head = List.of(Cell.of(text.t("col.code")), Cell.of(text.t("col.program")), Cell.num(text.t("new")), Cell.num(text.t("resolved")),
                Cell.num(text.t("open")), Cell.num(text.t("explained")));
        List<List<Cell>> rows = new ArrayList<>();
        for (var e : t.entrySet()) {
            String[] k = e.getKey().split("\\|");
            long[] v = e.getValue();
            rows.add(List.of(new Cell(ReviewText.id(k[1]), "code", null), Cell.of(k[2]), new Cell(ReviewText.of(num(v[0])), "num new", null),
                    new Cell(ReviewText.of(num(v[1])), "num ok", null), Cell.num(num(v[2])), Cell.num(num(v[3]))));
        }
        return new Table(text.t("table_changes"), head, rows, null);
    }

    /** A count as readers write it: 1.234.567 in Indonesian, 1,234,567 in English. */
    String num(long v) {
        return number(text.lang, v);
    }

    static String number(String lang, long v) {
        String s = String.format(Locale.ROOT, "%,d", v);
        return "id".equals(lang) ? s.replace(',', '.') : s;
    }
}
