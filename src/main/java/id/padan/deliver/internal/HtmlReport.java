package id.padan.deliver.internal;

import id.padan.findings.FindingRules;
import id.padan.reference.RegionReference;
import java.io.IOException;
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

/**
 * The HTML page of one mismatch report: one self-contained file (inline CSS and SVG charts, no script,
 * no network) that a reviewer opens in any browser. Every text is masked and escaped ({@link Html#h}).
 */
final class HtmlReport {
    static final List<String> PROGRAMS = List.of("PKH", "PBI_JKN", "KIP");
    private static final Map<String, String> PROGRAM_COLORS = Map.of("PKH", "#1f77b4", "PBI_JKN", "#2ca02c", "KIP", "#ff7f0e");
    private static final Map<String, String> CHANGE_COLORS = Map.of("NEW", "#d62728", "OPEN", "#9e9e9e", "RESOLVED", "#2ca02c");
    private static final Map<String, String> SEVERITY_COLORS = Map.of("ERROR", "#c62828", "WARNING", "#ef6c00", "INFO", "#1565c0");
    private final ReportText text;
    private final FindingRules rules;
    private final RegionReference regions;

    HtmlReport(ReportText text, FindingRules rules, RegionReference regions) {
        this.text = text;
        this.rules = rules;
        this.regions = regions;
    }

