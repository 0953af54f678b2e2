package id.padan.deliver.internal;

import id.padan.deliver.Deliverable;
import id.padan.deliver.DeliverySettings;
import id.padan.deliver.WrittenFile;
import id.padan.findings.FindingRules;
import id.padan.reference.RegionReference;
import id.padan.store.RunScope;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The mismatch reports for reviewers, under {@code reports/}: {@code NASIONAL/} and one folder per
 * kabupaten/kota (by the code of the rows' own region; rows with no readable region under
 * {@code _unknown_region/}). Each holds {@code report.html} (charts and tables, in the configured
 * language), {@code counts.csv} (findings by kabupaten, kecamatan, code and program),
 * {@code changes.csv} (new, resolved and still open since the previous published run, by code and
 * program), {@code decisions.csv} (the rows needing a decision with their evidence) and
 * {@code report.xlsx} with the same three tables; a kabupaten/kota folder also has {@code findings.csv}
 * (every finding row with its change status, and the resolved ones: the row-level list a TKPKD works
 * through, kept to CSV because a spreadsheet copy of every row would double the time to write them). NIK and KK numbers are masked in
 * all of them.
 *
 * <p>Counts come from group-by queries; the rows stream from one cursor ordered by kabupaten, so only
 * one kabupaten's files are open at a time (plus the national ones).
 */
@Component
@Order(10)
public class MismatchReport implements Deliverable {
    public static final String NATIONAL = "NASIONAL";
    private final DataSource dataSource;
    private final FindingRules rules;
    private final DeliverySettings settings;
    private final RegionReference regions = RegionReference.kemendagri();

    public MismatchReport(DataSource dataSource, FindingRules rules, DeliverySettings settings) {
        this.dataSource = dataSource;
        this.rules = rules;
        this.settings = settings;
    }

