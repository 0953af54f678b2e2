package id.padan.findings;

import id.padan.ingest.SourceMappings;
import id.padan.reference.RegionReference;
import id.padan.store.RunChecks;
import id.padan.store.RunScope;
import id.padan.store.RunTables;
import id.padan.store.StageMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Stage 4: the findings of a run, as set-based SQL over the resolved rows (one statement per code),
 * with the rules of {@code config/findings.yml}. Runs in one transaction and replaces any findings
 * an earlier attempt of the same run wrote.
 *
 * <p>Every finding is on a program row and carries the row's own region (desa, else kecamatan, else
 * kabupaten code as sent: the office that sent the row is the one that can fix it), a severity from
 * configuration, an Indonesian {@code detail} text and a {@code detail_json} with the same facts as data
 * (submitted and registry NIK, death date, missing program, differing attributes, link evidence) from
 * which the reports write their text in either language.
 *
 * <p>A code is computed only on the programs where the run could make the check ({@link CheckPlan}, stored in
 * {@code padan.run_check} by ingest): without a PBI_JKN extract no PKH row has a PBI gap. The link stage drives two codes through keys of {@code source_record.explanation}:
 * {@code attribute_mismatch} (the fields, any of {@code name}, {@code birth_date}, {@code sex}: comma-separated
 * text, an array of names or an object keyed by them) gives {@code ATTRIBUTE_MISMATCH}; {@code review} (a reason,
 * text or object) gives {@code REVIEW_POSSIBLE_MATCH}, with {@code review_candidate} (the candidate row
 * and its score) as evidence.
 */
