package id.padan.resolve.internal;

import id.padan.resolve.RowPair;
import id.padan.resolve.RowUnion;
import id.padan.store.CopyReader;
import id.padan.store.CopyWriter;
import id.padan.store.RunPartitions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolution of one run in the database, with memory bounded by an {@code int} a row whatever the size of the run.
 * The rules are {@code PersonResolver}'s, step by step:
 * <ol>
 * <li>the run's rows are numbered by source, then line, into a temporary table with what resolution reads of them
 *     (identity key and the id it had before included);</li>
 * <li>the accepted links stream from {@code padan.row_link} in the order they are applied (links to registry rows
 *     first, best score first) into a {@link RowUnion}; reviewers' must-links are applied before them and their
 *     cannot-links hold throughout; a link refused because it would join two registry persons is remembered;</li>
 * <li>each row's person (its first row) is written back with COPY; persons, their stable ids, the identities to
 *     remember, {@code padan.source_record} and {@code padan.person} are computed by set-based SQL from there.</li>
 * </ol>
 * Everything happens in the caller's transaction on one connection: a resolve that fails or is killed leaves
 * nothing, and the person id counter only moves when it commits.
 */
public final class JdbcResolution {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcResolution.class);
    private static final String SOURCE_RECORD = "padan.source_record";
    private static final String PERSON = "padan.person";
    private final Connection c;
    private final long runId;
    private final String registry;

    public JdbcResolution(Connection connection, long runId, String registrySource) {
        this.c = connection;
        this.runId = runId;
        this.registry = registrySource;
    }

    /** Rows resolved and persons found. */
    public record Counts(int rows, int persons) {}

    /** Resolves the run and replaces its {@code padan.person} and {@code padan.source_record} rows. */
    public Counts resolve(List<RowPair> mustLink, List<RowPair> cannotLink) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement st = c.createStatement()) {
            // One run resolves at a time: person ids are handed out under this lock.
            st.execute("lock table padan.person_identity in exclusive mode");
            numberRows(st);
        }
        int rows = (int) value("select count(*) from resolve_row");
        int regFrom = (int) value("select coalesce(min(row_no), 0) from resolve_row where registry");
        int regTo = (int) value("select coalesce(max(row_no) + 1, 0) from resolve_row where registry");
        RowUnion union = new RowUnion(rows, regFrom, regTo);
        applyDecisions(union, mustLink, cannotLink);
        long t1 = System.nanoTime();
        int refused = applyLinks(union);
        long t2 = System.nanoTime();
        writePersonOfRow(union);
        int persons;
        try (Statement st = c.createStatement()) {
            st.execute("""
                    create temporary table resolve_person on commit drop as
                    select o.person, count(*)::int as size, min(o.row_no) filter (where r.registry) as reg_row
                    from resolve_person_of o join resolve_row r using (row_no) group by o.person""");
            st.execute("create unique index on resolve_person (person)");
            st.execute("analyze resolve_person");
            persons = (int) value("select count(*) from resolve_person");
            assignIds(st);
            rememberIdentities(st);
            // each written into a fresh table of the run's own, whose indexes are built once when it is attached
            String records = RunPartitions.fresh(c, SOURCE_RECORD, runId);
            writeSourceRecords(st, records);
            RunPartitions.attach(c, SOURCE_RECORD, runId);
            String people = RunPartitions.fresh(c, PERSON, runId);
            writePersons(st, people);
            RunPartitions.attach(c, PERSON, runId);
        }
        long t3 = System.nanoTime();
        log.debug("resolve: ms number rows {}, union {} ({} links refused), write {}", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                refused, (t3 - t2) / 1_000_000);
        return new Counts(rows, persons);
    }

    private void numberRows(Statement st) throws SQLException {
        String reg = literal(registry);
        st.execute("""
                create temporary table resolve_row on commit drop as
                select r.*, i.person_id as known_id
                from (select (row_number() over (order by source collate "C", line_no) - 1)::int as row_no,
                             source, record_key, line_no, source = %1$s as registry, nik, nik_status = 'VALID' as valid_nik, kk, name,
                             birth_date, birth_date_status = 'OK' as birth_ok, sex, coalesce(region_desa, region_kec, region_kab) as region_code,
                             death_date,
                             case when source = %1$s then case when nik is not null then 'NIK:' || nik end
                                  else 'ROW:' || source || ':' || record_key end as identity_key
                      from padan.staged_row where run_id = %2$d) r
                left join padan.person_identity i on i.identity_key = r.identity_key""".formatted(reg, runId));
        st.execute("create unique index on resolve_row (row_no)");
        st.execute("create index on resolve_row (source, record_key)");
        st.execute("analyze resolve_row");
    }

    /** Reviewers' decisions, before any link: must-links join, cannot-links forbid (pairs naming a row not in the run are ignored). */
    private void applyDecisions(RowUnion union, List<RowPair> mustLink, List<RowPair> cannotLink) throws SQLException {
        if (mustLink.isEmpty() && cannotLink.isEmpty()) return;
        try (Statement st = c.createStatement()) {
            st.execute("create temporary table resolve_decision (must boolean, source text, record_key text, other_source text, other_key text) on commit drop");
        }
        try (CopyWriter w = new CopyWriter(c, "resolve_decision", "must, source, record_key, other_source, other_key")) {
            for (RowPair p : cannotLink) w.add(false).add(p.source()).add(p.recordKey()).add(p.otherSource()).add(p.otherKey()).endRow();
            for (RowPair p : mustLink) w.add(true).add(p.source()).add(p.recordKey()).add(p.otherSource()).add(p.otherKey()).endRow();
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
        // cannot-links first, so that no must-link can join what a reviewer kept apart
        CopyReader.read(c, """
                select d.must, a.row_no, b.row_no from resolve_decision d
                join resolve_row a on a.source = d.source and a.record_key = d.record_key
                join resolve_row b on b.source = d.other_source and b.record_key = d.other_key
                order by d.must, a.row_no, b.row_no""", 3, f -> {
            int a = Integer.parseInt(f[1]), b = Integer.parseInt(f[2]);
            if ("t".equals(f[0])) union.union(a, b);
            else union.cannotLink(a, b);
        });
    }

    /**
     * The run's links between rows of the run, by row number (review candidates included), then the accepted ones
     * streamed in the order they are applied; returns how many were refused.
     */
    private int applyLinks(RowUnion union) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    create temporary table resolve_link on commit drop as
                    select a.row_no as a, b.row_no as b, l.method, coalesce(l.score, 0) as score, l.target_source <> %s as to_program
                    from padan.row_link l
                    join resolve_row a on a.source = l.source and a.record_key = l.record_key
                    join resolve_row b on b.source = l.target_source and b.record_key = l.target_key
                    where l.run_id = %d""".formatted(literal(registry), runId));
            st.execute("create temporary table resolve_refused (a int, b int) on commit drop");
        }
        int[][] refused = {new int[16]};
        int[] n = {0};
        CopyReader.read(c, "select a, b from resolve_link where method <> 'REVIEW' order by to_program, score desc, a, b", 2, f -> {
            int a = Integer.parseInt(f[0]), b = Integer.parseInt(f[1]);
            if (!union.union(a, b)) {
                if (2 * n[0] + 2 > refused[0].length) refused[0] = java.util.Arrays.copyOf(refused[0], refused[0].length * 2);
                refused[0][2 * n[0]] = a;
                refused[0][2 * n[0] + 1] = b;
                n[0]++;
            }
        });
        if (n[0] > 0) {
            try (CopyWriter w = new CopyWriter(c, "resolve_refused", "a, b")) {
                for (int i = 0; i < n[0]; i++) w.add(refused[0][2 * i]).add(refused[0][2 * i + 1]).endRow();
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        }
        return n[0];
    }

    private void writePersonOfRow(RowUnion union) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create temporary table resolve_person_of (row_no int, person int) on commit drop");
        }
        try (CopyWriter w = new CopyWriter(c, "resolve_person_of", "row_no, person")) {
            for (int i = 0; i < union.size(); i++) w.add(i).add(union.find(i)).endRow();
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
        try (Statement st = c.createStatement()) {
            st.execute("create unique index on resolve_person_of (row_no)");
            st.execute("analyze resolve_person_of");
        }
    }

    /**
     * Stable ids: persons in turn (registry persons by first row, then the others largest first), each taking the
     * id of its registry NIK, else the id most of its program rows had before (ties to the lowest), if no person
     * before it took that id; persons left without one get fresh ids from the counter, in that order.
     */
    private void assignIds(Statement st) throws SQLException {
        st.execute("create temporary table resolve_id (person int, person_id bigint, fresh int) on commit drop");
        IdsTaken taken = new IdsTaken();
        // The choices are kept (an int and a long a person) and written after the query: one connection cannot
        // read and write a COPY at once.
        Choices chosen = new Choices();
        CopyReader.read(c, """
                with cand as (
                    select o.person, 0 as kind, 0::bigint as votes, r.known_id as id
                    from resolve_person_of o join resolve_row r using (row_no)
                    where r.registry and r.known_id is not null
                    union all
                    select o.person, 1, count(*), r.known_id
                    from resolve_person_of o join resolve_row r using (row_no)
                    where not r.registry and r.known_id is not null
                    group by o.person, r.known_id)
                select p.person, c.id from resolve_person p left join cand c using (person)
                order by p.reg_row is null, case when p.reg_row is null then -p.size else 0 end, p.person, c.kind, c.votes desc, c.id""",
                2, f -> {
                    int person = Integer.parseInt(f[0]);
                    if (!chosen.isLast(person)) chosen.add(person, -1);
                    if (chosen.lastId() >= 0 || f[1] == null) return;
                    long id = Long.parseLong(f[1]);
                    if (taken.add(id)) chosen.setLastId(id);
                });
        int fresh = 0;
        try (CopyWriter w = new CopyWriter(c, "resolve_id", "person, person_id, fresh")) {
            for (int i = 0; i < chosen.size; i++) {
                w.add(chosen.persons[i]);
                if (chosen.ids[i] >= 0) w.add(chosen.ids[i]).add((String) null);
                else w.add((String) null).add(fresh++);
                w.endRow();
            }
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
        long base = 0;
        if (fresh > 0) {
            // In this transaction: a resolve killed before it commits gives the ids back.
            try (PreparedStatement ps = c.prepareStatement("update padan.person_id_counter set last_id = last_id + ? returning last_id")) {
                ps.setInt(1, fresh);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    base = rs.getLong(1) - fresh + 1;
                }
            }
        }
        st.execute("""
                create temporary table resolve_pid on commit drop as
                select person, coalesce(person_id, %d + fresh) as person_id from resolve_id""".formatted(base));
        st.execute("create unique index on resolve_pid (person)");
        st.execute("analyze resolve_pid");
    }

    /** New or changed identities only; of rows sharing a key (registry rows of one NIK) the last person's row wins. */
    private void rememberIdentities(Statement st) throws SQLException {
        st.execute("""
                insert into padan.person_identity (identity_key, person_id)
                select distinct on (r.identity_key) r.identity_key, i.person_id
                from resolve_row r join resolve_person_of o using (row_no) join resolve_pid i using (person)
                where r.identity_key is not null and (r.known_id is null or r.known_id <> i.person_id)
                order by r.identity_key, o.person desc, r.row_no desc
                on conflict (identity_key) do update set person_id = excluded.person_id
                where padan.person_identity.person_id <> excluded.person_id""");
    }

    /**
     * How each row came to its person: REGISTRY for a registry row; its own link (the first accepted one in the
     * order links were applied) with that link's score; LINKED_VIA_CLUSTER when only others' links join it; REVIEW,
     * with the candidate's score, for a row alone whose candidate waits for a reviewer (undecided); else NEW_PERSON.
     */
    private void writeSourceRecords(Statement st, String table) throws SQLException {
        st.execute("""
                create temporary table resolve_own on commit drop as
                select distinct on (k.a) k.a as row_no, k.method, k.score
                from resolve_link k
                where k.method <> 'REVIEW' and not exists (select 1 from resolve_refused x where x.a = k.a and x.b = k.b)
                order by k.a, k.to_program, k.score desc, k.b""");
        st.execute("""
                create temporary table resolve_candidate on commit drop as
                select distinct on (k.a) k.a as row_no, k.score
                from resolve_link k where k.method = 'REVIEW'
                order by k.a, k.to_program, k.score desc, k.b""");
        st.execute("""
                insert into %s (run_id, source, record_key, line_no, person_id, match_method, match_score)
                select %d, r.source, r.record_key, r.line_no, i.person_id,
                       case when r.registry then 'REGISTRY' when w.method is not null then w.method
                            when p.size > 1 then 'LINKED_VIA_CLUSTER' when v.row_no is not null then 'REVIEW' else 'NEW_PERSON' end,
                       case when r.registry then 1.0 when w.method is not null then w.score
                            when p.size > 1 then 1.0 when v.row_no is not null then v.score else 0.0 end
                from resolve_row r join resolve_person_of o using (row_no) join resolve_person p using (person)
                join resolve_pid i using (person) left join resolve_own w on w.row_no = r.row_no
                left join resolve_candidate v on v.row_no = r.row_no""".formatted(table, runId));
    }

    /**
     * The golden record: a registry person is its registry row; another person takes the valid NIK most of its rows
     * carry (ties to the lowest) among NIKs no registry row of the run holds (one NIK, one person), and the first family card, name, valid birth date and sex its rows give, and the first
     * full desa code (else the first region code) in row order.
     */
    private void writePersons(Statement st, String table) throws SQLException {
        st.execute("""
                insert into %2$s (run_id, person_id, nik, no_kk, name, birth_date, sex, region_code, death_date, in_dukcapil)
                select %1$d, i.person_id, r.nik, r.kk, r.name, r.birth_date, r.sex, r.region_code, r.death_date, true
                from resolve_person p join resolve_row r on r.row_no = p.reg_row join resolve_pid i using (person)""".formatted(runId, table));
        st.execute("""
                insert into %2$s (run_id, person_id, nik, no_kk, name, birth_date, sex, region_code, death_date, in_dukcapil)
                select %1$d, i.person_id, v.nik, g.kk, g.name, g.birth_date, g.sex, g.region_code, null, false
                from (select o.person,
                             (array_agg(r.kk order by r.row_no) filter (where r.kk is not null))[1] as kk,
                             (array_agg(r.name order by r.row_no) filter (where r.name is not null))[1] as name,
                             (array_agg(r.birth_date order by r.row_no) filter (where r.birth_ok and r.birth_date is not null))[1] as birth_date,
                             (array_agg(r.sex order by r.row_no) filter (where r.sex is not null))[1] as sex,
                             coalesce((array_agg(r.region_code order by r.row_no) filter (where length(r.region_code) = 10))[1],
                                      (array_agg(r.region_code order by r.row_no) filter (where r.region_code is not null))[1]) as region_code
                      from resolve_person p join resolve_person_of o using (person) join resolve_row r using (row_no)
                      where p.reg_row is null group by o.person) g
                join resolve_pid i using (person)
                left join (select distinct on (person) person, nik
                           from (select o.person, r.nik, count(*) as votes
                                 from resolve_person p join resolve_person_of o using (person) join resolve_row r using (row_no)
                                 where p.reg_row is null and r.valid_nik and r.nik is not null
                                   and not exists (select 1 from resolve_row g where g.registry and g.nik = r.nik)
                                 group by o.person, r.nik) x
                           order by person, votes desc, nik collate "C") v using (person)""".formatted(runId, table));
    }

    private long value(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Persons in the order they chose, each with the earlier id it took or -1 (two growing arrays). */
    private static final class Choices {
        int[] persons = new int[1024];
        long[] ids = new long[1024];
        int size;

        boolean isLast(int person) {
            return size > 0 && persons[size - 1] == person;
        }

        void add(int person, long id) {
            if (size == persons.length) {
                persons = java.util.Arrays.copyOf(persons, size * 2);
                ids = java.util.Arrays.copyOf(ids, size * 2);
            }
            persons[size] = person;
            ids[size++] = id;
        }

        long lastId() {
            return ids[size - 1];
        }

        void setLastId(long id) {
            ids[size - 1] = id;
        }
    }

    /** Ids given out so far in this resolution: a bit per id below 2^31, a set above. */
    private static final class IdsTaken {
        private final BitSet low = new BitSet();
        private final Set<Long> high = new HashSet<>();

        boolean add(long id) {
            if (id >= 0 && id < Integer.MAX_VALUE) {
                if (low.get((int) id)) return false;
                low.set((int) id);
                return true;
            }
            return high.add(id);
        }
    }
}
