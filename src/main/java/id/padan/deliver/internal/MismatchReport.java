package id.padan.deliver.internal;

import id.padan.deliver.CellSpool;
import id.padan.deliver.OutputFiles;
import id.padan.deliver.Deliverable;
import id.padan.deliver.DeliverySettings;
import id.padan.deliver.ReviewCell;
import id.padan.deliver.ReviewText;
import id.padan.deliver.WrittenFile;
import id.padan.findings.FindingRules;
import id.padan.ingest.SourceMappings;
import id.padan.reference.RegionReference;
import id.padan.store.RunChecks;
import id.padan.store.RunScope;
import id.padan.store.StageProgress;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The mismatch reports for reviewers, under {@code reports/}: {@code NASIONAL/} and one folder per
 * kabupaten/kota (the kabupaten of the rows' own region code; a code retired by a pemekaran split counts under the
 * kabupaten it became, see {@link RegionRouting}; rows with no readable region under {@code _unknown_region/}).
 * Each holds {@code report.html} (charts and tables, and every row needing a decision grouped by finding code in
 * the order of harm of {@code reports.decision-codes}), {@code counts.csv} (findings by kabupaten, kecamatan, code
 * and program), {@code changes.csv} (new, resolved and still open since the previous published run, by code and
 * program), {@code decisions.csv} (every row needing a decision, most harmful first, with the sent, registry and
 * candidate values side by side and the empty {@code keputusan} and {@code alasan} for the reviewer) and
 * {@code report.xlsx} with the same tables and a decision guide; a kabupaten/kota folder also has
 * {@code findings.csv} (every finding row with its change status, and the resolved ones). Every cell is a
 * {@link ReviewCell}: NIK and KK numbers show at most their first six digits.
 *
 * <p>Counts come from group-by queries; the rows stream from one cursor ordered by kabupaten, so only one
 * kabupaten's files are open at a time (plus the national ones).
 */
@Component
@Order(10)
public class MismatchReport implements Deliverable {
    public static final String NATIONAL = "NASIONAL";
    private final DataSource dataSource;
    private final FindingRules rules;
    private final DeliverySettings settings;
    private final String registry;
    private final OutputFiles outputFiles;
    private final RegionReference regions = RegionReference.kemendagri();
    private final RegionRouting routing = new RegionRouting(regions);

    public MismatchReport(DataSource dataSource, FindingRules rules, DeliverySettings settings, SourceMappings mappings, OutputFiles files) {
        this.outputFiles = files;
        this.dataSource = dataSource;
        this.rules = rules;
        this.settings = settings;
        this.registry = mappings.registry().map(m -> m.source()).orElse("DUKCAPIL");
    }

