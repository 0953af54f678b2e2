package id.padan.findings.internal;

import id.padan.findings.FindingRules;
import id.padan.findings.internal.rules.FindingRule;
import id.padan.findings.internal.rules.RuleBook;
import id.padan.reference.RegionReference;
import id.padan.store.RunChecks;
import id.padan.store.RunTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes the findings of one run, and each program row's outcome, in the caller's transaction: builds the run's
 * working tables ({@code run_rows}: every program row with its person and link; {@code duplicate_group};
 * {@code region_successor}), then runs one insert per rule of the {@link RuleBook}.
 */
public final class FindingsWriter {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FindingsWriter.class);
    private final FindingRules rules;

    public FindingsWriter(FindingRules rules) {
        this.rules = rules;
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
                       sr.person_id, sr.match_method, sr.match_score, coalesce(lk.explanation, rv.explanation) as explanation,
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
        for (FindingRule rule : RuleBook.forRun(rules, registry, loaded)) {
            long ruleStart = System.nanoTime();
            // Only on the programs where the run could make this check (a run made before checks were recorded: everywhere).
            Set<String> on = checks.checks().isEmpty() ? null : checks.ranOn(rule.code().name());
            if (on != null && on.isEmpty()) continue;
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into padan.finding (run_id, source, record_key, code, person_id, region_code, severity, detail, detail_json)
                    select ?, r.source, r.record_key, ?, r.person_id, r.region_code, ?, %s, %s
                    from run_rows r %s where (%s)%s""".formatted(rule.detail(), rule.json(), rule.join(), rule.condition(),
                    on == null ? "" : " and r.source = any(?)"))) {
                int i = 1;
                ps.setLong(i++, runId);
                ps.setString(i++, rule.code().name());
                ps.setString(i++, rules.severity(rule.code()).name());
                for (Object p : rule.parameters()) ps.setObject(i++, p);
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
}
