package id.padan.findings;

import id.padan.ingest.SourceMappings;
import id.padan.store.RunScope;
import id.padan.store.StageMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 */
@Component
public class FindingsStage implements Tasklet {
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
        long written;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            written = write(c, scope.runId(), scope.asOf(), registry);
            c.commit();
        }
        metrics.record(scope.runId(), NAME, written, start);
        return RepeatStatus.FINISHED;
    }

    long write(Connection c, long runId, LocalDate asOf, String registry) throws Exception {
        try (PreparedStatement del = c.prepareStatement("delete from padan.finding where run_id = ?")) {
            del.setLong(1, runId);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                create temporary table run_rows on commit drop as
                select st.source, st.record_key, st.nik_raw, st.nik, st.nik_status, st.nik_problem, st.region_kab, st.region_status,
                       st.program_status, st.birth_date, coalesce(st.region_desa, st.region_kec, st.region_kab) as region_code,
                       sr.person_id, sr.match_method, sr.explanation,
                       p.nik as person_nik, p.in_dukcapil, p.death_date, p.birth_date as person_birth, p.region_code as person_region,
                       st.source <> ? as program
                from padan.staged_row st
                join padan.source_record sr on sr.run_id = st.run_id and sr.source = st.source and sr.record_key = st.record_key
                join padan.person p on p.run_id = sr.run_id and p.person_id = sr.person_id
                where st.run_id = ?""")) {
            ps.setString(1, registry);
            ps.setLong(2, runId);
            ps.execute();
        }
        try (Statement st = c.createStatement()) {
            st.execute("create index on run_rows (person_id, source)");
            st.execute("analyze run_rows");
        }
        long total = 0;
        for (Rule rule : rules(registry)) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into padan.finding (run_id, source, record_key, code, person_id, region_code, severity, detail, detail_json)
                    select ?, r.source, r.record_key, ?, r.person_id, r.region_code, ?, %s, %s
                    from run_rows r where r.program and (%s)""".formatted(rule.detail(), rule.json(), rule.condition()))) {
                int i = 1;
                ps.setLong(i++, runId);
                ps.setString(i++, rule.code());
                ps.setString(i++, rules.severityOf(rule.code()));
                for (Object p : rule.params(asOf)) ps.setObject(i++, p);
                total += ps.executeUpdate();
            }
        }
        return total;
    }

    /** One finding code: a condition on a row of {@code run_rows r}, and how to describe it. */
    private record Rule(String code, String condition, String detail, String json, List<Object> conditionParams) {
        List<Object> params(LocalDate asOf) {
            List<Object> out = new ArrayList<>();
            for (Object p : conditionParams) out.add(p == AS_OF ? asOf : p);
            return out;
        }
    }

    private static final Object AS_OF = new Object();

    private List<Rule> rules(String registry) {
        List<Rule> list = new ArrayList<>();
        list.add(new Rule("NIK_MISSING", "r.nik_status = 'MISSING'",
                "case when r.in_dukcapil then 'NIK kosong atau placeholder; NIK Dukcapil ' || r.person_nik else 'NIK kosong atau placeholder' end",
                "jsonb_build_object('submitted', r.nik_raw, 'registry_nik', case when r.in_dukcapil then r.person_nik end)", List.of()));
        list.add(new Rule("NIK_MALFORMED", "r.nik_status = 'MALFORMED'",
                "r.nik_problem || case when r.in_dukcapil then '; NIK Dukcapil ' || r.person_nik else '' end",
                "jsonb_build_object('submitted', r.nik_raw, 'problem', r.nik_problem, 'registry_nik', case when r.in_dukcapil then r.person_nik end)",
                List.of()));
        list.add(new Rule("NIK_STRUCTURE", "r.nik_status = 'STRUCTURE'", "r.nik_problem",
                "jsonb_build_object('submitted', r.nik_raw, 'problem', r.nik_problem)", List.of()));
        list.add(new Rule("NIK_CORRECTED", "r.nik_status <> 'MISSING' and r.in_dukcapil and r.nik is distinct from r.person_nik",
                "'NIK ' || coalesce(r.nik, r.nik_raw) || ' -> ' || r.person_nik",
                "jsonb_build_object('submitted', r.nik_raw, 'corrected', r.person_nik, 'method', r.match_method)", List.of()));
        list.add(new Rule("NOT_IN_DUKCAPIL", "not r.in_dukcapil", "'tidak ditemukan di data Dukcapil'",
                "jsonb_build_object('submitted', r.nik_raw)", List.of()));
        list.add(new Rule("DUPLICATE_IN_PROGRAM",
                "exists (select 1 from run_rows d where d.person_id = r.person_id and d.source = r.source and d.record_key <> r.record_key)",
                "'orang yang sama tercatat ' || (select count(*) from run_rows d where d.person_id = r.person_id and d.source = r.source) || ' kali: ' || "
                        + "(select string_agg(d.record_key, ', ' order by d.record_key) from run_rows d where d.person_id = r.person_id and d.source = r.source)",
                "jsonb_build_object('records', (select jsonb_agg(d.record_key order by d.record_key) from run_rows d where d.person_id = r.person_id and d.source = r.source))",
                List.of()));
        list.add(new Rule("DECEASED_BENEFICIARY", "r.death_date is not null and r.death_date <= ?",
                "'meninggal ' || to_char(r.death_date, 'DD-MM-YYYY') || ' menurut Dukcapil'",
                "jsonb_build_object('death_date', r.death_date)", List.of(AS_OF)));
        for (FindingRules.GapRule g : rules.gaps()) {
            StringBuilder cond = new StringBuilder("r.source = ? and not exists (select 1 from run_rows e where e.person_id = r.person_id and e.source = ?");
            List<Object> params = new ArrayList<>(List.of(g.in(), g.expect()));
            if (!g.statuses().isEmpty()) {
                cond.append(" and e.program_status = any(?)");
                params.add(g.statuses().toArray(new String[0]));
            }
            cond.append(")");
            if (g.minAge() != null) {
                cond.append(" and date_part('year', age(?, coalesce(r.person_birth, r.birth_date))) >= ?");
                params.add(AS_OF);
                params.add(g.minAge());
            }
            if (g.maxAge() != null) {
                cond.append(" and date_part('year', age(?, coalesce(r.person_birth, r.birth_date))) <= ?");
                params.add(AS_OF);
                params.add(g.maxAge());
            }
            list.add(new Rule(g.code(), cond.toString(),
                    "'tidak ada di " + g.expect() + (g.statuses().isEmpty() ? "" : " (" + String.join("/", g.statuses()) + ")") + "'",
                    "jsonb_build_object('missing_program', '" + g.expect() + "')", params));
        }
        list.add(new Rule("REGION_MISMATCH",
                "r.in_dukcapil and r.region_kab is not null and r.person_region is not null and left(r.person_region, 4) <> r.region_kab"
                        + (rules.skipRetiredRegionCodes() ? " and r.region_status is distinct from 'RETIRED'" : ""),
                "'wilayah ' || r.region_code || ', domisili Dukcapil ' || r.person_region",
                "jsonb_build_object('row_region', r.region_code, 'registry_region', r.person_region)", List.of()));
        list.add(new Rule("ATTRIBUTE_MISMATCH", "r.explanation->>'attribute_mismatch' is not null",
                "r.explanation->>'attribute_mismatch'", "jsonb_build_object('differs', r.explanation->'attribute_mismatch')", List.of()));
        list.add(new Rule("REVIEW_POSSIBLE_MATCH", "r.explanation->>'review' is not null",
                "r.explanation->>'review'", "r.explanation->'review_candidate'", List.of()));
        return list;
    }
}