    @Override
    public List<WrittenFile> write(RunScope scope, Path runDir, StageProgress progress) throws Exception {
        ReportText text = ReportText.of(settings.language());
        FindingText findingText = new FindingText(text, regions);
        HtmlReport html = new HtmlReport(text, rules, regions);
        Path base = runDir.resolve("reports");
        outputFiles.createDirectories(base);
        List<WrittenFile> written = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            routing.createTable(c);
            long runId = scope.runId();
            Long previous = previousRun(c, runId);
            String[][] comparable = comparable(c, runId, previous);
            html.notRun(notRunNotice(c, runId, text));
            Map<String, ReportModel> models = new TreeMap<>();
            ReportModel national = new ReportModel(NATIONAL, text.t("national"), true, runId, scope.asOf(), previous, settings.decisionCodes(),
                    settings.htmlMaxRows());
            loadCounts(c, runId, national, models, scope, previous, text);
            loadChanges(c, runId, previous == null ? -1 : previous, comparable, national, models, scope, text);

            Output nat = new Output(national, base.resolve(NATIONAL), text, html);
            // The national list of decisions is in the order of harm across the country: each code's rows, in the order the
            // kabupaten stream below meets them (by kabupaten, kecamatan, program, record key), wait in a spool of their own.
            Map<String, CellSpool> spools = new LinkedHashMap<>();
            try (Finisher finisher = new Finisher(written)) {
                for (String code : settings.decisionCodes()) {
                    spools.put(code, new CellSpool(Files.createTempFile(base, ".decisions-" + code, ".spool")));
                }
                Output current = null;
                try (PreparedStatement ps = c.prepareStatement(ROWS)) {
                    ps.setFetchSize(10_000);
                    setComparable(c, ps, 1, comparable);
                    Object[] codes = settings.decisionCodes().toArray();
                    int i = 4;
                    ps.setLong(i++, runId);
                    ps.setLong(i++, runId);
                    ps.setArray(i++, c.createArrayOf("text", codes));
                    ps.setString(i++, registry);
                    ps.setLong(i++, runId);
                    ps.setLong(i++, runId);
                    ps.setArray(i++, c.createArrayOf("text", codes));
                    ps.setLong(i++, runId);
                    ps.setLong(i++, previous == null ? -1 : previous);
                    try (ResultSet rs = ps.executeQuery()) {
                        ResultSetMetaData md = rs.getMetaData();
                        String[] labels = new String[md.getColumnCount()];
                        for (int k = 0; k < labels.length; k++) labels[k] = md.getColumnLabel(k + 1);
                        Map<String, Object> row = new HashMap<>();
                        while (rs.next()) {
                            for (int k = 0; k < labels.length; k++) row.put(labels[k], rs.getObject(k + 1));
                            String kab = regionKey((String) row.get("kab"));
                            if (current == null || !current.model.key.equals(kab)) {
                                if (current != null) finisher.finish(current);
                                ReportModel m = models.computeIfAbsent(kab, k -> model(k, scope, previous, text));
                                models.remove(kab);
                                current = new Output(m, base.resolve(kab), text, html);
                                current.openFindings();
                            }
                            progress.add(1);
                            String code = (String) row.get("code");
                            JsonNode json = FindingText.parse((String) row.get("detail_json"));
                            ReviewText detail = findingText.detail(code, (String) row.get("source"), json);
                            if (((Number) row.get("part")).intValue() == 0) {
                                DecisionRow decision = findingText.decision(row, detail, json);
                                current.model.decision(decision);
                                national.decision(decision);
                                spools.get(code).add(decision.cells(text));
                            } else {
                                current.finding(row, detail, findingText.status(row));
                            }
                        }
                    }
                }
                if (current != null) finisher.finish(current);
                // Regions with counts but no rows left to stream (cannot happen with consistent data, but every region gets its report).
                for (ReportModel m : models.values()) {
                    Output o = new Output(m, base.resolve(m.key), text, html);
                    o.openFindings();
                    finisher.finish(o);
                }
                finisher.drain();
                nat.spools = spools.values();
                written.addAll(nat.close());
            } finally {
                for (CellSpool spool : spools.values()) spool.close();
            }
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
        return new ReportModel(key, name, false, scope.runId(), scope.asOf(), previous, settings.decisionCodes(), Integer.MAX_VALUE);
    }