    @Override
    public List<WrittenFile> write(RunScope scope, Path runDir) throws Exception {
        ReportText text = ReportText.of(settings.language());
        FindingText findingText = new FindingText(text);
        HtmlReport html = new HtmlReport(text, rules, regions);
        Path base = runDir.resolve("reports");
        Files.createDirectories(base);
        List<WrittenFile> written = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long runId = scope.runId();
            Long previous = previousRun(c, runId);
            Map<String, ReportModel> models = new TreeMap<>();
            ReportModel national = new ReportModel(NATIONAL, text.t("national"), true, runId, scope.asOf(), previous);
            loadCounts(c, runId, national, models, scope, previous, text);
            loadChanges(c, runId, previous == null ? -1 : previous, national, models, scope, text);

            Output nat = new Output(national, base.resolve(NATIONAL), text, html);
            Output current = null;
            try (PreparedStatement ps = c.prepareStatement(ROWS)) {
                ps.setFetchSize(10_000);
                int i = 1;
                ps.setLong(i++, runId);
                ps.setArray(i++, c.createArrayOf("text", settings.decisionCodes().toArray()));
                ps.setLong(i++, runId);
                ps.setLong(i++, previous == null ? -1 : previous);
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    Map<String, Object> row = new HashMap<>();
                    while (rs.next()) {
                        row.clear();
                        for (int k = 1; k <= md.getColumnCount(); k++) row.put(md.getColumnLabel(k), rs.getObject(k));
                        String kab = regionKey((String) row.get("kab"));
                        if (current == null || !current.model.key.equals(kab)) {
                            if (current != null) written.addAll(current.close());
                            ReportModel m = models.computeIfAbsent(kab, k -> model(k, scope, previous, text));
                            models.remove(kab);
                            current = new Output(m, base.resolve(kab), text, html);
                            current.openFindings();
                        }
                        String code = (String) row.get("code");
                        String source = (String) row.get("source");
                        String detail = findingText.detail(code, source, (String) row.get("detail_json"));
                        if (((Number) row.get("part")).intValue() == 0) {
                            String evidence = findingText.evidence(row);
                            current.decision(row, detail, evidence);
                            nat.decision(row, detail, evidence);
                        } else {
                            current.finding(row, detail);
                        }
                    }
                }
            }
            if (current != null) written.addAll(current.close());
            // Regions with counts but no rows left to stream (cannot happen with consistent data, but every region gets its report).
            for (ReportModel m : models.values()) {
                Output o = new Output(m, base.resolve(m.key), text, html);
                o.openFindings();
                written.addAll(o.close());
            }
            written.addAll(nat.close());
            c.commit();
        }
        return written;
    }

    private static String regionKey(String kab) {
        return kab == null || kab.isBlank() ? CorrectedExtractWriter.UNKNOWN_REGION : kab;
    }

    private ReportModel model(String key, RunScope scope, Long previous, ReportText text) {
        String name;
        if (key.equals(CorrectedExtractWriter.UNKNOWN_REGION)) name = text.t("unknown_region");
        else {
            String n = regions.regencyName(key);
            name = n != null ? n + " (" + key + ")" : regions.isRetiredRegency(key) ? key + " (" + text.t("d.retired") + ")" : key;
        }
        return new ReportModel(key, name, false, scope.runId(), scope.asOf(), previous);
    }

    private static Long previousRun(Connection c, long runId) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select max(run_id) from padan.run where run_id < ? and published_at is not null")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? null : v;
            }
        }
    }

    private void loadCounts(Connection c, long runId, ReportModel national, Map<String, ReportModel> models, RunScope scope, Long previous,
                            ReportText text) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                select left(region_code, 4) as kab, case when length(region_code) >= 6 then left(region_code, 6) end as kec, code, source, count(*)
                from padan.finding where run_id = ? group by 1, 2, 3, 4 order by 1, 2, 3, 4""")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    var count = new ReportModel.Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
                    national.counts.add(count);
                    models.computeIfAbsent(regionKey(count.kab()), k -> model(k, scope, previous, text)).counts.add(count);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select left(region_code, 4), count(distinct (source, record_key)) from padan.finding where run_id = ? group by 1""")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    national.rowsWithFindings += rs.getLong(2);
                    models.computeIfAbsent(regionKey(rs.getString(1)), k -> model(k, scope, previous, text)).rowsWithFindings += rs.getLong(2);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select left(region_code, 4), count(*) from padan.finding where run_id = ? and code = any(?) group by 1""")) {
            ps.setLong(1, runId);
            ps.setArray(2, c.createArrayOf("text", settings.decisionCodes().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    national.decisionTotal += rs.getLong(2);
                    models.computeIfAbsent(regionKey(rs.getString(1)), k -> model(k, scope, previous, text)).decisionTotal += rs.getLong(2);
                }
            }
        }
    }

    private void loadChanges(Connection c, long runId, long previous, ReportModel national, Map<String, ReportModel> models, RunScope scope,
                             ReportText text) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(CHANGES)) {
            ps.setLong(1, runId);
            ps.setLong(2, previous);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Long> nat = new TreeMap<>();
                while (rs.next()) {
                    var change = new ReportModel.Change(rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
                    models.computeIfAbsent(regionKey(rs.getString(1)), k -> model(k, scope, previous < 0 ? null : previous, text)).changes.add(change);
                    nat.merge(change.code() + "|" + change.source() + "|" + change.change(), change.rows(), Long::sum);
                }
                nat.forEach((k, v) -> {
                    String[] p = k.split("\\|");
                    national.changes.add(new ReportModel.Change(p[0], p[1], p[2], v));
                });
            }
        }
    }

    /** The files of one report, written while its rows stream past. */
    private final class Output {
        final ReportModel model;
        final Path dir;
        final ReportText text;
        final HtmlReport html;
        final ReviewCsv decisions;
        final ReviewXlsx xlsx;
        ReviewCsv findings;

        Output(ReportModel model, Path dir, ReportText text, HtmlReport html) throws IOException {
            this.model = model;
            this.dir = dir;
            this.text = text;
            this.html = html;
            Files.createDirectories(dir);
            writeCounts();
            writeChanges();
            decisions = new ReviewCsv(dir.resolve("decisions.csv"), decisionHeader());
            xlsx = new ReviewXlsx(dir.resolve("report.xlsx"));
            xlsx.sheet(text.t("sheet.counts"), countsHeader());
            for (ReportModel.Count c : model.counts) {
                xlsx.row(c.kab(), name(c.kab()), c.kec(), name(c.kec()), c.code(), c.source(), rules.severityOf(c.code()), c.rows());
            }
            xlsx.sheet(text.t("sheet.changes"), changesHeader());
            for (var e : changeTable().entrySet()) {
                String[] k = e.getKey().split("\\|");
                long[] v = e.getValue();
                xlsx.row(k[0], k[1], v[0], v[1], v[2]);
            }
            xlsx.sheet(text.t("sheet.decisions"), decisionHeader());
        }

        private String name(String code) {
            if (code == null) return null;
            String n = code.length() == 4 ? regions.regencyName(code) : regions.districtName(code);
            return n == null ? "" : n;
        }

        private List<String> countsHeader() {
            return List.of(text.t("col.kabupaten"), text.t("col.kabupaten_name"), text.t("col.kecamatan"), text.t("col.kecamatan_name"),
                    text.t("col.code"), text.t("col.program"), text.t("col.severity"), text.t("col.rows"));
        }

        private List<String> changesHeader() {
            return List.of(text.t("col.code"), text.t("col.program"), text.t("col.new"), text.t("col.resolved"), text.t("col.open"));
        }

        private List<String> decisionHeader() {
            return List.of(text.t("col.program"), text.t("col.record_key"), text.t("col.code"), text.t("col.severity"), text.t("col.kabupaten"),
                    text.t("col.kecamatan"), text.t("col.kecamatan_name"), text.t("col.desa"), text.t("col.person_id"), text.t("col.detail"),
                    text.t("col.evidence"));
        }

        private List<String> findingsHeader() {
            return List.of(text.t("col.program"), text.t("col.record_key"), text.t("col.code"), text.t("col.severity"), text.t("col.change"),
                    text.t("col.kecamatan"), text.t("col.kecamatan_name"), text.t("col.desa"), text.t("col.person_id"), text.t("col.detail"));
        }

        private Map<String, long[]> changeTable() {
            Map<String, long[]> t = new TreeMap<>((a, b) -> {
                String[] x = a.split("\\|"), y = b.split("\\|");
                int c = Integer.compare(FindingRules.CODES.indexOf(x[0]), FindingRules.CODES.indexOf(y[0]));
                return c != 0 ? c : a.compareTo(b);
            });
            for (ReportModel.Change c : model.changes) {
                long[] v = t.computeIfAbsent(c.code() + "|" + c.source(), k -> new long[3]);
                v["NEW".equals(c.change()) ? 0 : "RESOLVED".equals(c.change()) ? 1 : 2] += c.rows();
            }
            return t;
        }

        private void writeCounts() throws IOException {
            try (ReviewCsv csv = new ReviewCsv(dir.resolve("counts.csv"), countsHeader())) {
                for (ReportModel.Count c : model.counts) {
                    csv.cell(c.kab()).cell(name(c.kab())).cell(c.kec()).cell(name(c.kec())).cell(c.code()).cell(c.source())
                            .cell(rules.severityOf(c.code())).cell(c.rows()).endRow();
                }
                countRows = csv.rows();
            }
        }

        long countRows, changeRows;

        private void writeChanges() throws IOException {
            try (ReviewCsv csv = new ReviewCsv(dir.resolve("changes.csv"), changesHeader())) {
                for (var e : changeTable().entrySet()) {
                    String[] k = e.getKey().split("\\|");
                    long[] v = e.getValue();
                    csv.cell(k[0]).cell(k[1]).cell(v[0]).cell(v[1]).cell(v[2]).endRow();
                }
                changeRows = csv.rows();
            }
        }

        void openFindings() throws IOException {
            findings = new ReviewCsv(dir.resolve("findings.csv"), findingsHeader());
        }

        void decision(Map<String, Object> row, String detail, String evidence) throws IOException {
            String region = (String) row.get("region_code");
            String kec = region != null && region.length() >= 6 ? region.substring(0, 6) : null;
            String desa = region != null && region.length() == 10 ? region : null;
            String kab = region != null && region.length() >= 4 ? region.substring(0, 4) : null;
            Object[] cells = {row.get("source"), row.get("record_key"), row.get("code"), row.get("severity"), kab, kec, name(kec), desa,
                    row.get("person_id"), detail, evidence};
            decisions.cell((String) cells[0]).cell((String) cells[1]).cell((String) cells[2]).cell((String) cells[3]).cell(kab).cell(kec)
                    .cell(name(kec)).cell(desa).cell(String.valueOf(row.get("person_id"))).cell(detail).cell(evidence).endRow();
            xlsx.row(cells);
            if (model.decisions.size() < settings.htmlMaxRows()) {
                model.decisions.add(new ReportModel.Decision((String) cells[0], (String) cells[1], (String) cells[2], (String) cells[3],
                        kec != null ? kec : kab, detail, evidence));
            }
        }

        void finding(Map<String, Object> row, String detail) throws IOException {
            String region = (String) row.get("region_code");
            String kec = region != null && region.length() >= 6 ? region.substring(0, 6) : null;
            String desa = region != null && region.length() == 10 ? region : null;
            String change = (String) row.get("change");
            findings.cell((String) row.get("source")).cell((String) row.get("record_key")).cell((String) row.get("code"))
                    .cell((String) row.get("severity")).cell(text.t("change." + change)).cell(kec).cell(name(kec)).cell(desa)
                    .cell(row.get("person_id") == null ? "" : String.valueOf(row.get("person_id"))).cell(detail).endRow();
        }

        List<WrittenFile> close() throws IOException {
            decisions.close();
            if (findings != null) findings.close();
            xlsx.close();
            List<String> files = new ArrayList<>(List.of("counts.csv", "changes.csv", "decisions.csv"));
            if (findings != null) files.add("findings.csv");
            files.add("report.xlsx");
            Path page = dir.resolve("report.html");
            try (Writer w = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
                html.render(model, files, w);
            }
            String region = model.key;
            List<WrittenFile> out = new ArrayList<>();
            out.add(new WrittenFile(page, 0, "REPORT", null, region));
            out.add(new WrittenFile(dir.resolve("counts.csv"), countRows, "REPORT", null, region));
            out.add(new WrittenFile(dir.resolve("changes.csv"), changeRows, "REPORT", null, region));
            out.add(new WrittenFile(dir.resolve("decisions.csv"), decisions.rows(), "REPORT", null, region));
            if (findings != null) out.add(new WrittenFile(dir.resolve("findings.csv"), findings.rows(), "REPORT", null, region));
            out.add(new WrittenFile(dir.resolve("report.xlsx"), xlsx.rows(), "REPORT", null, region));
            return out;
        }
    }

    /** New, resolved and still-open findings by (source, record key, code) against the previous run, counted by kabupaten, code and program. */
    private static final String CHANGES = """
            with c as (select source, record_key, code, region_code from padan.finding where run_id = ?),
                 p as (select source, record_key, code, region_code from padan.finding where run_id = ?)
            select left(coalesce(c.region_code, p.region_code), 4) as kab, coalesce(c.code, p.code) as code, coalesce(c.source, p.source) as source,
                   case when p.code is null then 'NEW' when c.code is null then 'RESOLVED' else 'OPEN' end as change, count(*)
            from c full join p on p.source = c.source and p.record_key = c.record_key and p.code = c.code
            group by 1, 2, 3, 4""";

    /**
     * The rows of every report, ordered by kabupaten: first the rows needing a decision (part 0) with
     * their evidence, then every finding with its change status, and the resolved ones (part 1).
     */
    private static final String ROWS = """
            select 0 as part, left(c.region_code, 4) as kab, c.source, c.record_key, c.code, c.severity, c.region_code, c.person_id,
                   c.detail_json::text as detail_json, null::text as change,
                   o.match_method, o.match_score, o.explanation::text as explanation, o.nik_raw, o.name_raw, o.birth_date, o.sex,
                   o.in_dukcapil, o.reg_nik, o.reg_name, o.reg_birth, o.reg_sex, o.reg_death
            from padan.finding c
            join padan.row_outcome o on o.run_id = c.run_id and o.source = c.source and o.record_key = c.record_key
            where c.run_id = ? and c.code = any(?)
            union all
            select 1, left(coalesce(c.region_code, p.region_code), 4), coalesce(c.source, p.source), coalesce(c.record_key, p.record_key),
                   coalesce(c.code, p.code), coalesce(c.severity, p.severity), coalesce(c.region_code, p.region_code), coalesce(c.person_id, p.person_id),
                   coalesce(c.detail_json, p.detail_json)::text,
                   case when p.code is null then 'NEW' when c.code is null then 'RESOLVED' else 'OPEN' end,
                   null, null, null, null, null, null, null, null, null, null, null, null, null
            from (select * from padan.finding where run_id = ?) c
            full join (select * from padan.finding where run_id = ?) p on p.source = c.source and p.record_key = c.record_key and p.code = c.code
            order by 2 nulls last, 1, 5, 3, 4""";
}