@Component
public class FindingsStage implements Tasklet {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FindingsStage.class);
    public static final String NAME = "findings";
    private final DataSource dataSource;
    private final SourceMappings mappings;
    private final FindingRules rules;
    private final StageMetrics metrics;

    public FindingsStage(DataSource dataSource, SourceMappings mappings, FindingRules rules, StageMetrics metrics) {
        this.dataSource = dataSource;
        this.mappings = mappings;
        this.rules = rules;
        this.metrics = metrics;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        long start = System.nanoTime();
        RunScope scope = RunScope.of(chunk);
        String registry = mappings.registry().map(m -> m.source()).orElse("");
        long written, examined;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            written = write(c, scope.runId(), scope.asOf(), registry);
            c.commit();
            try (var ps = c.prepareStatement("select count(*) from padan.source_record where run_id = ?")) {
                ps.setLong(1, scope.runId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    examined = rs.getLong(1);
                }
            }
        }
        // The stage's throughput is the rows it examined; the findings written are in the summary.
        metrics.progress(String.format(java.util.Locale.ROOT, "findings  %,d findings written", written));
        metrics.record(scope.runId(), NAME, examined, start);
        return RepeatStatus.FINISHED;
    }

    /** Replaces the findings of run {@code runId}; returns how many were written. Runs in the caller's transaction. */
    public long write(Connection c, long runId, LocalDate asOf, String registry) throws Exception {
        long begun = System.nanoTime();
        RunTables.clear(c, runId, "padan.finding");
        try (Statement st = c.createStatement()) {
            // Whole-run joins and sorts: in memory rather than in temporary files, and without JIT compiling
            // each statement (it costs more than it saves on these one-off bulk statements).
            st.execute("set local work_mem = '1GB'");
            st.execute("set local jit = off");
        }
        try (PreparedStatement ps = c.prepareStatement("select set_config('padan.as_of', ?, true)")) {
            ps.setString(1, asOf.toString());
            ps.execute();
        }
        RunChecks checks = RunChecks.load(c, runId);
        Set<String> loaded = loadedSources(c, runId);
        try (PreparedStatement ps = c.prepareStatement("""
                create temporary table run_rows on commit drop as
                select st.source, st.record_key, st.line_no, st.nik_raw, st.nik, st.nik_status, st.nik_problem, st.name_raw, st.name, st.name_deceased,
                       st.birth_date, st.birth_date_status, st.sex, st.region_kab, st.region_status, st.program_status,
                       coalesce(st.region_desa, st.region_kec, st.region_kab) as region_code,
                       sr.person_id, sr.match_method, sr.match_score, coalesce(sr.explanation, lk.explanation, rv.explanation) as explanation,
                       p.nik as person_nik, p.in_dukcapil, p.death_date, p.birth_date as person_birth, p.region_code as person_region,
                       p.name as person_name, p.sex as person_sex, reg.name_raw as person_name_raw,
                       count(*) over (partition by sr.person_id, st.source) as rows_of_person
                from padan.staged_row st
                join padan.source_record sr on sr.run_id = st.run_id and sr.source = st.source and sr.record_key = st.record_key
                join padan.person p on p.run_id = sr.run_id and p.person_id = sr.person_id
                left join padan.row_link lk on lk.run_id = st.run_id and lk.source = st.source and lk.record_key = st.record_key and lk.method <> 'REVIEW'
                left join padan.row_link rv on rv.run_id = st.run_id and rv.source = st.source and rv.record_key = st.record_key and rv.method = 'REVIEW'
                left join padan.staged_row reg on reg.run_id = p.run_id and reg.source = ? and reg.record_key = p.nik and p.in_dukcapil
                where st.run_id = ? and st.source <> ?""")) {
            ps.setString(1, registry);
            ps.setLong(2, runId);
            ps.setString(3, registry);
            ps.execute();
        }
        try (Statement st = c.createStatement()) {
            st.execute("create index on run_rows (person_id, source)");
            st.execute("analyze run_rows");
            // Who else is in the program with the same person: the evidence a reviewer needs to pick the row to keep.
            st.execute("""
                    create temporary table duplicate_group on commit drop as
                    select person_id, source, count(*) as n, array_agg(record_key order by record_key) as keys
                    from run_rows where rows_of_person > 1 group by person_id, source""");
            st.execute("create index on duplicate_group (person_id, source)");
            st.execute("analyze duplicate_group");
        }
        regionSuccessors(c);
        long total = 0;
        log.debug("findings: working tables ready in {} ms", (System.nanoTime() - begun) / 1_000_000);
        for (Rule rule : rules(registry, loaded)) {
            long ruleStart = System.nanoTime();
            // Only on the programs where the run could make this check (a run made before checks were recorded: everywhere).
            Set<String> on = checks.checks().isEmpty() ? null : checks.ranOn(rule.code());
            if (on != null && on.isEmpty()) continue;
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into padan.finding (run_id, source, record_key, code, person_id, region_code, severity, detail, detail_json)
                    select ?, r.source, r.record_key, ?, r.person_id, r.region_code, ?, %s, %s
                    from run_rows r %s where (%s)%s""".formatted(rule.detail(), rule.json(), rule.join(), rule.condition(),
                    on == null ? "" : " and r.source = any(?)"))) {
                int i = 1;
                ps.setLong(i++, runId);
                ps.setString(i++, rule.code());
                ps.setString(i++, rules.severityOf(rule.code()));
                for (Object p : rule.conditionParams()) ps.setObject(i++, p);
                if (on != null) ps.setArray(i++, c.createArrayOf("text", on.toArray()));
                total += ps.executeUpdate();
            }
            log.debug("findings: {} in {} ms", rule.code(), (System.nanoTime() - ruleStart) / 1_000_000);
        }
        long outcomes = System.nanoTime();
        writeOutcomes(c, runId);
        log.debug("findings: row outcomes in {} ms", (System.nanoTime() - outcomes) / 1_000_000);
        return total;
    }

    /**
     * One row per program row with its person, link, registry values and finding codes, for the deliver stage.
     * The link explanation is kept for rows with findings only: reports show it as the evidence of a finding,
     * and the explanation of every link stays queryable in {@code reconciled.source_record}.
     */
    private static void writeOutcomes(Connection c, long runId) throws Exception {
        RunTables.clear(c, runId, "padan.row_outcome");
        try (PreparedStatement ps = c.prepareStatement("""
                insert into padan.row_outcome (run_id, source, record_key, line_no, region_code, region_kab, person_id, match_method, match_score,
                    explanation, nik_raw, nik, name_raw, name, birth_date, sex, in_dukcapil, reg_nik, reg_name_raw, reg_name, reg_birth, reg_sex,
                    reg_death, codes)
                select ?, r.source, r.record_key, r.line_no, r.region_code, r.region_kab, r.person_id, r.match_method, r.match_score,
                       case when f.codes is not null then r.explanation end, r.nik_raw, r.nik, r.name_raw, r.name, r.birth_date, r.sex, r.in_dukcapil,
                       case when r.in_dukcapil then r.person_nik end, r.person_name_raw, case when r.in_dukcapil then r.person_name end,
                       case when r.in_dukcapil then r.person_birth end, case when r.in_dukcapil then r.person_sex end, r.death_date, f.codes
                from run_rows r
                left join (select source, record_key, string_agg(code, ' ' order by code) as codes
                           from padan.finding where run_id = ? group by source, record_key) f on f.source = r.source and f.record_key = r.record_key""")) {
            ps.setLong(1, runId);
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
    }

    /** Retired kecamatan and kabupaten codes and the kabupaten they became, for REGION_MISMATCH (see {@link FindingRules.RetiredCodes}). */
    private static void regionSuccessors(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("create temporary table region_successor (old_code text, new_kab text) on commit drop");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into region_successor values (?, ?)")) {
            for (var e : RegionReference.kemendagri().allSuccessors().entrySet()) {
                for (String to : e.getValue()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, to);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static Set<String> loadedSources(Connection c, long runId) throws Exception {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select source from padan.input_file where run_id = ? and status = 'LOADED'")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** One finding code: a condition on a row of {@code run_rows r} (with an optional join), and how to describe it. */
    private record Rule(String code, String join, String condition, String detail, String json, List<Object> conditionParams) {
        Rule(String code, String condition, String detail, String json) {
            this(code, "", condition, detail, json, List.of());
        }

    }

    /** What a reviewer needs to check a NIK finding: the value as sent, and the registry NIK when the person is known. */
    private static final String NIK_JSON = "'submitted', r.nik_raw, 'cleaned', r.nik, 'problem', r.nik_problem, "
            + "'registry_nik', case when r.in_dukcapil then r.person_nik end, 'method', r.match_method, 'score', r.match_score";
    private static final String REGISTRY_NIK_TEXT = "case when r.in_dukcapil then '; NIK Dukcapil ' || r.person_nik else '' end";

    private List<Rule> rules(String registry, Set<String> loaded) {
        List<Rule> list = new ArrayList<>();
        list.add(new Rule("NIK_MISSING", "r.nik_status = 'MISSING'",
                "'NIK kosong atau placeholder (' || coalesce(nullif(trim(r.nik_raw), ''), 'kosong') || ')'" + " || " + REGISTRY_NIK_TEXT,
                "jsonb_build_object(" + NIK_JSON + ")"));
        list.add(new Rule("NIK_MALFORMED", "r.nik_status = 'MALFORMED'",
                "'NIK ' || coalesce(r.nik_raw, '') || ': ' || coalesce(r.nik_problem, 'bukan 16 digit') || " + REGISTRY_NIK_TEXT,
                "jsonb_build_object(" + NIK_JSON + ")"));
        list.add(new Rule("NIK_STRUCTURE", "r.nik_status = 'STRUCTURE'",
                "'NIK ' || coalesce(r.nik, r.nik_raw) || ': ' || coalesce(r.nik_problem, 'struktur tidak mungkin') || " + REGISTRY_NIK_TEXT,
                "jsonb_build_object(" + NIK_JSON + ")"));
        // A row that carried a NIK (malformed ones included) and resolves to a registry person with another NIK.
        list.add(new Rule("NIK_CORRECTED", "r.nik_status <> 'MISSING' and r.in_dukcapil and r.nik is distinct from r.person_nik",
                "'NIK dikirim ' || coalesce(r.nik_raw, '') || ', NIK Dukcapil ' || r.person_nik || ' (' || r.match_method || ')'",
                "jsonb_build_object(" + NIK_JSON + ", 'corrected', r.person_nik)"));
        if (loaded.contains(registry)) {
            list.add(new Rule("NOT_IN_DUKCAPIL", "not r.in_dukcapil",
                    "'tidak ditemukan di data Dukcapil (NIK dikirim ' || coalesce(nullif(trim(r.nik_raw), ''), 'kosong') || ')'",
                    "jsonb_build_object('submitted', r.nik_raw, 'cleaned', r.nik, 'nik_status', r.nik_status, 'method', r.match_method)"));
        }
        list.add(new Rule("DUPLICATE_IN_PROGRAM", "join duplicate_group d on d.person_id = r.person_id and d.source = r.source", "true",
                "'orang yang sama tercatat ' || d.n || ' kali di ' || r.source || ': ' || array_to_string(d.keys, ', ')",
                "jsonb_build_object('count', d.n, 'records', to_jsonb(d.keys), 'registry_nik', case when r.in_dukcapil then r.person_nik end)",
                List.of()));
        list.add(new Rule("DECEASED_BENEFICIARY", "", "r.death_date is not null and r.death_date <= " + AS_OF,
                "'meninggal ' || to_char(r.death_date, 'DD-MM-YYYY') || ' menurut Dukcapil' || case when r.name_deceased then ' (nama bertanda ALM.)' else '' end",
                "jsonb_build_object('death_date', r.death_date, 'name_marked_deceased', r.name_deceased, 'registry_nik', r.person_nik)",
                List.of()));
        for (FindingRules.GapRule g : rules.gaps()) {
            if (!loaded.contains(g.expect()) || !loaded.contains(g.in())) continue;
            StringBuilder cond = new StringBuilder("r.source = ? and not exists (select 1 from run_rows e where e.person_id = r.person_id and e.source = ?");
            List<Object> params = new ArrayList<>(List.of(g.in(), g.expect()));
            if (!g.statuses().isEmpty()) {
                cond.append(" and e.program_status = any(?)");
                params.add(g.statuses().toArray(new String[0]));
            }
            cond.append(")");
            String age = "date_part('year', age(" + AS_OF + ", coalesce(r.person_birth, r.birth_date)))";
            if (g.minAge() != null) {
                cond.append(" and ").append(age).append(" >= ?");
                params.add(g.minAge());
            }
            if (g.maxAge() != null) {
                cond.append(" and ").append(age).append(" <= ?");
                params.add(g.maxAge());
            }
            String statuses = g.statuses().isEmpty() ? "" : " (" + String.join("/", g.statuses()) + ")";
            boolean aged = g.minAge() != null || g.maxAge() != null;
            list.add(new Rule(g.code(), "", cond.toString(),
                    "'tidak ada di " + g.expect() + statuses + "'"
                            + (aged ? " || ', umur ' || date_part('year', age(" + AS_OF + ", coalesce(r.person_birth, r.birth_date)))::int || ' tahun'" : ""),
                    "jsonb_build_object('missing_program', '" + g.expect() + "', 'statuses', '" + String.join(",", g.statuses()) + "'"
                            + (aged ? ", 'age', date_part('year', age(" + AS_OF + ", coalesce(r.person_birth, r.birth_date)))::int" : "")
                            + ", 'has_inactive', exists (select 1 from run_rows e where e.person_id = r.person_id and e.source = '" + g.expect() + "'))",
                    params));
        }
        list.add(new Rule("REGION_MISMATCH",
                "r.in_dukcapil and r.region_kab is not null and r.person_region is not null and left(r.person_region, 4) <> r.region_kab"
                        + switch (rules.retiredRegionCodes()) {
                            case SKIP -> " and r.region_status is distinct from 'RETIRED'";
                            case SUCCESSOR -> " and not exists (select 1 from region_successor s where s.old_code = left(r.region_code, 6)"
                                    + " and s.new_kab = left(r.person_region, 4))";
                            case REPORT -> "";
                        },
                "'wilayah dikirim ' || r.region_code || case when r.region_status = 'RETIRED' then ' (kode lama sebelum pemekaran)' else '' end"
                        + " || ', domisili Dukcapil ' || r.person_region",
                "jsonb_build_object('row_region', r.region_code, 'registry_region', r.person_region, 'row_region_status', r.region_status)"));
        list.add(new Rule("ATTRIBUTE_MISMATCH", present("attribute_mismatch"),
                "'berbeda dari Dukcapil: ' || " + MISMATCH_FIELDS + " || ' (dikirim ' || coalesce(r.name_raw, '-') || ', ' || coalesce(to_char(r.birth_date, 'DD-MM-YYYY'), '-')"
                        + " || ', ' || coalesce(r.sex, '-') || '; Dukcapil ' || coalesce(r.person_name, '-') || ', ' || coalesce(to_char(r.person_birth, 'DD-MM-YYYY'), '-')"
                        + " || ', ' || coalesce(r.person_sex, '-') || ')'",
                "jsonb_build_object('fields', " + MISMATCH_FIELDS_JSON + ", 'row', jsonb_build_object('name', r.name_raw, 'birth_date', r.birth_date, 'sex', r.sex),"
                        + " 'registry', jsonb_build_object('nik', r.person_nik, 'name', r.person_name, 'birth_date', r.person_birth, 'sex', r.person_sex),"
                        + " 'evidence', r.explanation->'attribute_mismatch', 'method', r.match_method, 'score', r.match_score)"));
        list.add(new Rule("REVIEW_POSSIBLE_MATCH", present("review"),
                "'perlu diperiksa: ' || case when jsonb_typeof(r.explanation->'review') = 'string' then r.explanation->>'review' else (r.explanation->'review')::text end",
                "jsonb_build_object('review', r.explanation->'review', 'candidate', r.explanation->'review_candidate', 'method', r.match_method,"
                        + " 'score', r.match_score, 'explanation', r.explanation)"));
        return list;
    }

    /** The differing fields named by the link stage, as text: an array of names or the keys of an object. */
    private static final String MISMATCH_FIELDS_JSON = "(case jsonb_typeof(r.explanation->'attribute_mismatch')"
            + " when 'array' then r.explanation->'attribute_mismatch'"
            + " when 'object' then (select jsonb_agg(k order by k) from jsonb_object_keys(r.explanation->'attribute_mismatch') k)"
            + " else to_jsonb(string_to_array(replace(r.explanation->>'attribute_mismatch', ' ', ''), ',')) end)";
    private static final String MISMATCH_FIELDS = "(select string_agg(f, ', ') from jsonb_array_elements_text(" + MISMATCH_FIELDS_JSON + ") f)";

    /** True when the link explanation has {@code key} with a value that says something (not null, false or empty). */
    private static String present(String key) {
        return "coalesce(r.explanation->'" + key + "', 'null'::jsonb) not in ('null'::jsonb, 'false'::jsonb, '[]'::jsonb, '{}'::jsonb, '\"\"'::jsonb)";
    }

    /** The run's as-of date inside a statement (set once per transaction by {@link #write}). */
    private static final String AS_OF = "current_setting('padan.as_of')::date";
}