    void render(ReportModel m, List<String> files, Writer w) throws IOException {
        String heading = text.t("title") + " — " + m.name;
        w.write("<!DOCTYPE html>\n<html lang=\"" + text.lang + "\"><head><meta charset=\"utf-8\">");
        w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.write("<title>" + Html.h(heading) + "</title><style>" + CSS + "</style></head><body>");
        w.write("<h1>" + Html.h(text.t("title")) + "</h1><h2 class=\"area\">" + Html.h(m.name) + "</h2>");
        w.write("<p class=\"meta\">" + Html.h(text.t("run")) + " " + m.runId + " · " + Html.h(text.t("as_of")) + " "
                + m.asOf.format(DateTimeFormatter.ofPattern("dd-MM-yyyy")) + " · " + Html.h(text.t("generated")) + " "
                + ZonedDateTime.now(ZoneId.of("Asia/Jakarta")).format(DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")) + " WIB · "
                + (m.previousRun == null ? Html.h(text.t("no_previous")) : Html.h(text.t("previous")) + " " + m.previousRun) + "</p>");

        w.write("<div class=\"cards\">");
        card(w, text.t("total_findings"), m.totalFindings(), "");
        card(w, text.t("rows_with_findings"), m.rowsWithFindings, "");
        card(w, text.t("need_decision"), m.decisionTotal, "warn");
        card(w, text.t("new"), m.changeTotal("NEW"), "new");
        card(w, text.t("resolved"), m.changeTotal("RESOLVED"), "ok");
        w.write("</div>");

        if (m.counts.isEmpty()) {
            w.write("<p>" + Html.h(text.t("no_findings")) + "</p>");
        } else {
            chartByCode(m, w);
            chartByArea(m, w);
        }
        chartChanges(m, w);
        tableCodeProgram(m, w);
        tableAreaCode(m, w);
        tableChanges(m, w);
        tableDecisions(m, files, w);
        legend(w);
        w.write("<p class=\"note\">" + Html.h(text.t("masking")) + "</p>");
        w.write("<p class=\"note\">" + Html.h(text.t("files")) + ": ");
        List<String> links = new ArrayList<>();
        for (String f : files) links.add("<a href=\"" + Html.h(f) + "\">" + Html.h(f) + "</a>");
        w.write(String.join(" · ", links) + "</p></body></html>\n");
    }

    private void card(Writer w, String label, long value, String cls) throws IOException {
        w.write("<div class=\"card " + cls + "\"><div class=\"n\">" + num(value)
                + "</div><div class=\"l\">" + Html.h(label) + "</div></div>");
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

    private void chartByCode(ReportModel m, Writer w) throws IOException {
        Map<String, Map<String, Long>> byCode = new LinkedHashMap<>();
        for (String code : codesPresent(m)) byCode.put(code, new TreeMap<>());
        for (ReportModel.Count c : m.counts) byCode.get(c.code()).merge(c.source(), c.rows(), Long::sum);
        List<SvgChart.Bar> bars = new ArrayList<>();
        byCode.forEach((code, values) -> { if (!values.isEmpty()) bars.add(new SvgChart.Bar(code, values)); });
        Map<String, String> labels = new LinkedHashMap<>();
        programsPresent(m).forEach(p -> labels.put(p, p));
        w.write("<h3>" + Html.h(text.t("chart_by_code")) + "</h3><div class=\"chart\">");
        w.write(SvgChart.stacked(text.t("chart_by_code"), bars, programsPresent(m), PROGRAM_COLORS, labels));
        w.write("</div>");
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

    private void chartByArea(ReportModel m, Writer w) throws IOException {
        Map<String, Map<String, Long>> byArea = new LinkedHashMap<>();
        for (ReportModel.Count c : m.counts) {
            byArea.computeIfAbsent(areaOf(m, c), k -> new TreeMap<>()).merge(rules.severityOf(c.code()), c.rows(), Long::sum);
        }
        List<SvgChart.Bar> bars = new ArrayList<>();
        byArea.forEach((area, values) -> bars.add(new SvgChart.Bar(areaName(area), values)));
        bars.sort(Comparator.comparingLong(SvgChart.Bar::total).reversed());
        List<SvgChart.Bar> top = bars.subList(0, Math.min(20, bars.size()));
        Map<String, String> labels = new LinkedHashMap<>();
        for (String s : List.of("ERROR", "WARNING", "INFO")) labels.put(s, text.t("sev." + s));
        w.write("<h3>" + Html.h(text.t("chart_by_area")) + " — " + Html.h(text.t(m.national ? "area.kabupaten" : "area.kecamatan")) + "</h3><div class=\"chart\">");
        w.write(SvgChart.stacked(text.t("chart_by_area"), top, List.of("ERROR", "WARNING", "INFO"), SEVERITY_COLORS, labels));
        w.write("</div>");
    }

    private void chartChanges(ReportModel m, Writer w) throws IOException {
        if (m.changes.isEmpty()) return;
        Map<String, Map<String, Long>> byCode = new LinkedHashMap<>();
        for (String code : codesPresent(m)) byCode.put(code, new TreeMap<>());
        for (ReportModel.Change c : m.changes) byCode.get(c.code()).merge(c.change(), c.rows(), Long::sum);
        List<SvgChart.Bar> bars = new ArrayList<>();
        byCode.forEach((code, values) -> { if (!values.isEmpty()) bars.add(new SvgChart.Bar(code, values)); });
        Map<String, String> labels = Map.of("NEW", text.t("new"), "OPEN", text.t("open"), "RESOLVED", text.t("resolved"));
        w.write("<h3>" + Html.h(text.t("chart_changes")) + "</h3><div class=\"chart\">");
        w.write(SvgChart.stacked(text.t("chart_changes"), bars, List.of("NEW", "OPEN", "RESOLVED"), CHANGE_COLORS, labels));
        w.write("</div>");
    }

    private void tableCodeProgram(ReportModel m, Writer w) throws IOException {
        List<String> programs = programsPresent(m);
        Map<String, Map<String, Long>> t = new LinkedHashMap<>();
        for (ReportModel.Count c : m.counts) t.computeIfAbsent(c.code(), k -> new TreeMap<>()).merge(c.source(), c.rows(), Long::sum);
        w.write("<h3>" + Html.h(text.t("table_code_program")) + "</h3><table><thead><tr><th>" + Html.h(text.t("col.code")) + "</th><th>"
                + Html.h(text.t("col.severity")) + "</th>");
        for (String p : programs) w.write("<th class=\"num\">" + Html.h(p) + "</th>");
        w.write("<th class=\"num\">" + Html.h(text.t("col.total")) + "</th></tr></thead><tbody>");
        Map<String, Long> colTotals = new TreeMap<>();
        for (String code : codesPresent(m)) {
            Map<String, Long> row = t.getOrDefault(code, Map.of());
            if (row.isEmpty()) continue;
            String sev = rules.severityOf(code);
            w.write("<tr><td title=\"" + Html.h(text.code(code)) + "\"><code>" + Html.h(code) + "</code><br><small>" + Html.h(text.code(code))
                    + "</small></td><td><span class=\"sev " + sev + "\">" + Html.h(text.t("sev." + sev)) + "</span></td>");
            long total = 0;
            for (String p : programs) {
                long v = row.getOrDefault(p, 0L);
                total += v;
                colTotals.merge(p, v, Long::sum);
                w.write("<td class=\"num\">" + num(v) + "</td>");
            }
            w.write("<td class=\"num\"><b>" + num(total) + "</b></td></tr>");
        }
        w.write("</tbody><tfoot><tr><td>" + Html.h(text.t("col.total")) + "</td><td></td>");
        long all = 0;
        for (String p : programs) {
            long v = colTotals.getOrDefault(p, 0L);
            all += v;
            w.write("<td class=\"num\">" + num(v) + "</td>");
        }
        w.write("<td class=\"num\"><b>" + num(all) + "</b></td></tr></tfoot></table>");
    }

    private void tableAreaCode(ReportModel m, Writer w) throws IOException {
        if (m.counts.isEmpty()) return;
        List<String> codes = codesPresent(m).stream().filter(c -> m.counts.stream().anyMatch(x -> x.code().equals(c))).toList();
        Map<String, Map<String, Long>> t = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (ReportModel.Count c : m.counts) t.computeIfAbsent(areaOf(m, c) == null ? "" : areaOf(m, c), k -> new TreeMap<>()).merge(c.code(), c.rows(), Long::sum);
        w.write("<h3>" + Html.h(text.t("table_area_code")) + " (" + Html.h(text.t(m.national ? "area.kabupaten" : "area.kecamatan"))
                + ")</h3><div class=\"wide\"><table class=\"small\"><thead><tr><th>" + Html.h(text.t(m.national ? "area.kabupaten" : "area.kecamatan")) + "</th>");
        for (String c : codes) w.write("<th class=\"num rot\" title=\"" + Html.h(text.code(c)) + "\">" + Html.h(c.replace('_', ' ')) + "</th>");
        w.write("<th class=\"num\">" + Html.h(text.t("col.total")) + "</th></tr></thead><tbody>");
        for (var e : t.entrySet()) {
            w.write("<tr><td>" + Html.h(areaName(e.getKey())) + "</td>");
            long total = 0;
            for (String c : codes) {
                long v = e.getValue().getOrDefault(c, 0L);
                total += v;
                w.write("<td class=\"num\">" + (v == 0 ? "" : num(v)) + "</td>");
            }
            w.write("<td class=\"num\"><b>" + num(total) + "</b></td></tr>");
        }
        w.write("</tbody></table></div>");
    }

    private void tableChanges(ReportModel m, Writer w) throws IOException {
        w.write("<h3>" + Html.h(text.t("table_changes")) + "</h3>");
        if (m.previousRun == null) w.write("<p class=\"note\">" + Html.h(text.t("no_previous")) + "</p>");
        if (m.changes.isEmpty()) return;
        Map<String, long[]> t = new TreeMap<>();
        for (ReportModel.Change c : m.changes) {
            long[] v = t.computeIfAbsent(FindingRules.CODES.indexOf(c.code()) + 100 + "|" + c.code() + "|" + c.source(), k -> new long[3]);
            v["NEW".equals(c.change()) ? 0 : "RESOLVED".equals(c.change()) ? 1 : 2] += c.rows();
        }
        w.write("<table><thead><tr><th>" + Html.h(text.t("col.code")) + "</th><th>" + Html.h(text.t("col.program")) + "</th><th class=\"num\">"
                + Html.h(text.t("new")) + "</th><th class=\"num\">" + Html.h(text.t("resolved")) + "</th><th class=\"num\">" + Html.h(text.t("open"))
                + "</th></tr></thead><tbody>");
        for (var e : t.entrySet()) {
            String[] k = e.getKey().split("\\|");
            long[] v = e.getValue();
            w.write("<tr><td><code>" + Html.h(k[1]) + "</code></td><td>" + Html.h(k[2]) + "</td><td class=\"num new\">" + num(v[0])
                    + "</td><td class=\"num ok\">" + num(v[1]) + "</td><td class=\"num\">" + num(v[2]) + "</td></tr>");
        }
        w.write("</tbody></table>");
    }

    private void tableDecisions(ReportModel m, List<String> files, Writer w) throws IOException {
        w.write("<h3>" + Html.h(text.t("table_decisions")) + "</h3>");
        if (m.decisionTotal == 0) {
            w.write("<p>" + Html.h(text.t("no_decisions")) + "</p>");
            return;
        }
        if (m.decisions.size() < m.decisionTotal) {
            w.write("<p class=\"note\">" + Html.h(String.format(text.t("decisions_cut"), m.decisions.size(), m.decisionTotal, "decisions.csv", "report.xlsx")) + "</p>");
        }
        w.write("<table class=\"small\"><thead><tr><th>" + Html.h(text.t("col.program")) + "</th><th>" + Html.h(text.t("col.record_key")) + "</th><th>"
                + Html.h(text.t("col.code")) + "</th><th>" + Html.h(text.t("area.kecamatan")) + "</th><th>" + Html.h(text.t("col.detail")) + "</th><th>"
                + Html.h(text.t("col.evidence")) + "</th></tr></thead><tbody>");
        for (ReportModel.Decision d : m.decisions) {
            w.write("<tr><td>" + Html.h(d.source()) + "</td><td><code>" + Html.h(d.recordKey()) + "</code></td><td><span class=\"sev " + d.severity() + "\">"
                    + Html.h(d.code()) + "</span></td><td>" + Html.h(areaName(d.kec())) + "</td><td>" + Html.h(d.detail()) + "</td><td class=\"ev\">"
                    + Html.h(d.evidence()) + "</td></tr>");
        }
        w.write("</tbody></table>");
    }

    private void legend(Writer w) throws IOException {
        w.write("<h3>" + Html.h(text.t("legend")) + "</h3><table class=\"small\"><tbody>");
        for (String code : FindingRules.CODES) {
            String sev = rules.severityOf(code);
            w.write("<tr><td><code>" + Html.h(code) + "</code></td><td><span class=\"sev " + sev + "\">" + Html.h(text.t("sev." + sev)) + "</span></td><td>"
                    + Html.h(text.code(code)) + "</td></tr>");
        }
        w.write("</tbody></table>");
    }

    /** A count as readers write it: 1.234.567 in Indonesian, 1,234,567 in English. */
    private String num(long v) {
        String s = String.format(Locale.ROOT, "%,d", v);
        return "id".equals(text.lang) ? s.replace(',', '.') : s;
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:24px;color:#222;max-width:1200px}
            h1{font-size:22px;margin:0 0 4px}h2.area{font-size:18px;margin:0 0 6px;color:#1f4e79}h3{font-size:16px;margin:26px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
            .meta,.note{color:#555;font-size:13px}
            .cards{display:flex;gap:12px;flex-wrap:wrap;margin:14px 0}.card{border:1px solid #ddd;border-radius:6px;padding:10px 16px;min-width:130px;background:#fafafa}
            .card .n{font-size:24px;font-weight:600}.card .l{font-size:12px;color:#555}.card.warn .n{color:#ef6c00}.card.new .n{color:#d62728}.card.ok .n{color:#2e7d32}
            table{border-collapse:collapse;font-size:13px;margin:6px 0}th,td{border:1px solid #ddd;padding:4px 7px;vertical-align:top;text-align:left}
            th{background:#eef2f7}td.num,th.num{text-align:right}tfoot td{background:#f6f6f6;font-weight:600}table.small{font-size:12px}
            td.new{color:#c62828}td.ok{color:#2e7d32}td.ev{max-width:460px;color:#333}.wide{overflow-x:auto}
            .sev{display:inline-block;padding:1px 6px;border-radius:3px;color:#fff;font-size:11px}.sev.ERROR{background:#c62828}.sev.WARNING{background:#ef6c00}.sev.INFO{background:#1565c0}
            code{font-size:12px}small{color:#666}.chart{overflow-x:auto}
            """;
}