    /**
     * The run this one is compared with: the run that was current before it, i.e. the newest published and delivered run
     * ordered before it by as-of date (then run id), a complete run before a partial one of the same date.
     */
    private static Long previousRun(Connection c, long runId) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                select p.run_id from padan.run p, padan.run r
                where r.run_id = ? and p.run_id <> r.run_id and p.published_at is not null and p.status = 'COMPLETED' and p.pruned_at is null
                  and (p.as_of, p.run_id) < (r.as_of, r.run_id)
                order by p.as_of desc, coalesce(p.partial, false), p.run_id desc limit 1""")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static final String KAB = RegionRouting.kab("f.region_code", "rt");
    private static final String ROUTE = RegionRouting.join("f.region_code", "rt");
    /**
     * The checks (program and code) both runs made, as two parallel arrays: only their findings are compared, so a check
     * one of the runs could not make never counts a finding as resolved or new. A run made before checks were recorded
     * made every check.
     */
    private static String[][] comparable(Connection c, long runId, Long previous) throws Exception {
        RunChecks now = RunChecks.load(c, runId);
        RunChecks before = previous == null ? new RunChecks(List.of()) : RunChecks.load(c, previous);
        List<String> sources = new ArrayList<>(), codes = new ArrayList<>();
        for (RunChecks.Check check : now.checks()) {
            if (!check.ran()) continue;
            boolean ranBefore = before.checks().isEmpty() || before.checks().stream()
                    .anyMatch(b -> b.ran() && b.source().equals(check.source()) && b.code().equals(check.code()));
            if (ranBefore) {
                sources.add(check.source());
                codes.add(check.code());
            }
        }
        if (now.checks().isEmpty()) return null; // not recorded: compare everything
        return new String[][] {sources.toArray(new String[0]), codes.toArray(new String[0])};
    }

    /** The report's notice for a partial run: the sources it could not use and the checks it did not make; null when complete. */
    private static String notRunNotice(Connection c, long runId, ReportText text) throws Exception {
        RunChecks checks = RunChecks.load(c, runId);
        if (!checks.partial()) return null;
        List<String> parts = new ArrayList<>();
        for (RunChecks.NotRun n : checks.notRun()) {
            parts.add((n.all() ? text.t("not_run.all") + " " + n.source() : String.join(", ", n.codes()) + " (" + n.source() + ")")
                    + " — " + text.t("not_run.needs") + " " + String.join(", ", n.missing()));
        }
        return text.t("not_run.title") + ": " + String.join("; ", parts) + ". " + text.t("not_run.compare");
    }

    private void loadCounts(Connection c, long runId, ReportModel national, Map<String, ReportModel> models, RunScope scope, Long previous,
                            ReportText text) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select " + KAB + " as kab, case when length(f.region_code) >= 6 then left(f.region_code, 6) end as kec,"
                + " f.code, f.source, count(*) from padan.finding f" + ROUTE + "where f.run_id = ? group by 1, 2, 3, 4 order by 1, 2, 3, 4")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    var count = new ReportModel.Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
                    national.counts.add(count);
                    models.computeIfAbsent(regionKey(count.kab()), k -> model(k, scope, previous, text)).counts.add(count);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select " + KAB + ", count(distinct (f.source, f.record_key)) from padan.finding f" + ROUTE
                + "where f.run_id = ? group by 1")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    national.rowsWithFindings += rs.getLong(2);
                    models.computeIfAbsent(regionKey(rs.getString(1)), k -> model(k, scope, previous, text)).rowsWithFindings += rs.getLong(2);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select " + KAB + ", count(*) from padan.finding f" + ROUTE
                + "where f.run_id = ? and f.code = any(?) group by 1")) {
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

    private void loadChanges(Connection c, long runId, long previous, String[][] comparable, ReportModel national, Map<String, ReportModel> models,
                             RunScope scope, ReportText text) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(CHANGES)) {
            setComparable(c, ps, 1, comparable);
            ps.setLong(4, runId);
            ps.setLong(5, runId);
            ps.setLong(6, runId);
            ps.setLong(7, previous);
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

    /** The comparable checks as the statement's last parameters: a flag (true: compare everything), programs, codes. */
    private static void setComparable(Connection c, PreparedStatement ps, int i, String[][] comparable) throws Exception {
        ps.setBoolean(i++, comparable == null);
        ps.setArray(i++, c.createArrayOf("text", comparable == null ? new String[0] : comparable[0]));
        ps.setArray(i, c.createArrayOf("text", comparable == null ? new String[0] : comparable[1]));
    }

    /** The files of one report, written while its rows stream past. */
    private final class Output {
        final ReportModel model;
        final Path dir;
        final ReportText text;
        final HtmlReport html;
        final ReviewCsv decisions;
        ReviewCsv findings;
        /** Where the national list's decision rows wait (null for a kabupaten, whose model keeps every row). */
        Collection<CellSpool> spools;
        long countRows, changeRows;

        Output(ReportModel model, Path dir, ReportText text, HtmlReport html) throws IOException {
            this.model = model;
            this.dir = dir;
            this.text = text;
            this.html = html;
            outputFiles.createDirectories(dir);
            writeCounts();
            writeChanges();
            decisions = new ReviewCsv(outputFiles, dir.resolve("decisions.csv"), DecisionRow.header(text));
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

        private List<ReviewCell> countCells(ReportModel.Count c) {
            return List.of(ReviewText.id(c.kab()), ReviewText.of(name(c.kab())), ReviewText.id(c.kec()), ReviewText.of(name(c.kec())), ReviewText.id(c.code()),
                    ReviewText.id(c.source()), ReviewText.of(text.t("sev." + rules.severityOf(c.code()))), ReviewCell.count(c.rows()));
        }

        private List<String> changesHeader() {
            return List.of(text.t("col.code"), text.t("col.program"), text.t("col.new"), text.t("col.resolved"), text.t("col.open"), text.t("col.explained"));
        }

        private List<ReviewCell> changeCells(Map.Entry<String, long[]> e) {
            String[] k = e.getKey().split("\\|");
            long[] v = e.getValue();
            return List.of(ReviewText.id(k[0]), ReviewText.id(k[1]), ReviewCell.count(v[0]), ReviewCell.count(v[1]), ReviewCell.count(v[2]), ReviewCell.count(v[3]));
        }

        private List<String> findingsHeader() {
            return List.of(text.t("col.program"), text.t("col.record_key"), text.t("col.code"), text.t("col.severity"), text.t("col.change"),
                    text.t("col.review_status"), text.t("col.kecamatan"), text.t("col.kecamatan_name"), text.t("col.desa"), text.t("col.person_id"), text.t("col.detail"));
        }

        private Map<String, long[]> changeTable() {
            Map<String, long[]> t = new TreeMap<>((a, b) -> {
                String[] x = a.split("\\|"), y = b.split("\\|");
                int c = Integer.compare(FindingRules.CODES.indexOf(x[0]), FindingRules.CODES.indexOf(y[0]));
                return c != 0 ? c : a.compareTo(b);
            });
            for (ReportModel.Change c : model.changes) {
                t.computeIfAbsent(c.code() + "|" + c.source(), k -> new long[4])[ReportModel.Change.column(c.change())] += c.rows();
            }
            return t;
        }

        private void writeCounts() throws IOException {
            try (ReviewCsv csv = new ReviewCsv(outputFiles, dir.resolve("counts.csv"), countsHeader())) {
                for (ReportModel.Count c : model.counts) csv.row(countCells(c));
                countRows = csv.rows();
            }
        }

        private void writeChanges() throws IOException {
            try (ReviewCsv csv = new ReviewCsv(outputFiles, dir.resolve("changes.csv"), changesHeader())) {
                for (var e : changeTable().entrySet()) csv.row(changeCells(e));
                changeRows = csv.rows();
            }
        }

        void openFindings() throws IOException {
            findings = new ReviewCsv(outputFiles, dir.resolve("findings.csv"), findingsHeader());
        }

        void finding(Map<String, Object> row, ReviewText detail, ReviewText status) {
            String region = (String) row.get("region_code");
            String kec = region != null && region.length() >= 6 ? region.substring(0, 6) : null;
            String desa = region != null && region.length() == 10 ? region : null;
            Object person = row.get("person_id");
            findings.row(List.of(ReviewText.id((String) row.get("source")), ReviewText.key((String) row.get("record_key")), ReviewText.id((String) row.get("code")),
                    ReviewText.of(text.t("sev." + row.get("severity"))),
                    ReviewText.of(text.t("change." + ReviewStatus.change((String) row.get("change"), (String) row.get("review_queue"), (String) row.get("review_word")))),
                    status, ReviewText.id(kec),
                    ReviewText.of(name(kec)), ReviewText.id(desa), person == null ? ReviewText.EMPTY : ReviewText.id(person.toString()), detail));
        }

        /** Writes the decision rows into decisions.csv and the XLSX, then the HTML page; returns every file of the report. */
        List<WrittenFile> close() throws IOException {
            ReviewXlsx xlsx = new ReviewXlsx(outputFiles, dir.resolve("report.xlsx"));
            xlsx.sheet(text.t("sheet.counts"), countsHeader());
            for (ReportModel.Count c : model.counts) xlsx.row(countCells(c));
            xlsx.sheet(text.t("sheet.changes"), changesHeader());
            for (var e : changeTable().entrySet()) xlsx.row(changeCells(e));
            xlsx.sheet(text.t("sheet.decisions"), DecisionRow.header(text));
            CellSpool.RowSink both = cells -> {
                decisions.row(cells);
                xlsx.row(cells);
            };
            if (spools != null) {
                for (CellSpool spool : spools) spool.replay(both);
            } else {
                for (List<DecisionRow> rows : model.decisions.values()) for (DecisionRow r : rows) both.row(r.cells(text));
            }
            decisions.close();
            if (findings != null) findings.close();
            xlsx.sheet(text.t("sheet.help"), List.of(text.t("sheet.help")));
            xlsx.row(List.of(ReviewText.of(text.t("decision.help"))));
            xlsx.close();
            List<String> files = new ArrayList<>(List.of("counts.csv", "changes.csv", "decisions.csv"));
            if (findings != null) files.add("findings.csv");
            files.add("report.xlsx");
            Path page = dir.resolve("report.html");
            try (Writer w = outputFiles.newBufferedWriter(page)) {
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

    /**
     * Finishes kabupaten reports (their XLSX and HTML) on a thread of its own while the next kabupaten's rows stream
     * in: one report at a time, so no more than two kabupaten are held; the files are listed in the order finished.
     */
    private static final class Finisher implements AutoCloseable {
        private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "padan-report-finisher");
            t.setDaemon(true);
            return t;
        });
        private final List<WrittenFile> written;
        private Future<List<WrittenFile>> pending;

        Finisher(List<WrittenFile> written) {
            this.written = written;
        }

        void finish(Output output) throws Exception {
            drain();
            pending = pool.submit(output::close);
        }

        /** Waits for the report being finished, if any, and lists its files. */
        void drain() throws Exception {
            if (pending == null) return;
            try {
                written.addAll(pending.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            } finally {
                pending = null;
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    /** The checks both runs made ({@link #comparable}), as the first parameters of a statement: flag, programs, codes. */
    private static final String COMPARABLE = """
            with k as (select ?::boolean as everything, ?::text[] as sources, ?::text[] as codes),
                 checked as (select u.source, u.code from k, unnest(k.sources, k.codes) as u(source, code))
            """;

    /**
     * New, resolved, still-open and explained findings by (source, record key, code) against the previous run, counted by
     * kabupaten, code and program: a finding of this run that a held decision explains away ({@link ReviewStatus#change})
     * is explained, neither new nor open. Parameters: the checks compared (3), the run three times, the previous run.
     */
    private static final String CHANGES = COMPARABLE + "     , " + ReviewStatus.CTE + """
                 , c as (select x.source, x.record_key, x.code, x.region_code,
                                coalesce(rs.queue = 'DECIDED' and rs.keputusan = any(%s), false) as explained
                         from padan.finding x
                         cross join k
                         left join review_status rs on rs.source = x.source and rs.record_key = x.record_key and rs.code = x.code
                         where x.run_id = ? and (k.everything or (x.source, x.code) in (select source, code from checked))),
                 p as (select x.source, x.record_key, x.code, x.region_code from padan.finding x, k where x.run_id = ?
                         and (k.everything or (x.source, x.code) in (select source, code from checked))),
                 f as (select coalesce(c.region_code, p.region_code) as region_code, coalesce(c.code, p.code) as code, coalesce(c.source, p.source) as source,
                              case when c.explained then 'EXPLAINED' when p.code is null then 'NEW' when c.code is null then 'RESOLVED' else 'OPEN' end as change
                       from c full join p on p.source = c.source and p.record_key = c.record_key and p.code = c.code)
            select %s as kab, f.code, f.source, f.change, count(*)
            from f %s
            group by 1, 2, 3, 4""".formatted(ReviewStatus.EXPLAINED_SQL, KAB, ROUTE);

    /** The columns of a row needing a decision that the rows of part 1 leave empty. */
    private static final String DECISION_COLUMNS = """
            o.match_method, o.match_score, o.explanation::text as explanation, o.nik_raw, o.nik, o.name_raw, o.name, o.birth_date, o.sex,
            o.in_dukcapil, o.reg_nik, o.reg_name_raw, o.reg_name, o.reg_birth, o.reg_sex, o.reg_death, p.no_kk as reg_kk, p.region_code as reg_region,
            case when own.record_key is null or o.nik = o.reg_nik then null when own_sr.person_id = f.person_id then 'THIS_PERSON'
                 when own.kk is not null and own.kk = p.no_kk then 'RELATIVE' else 'OTHER_PERSON' end as nik_owner,
            cand.person_id as cand_person_id, cand.nik as cand_nik, cand.name_raw as cand_name_raw, cand.name as cand_name, cand.birth as cand_birth,
            cand.sex as cand_sex, cand.region as cand_region, cand.death as cand_death, cand.kk as cand_kk""";

    private static final int DECISION_COLUMN_COUNT = 28;

    /** The rows needing a decision with everything their reviewer files show (see {@link #ROWS}). */
    private static final String DECISIONS = """
            select 0 as part, %s as kab, array_position(?::text[], f.code) as harm, left(f.region_code, 6) as kec, f.source, f.record_key, f.code,
                   f.severity, f.region_code, f.person_id, f.detail_json::text as detail_json, null::text as change,
                   rs.queue as review_queue, rs.keputusan as review_word, rs.alasan as review_reason,
                   %s
            from padan.finding f %s
            left join review_status rs on rs.source = f.source and rs.record_key = f.record_key and rs.code = f.code
            join padan.row_outcome o on o.run_id = f.run_id and o.source = f.source and o.record_key = f.record_key
            left join padan.person p on p.run_id = f.run_id and p.person_id = f.person_id and p.in_dukcapil
            left join padan.staged_row own on own.run_id = f.run_id and own.source = ? and own.record_key = o.nik
            left join padan.source_record own_sr on own_sr.run_id = own.run_id and own_sr.source = own.source and own_sr.record_key = own.record_key
            left join (select rf.source as f_source, rf.record_key as f_record_key, cs.person_id, cr.nik, cr.name_raw, cp.name, cr.birth_date as birth, cr.sex,
                              coalesce(cr.region_desa, cr.region_kec, cr.region_kab) as region, cr.death_date as death, cr.kk
                       from padan.finding rf
                       join padan.source_record cs on cs.run_id = rf.run_id and cs.source = rf.detail_json->'candidate'->>'source'
                            and cs.record_key = rf.detail_json->'candidate'->>'record_key'
                       left join padan.staged_row cr on cr.run_id = cs.run_id and cr.source = cs.source and cr.record_key = cs.record_key
                       left join padan.person cp on cp.run_id = cs.run_id and cp.person_id = cs.person_id
                       where rf.run_id = ? and rf.code = 'REVIEW_POSSIBLE_MATCH') cand
                 on f.code = 'REVIEW_POSSIBLE_MATCH' and cand.f_source = f.source and cand.f_record_key = f.record_key
            where f.run_id = ? and f.code = any(?)
            """.formatted(KAB, DECISION_COLUMNS, ROUTE);

    /**
     * The rows of every report, ordered by kabupaten: first the rows needing a decision (part 0), most harmful
     * code first, with the values sent, the registry person's, the candidate's (for a possible match) and whose NIK
     * was sent; then every finding with its change status, and the resolved ones (part 1); each with the reviewers'
     * decision covering it ({@link ReviewStatus}). Parameters: the checks compared (3), the run twice, then those of
     * {@link #DECISIONS} and of part 1.
     */
    private static final String ROWS = COMPARABLE + "     , " + ReviewStatus.CTE + DECISIONS + ("""
            union all
            select 1, %s, 0, left(f.region_code, 6), f.source, f.record_key, f.code, f.severity, f.region_code, f.person_id, f.detail_json, f.change,
                   rs.queue, rs.keputusan, rs.alasan,
                   %s
            from (select coalesce(c.region_code, p.region_code) as region_code, coalesce(c.source, p.source) as source,
                         coalesce(c.record_key, p.record_key) as record_key, coalesce(c.code, p.code) as code, coalesce(c.severity, p.severity) as severity,
                         coalesce(c.person_id, p.person_id) as person_id, coalesce(c.detail_json, p.detail_json)::text as detail_json,
                         case when p.code is null and not c.compared then 'NOT_COMPARED' when p.code is null then 'NEW'
                              when c.code is null then 'RESOLVED' else 'OPEN' end as change
                  from (select x.*, (k.everything or (x.source, x.code) in (select source, code from checked)) as compared
                        from padan.finding x, k where x.run_id = ?) c
                  full join (select x.* from padan.finding x, k where x.run_id = ?
                             and (k.everything or (x.source, x.code) in (select source, code from checked))) p
                       on p.source = c.source and p.record_key = c.record_key and p.code = c.code) f
                 %s
            left join review_status rs on rs.source = f.source and rs.record_key = f.record_key and rs.code = f.code
            order by 2 nulls last, 1, 3, 4 nulls first, 5, 6, 7""").formatted(KAB, nulls(), ROUTE);

    private static String nulls() {
        List<String> n = new ArrayList<>();
        for (int i = 0; i < DECISION_COLUMN_COUNT; i++) n.add("null");
        return String.join(", ", n);
    }
}
