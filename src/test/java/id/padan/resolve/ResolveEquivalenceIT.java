package id.padan.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import id.padan.link.MatchMethod;
import id.padan.link.RowLink;
import id.padan.resolve.internal.JdbcResolution;
import id.padan.standardise.StagedRow;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The stage's resolution in the database ({@link JdbcResolution}: int row numbers, links streamed, SQL for the rest)
 * gives exactly what the rules give on lists ({@link PersonResolver}, the reference): the same persons with the same
 * ids and golden records, the same method and score for every row, and the same identities remembered, over two
 * nights of a random run full of chains (A-B-C), merges of program persons into registry persons, links that would
 * join two registry persons, tied scores, review candidates, links to rows not in the run, a NIK held by two registry
 * rows and votes between earlier ids.
 */
class ResolveEquivalenceIT {
    private static final String REG = "DUKCAPIL";
    private static final List<String> PROGRAMS = List.of("KIP", "PBI_JKN", "PKH");

    @Test
    void theDatabaseResolutionEqualsTheReferenceOverTwoNights() throws Exception {
        TestDatabase.Db db = TestDatabase.newDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            for (int night = 1; night <= 3; night++) {
                Random random = new Random(night * 7919L);
                List<StagedRow> rows = rows(random, night);
                List<RowLink> links = links(random, rows);
                long run = newRun(c, night, rows, links);
                assertSameResolution(c, run, rows, links);
            }
        }
    }

    private static void assertSameResolution(Connection c, long run, List<StagedRow> rows, List<RowLink> links) throws Exception {
        Map<String, Long> identitiesBefore = identities(c);
        long counter = longValue(c, "select last_id from padan.person_id_counter");
        // The reference, on the rows in the stage's order (source, then line) and the links with ties in row order.
        List<StagedRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing(StagedRow::source).thenComparingInt(StagedRow::lineNo));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) index.put(ordered.get(i).source() + ":" + ordered.get(i).recordKey(), i);
        List<RowLink> tiesInRowOrder = new ArrayList<>(links);
        tiesInRowOrder.sort(Comparator.comparingInt((RowLink l) -> index.getOrDefault(l.source() + ":" + l.recordKey(), -1))
                .thenComparingInt(l -> index.getOrDefault(l.targetSource() + ":" + l.targetKey(), -1)));
        MemoryIdentities ids = new MemoryIdentities(identitiesBefore, counter);
        PersonResolver.Resolution expected = new PersonResolver(REG).resolve(ordered, tiesInRowOrder, ids);

        c.setAutoCommit(false);
        new JdbcResolution(c, run, REG).resolve(List.of(), List.of());
        c.commit();
        c.setAutoCommit(true);

        List<String> expectedPersons = new ArrayList<>();
        for (Person p : expected.persons()) {
            expectedPersons.add(String.join("|", String.valueOf(p.personId()), String.valueOf(p.nik()), String.valueOf(p.noKk()), String.valueOf(p.name()),
                    String.valueOf(p.birthDate()), String.valueOf(p.sex()), String.valueOf(p.regionCode()), String.valueOf(p.deathDate()),
                    String.valueOf(p.inDukcapil())));
        }
        List<String> expectedRows = new ArrayList<>();
        for (ResolvedRow r : expected.rows()) {
            expectedRows.add(String.join("|", r.source(), r.recordKey(), String.valueOf(r.lineNo()), String.valueOf(r.personId()), r.method().name(),
                    String.valueOf(r.score())));
        }
        assertThat(strings(c, "select concat_ws('|', person_id, coalesce(nik, 'null'), coalesce(no_kk, 'null'), coalesce(name, 'null'),"
                + " coalesce(birth_date::text, 'null'), coalesce(sex, 'null'), coalesce(region_code, 'null'), coalesce(death_date::text, 'null'), case when in_dukcapil then 'true' else 'false' end)"
                + " from padan.person where run_id = " + run))
                .containsExactlyInAnyOrderElementsOf(expectedPersons);
        List<String> actualRows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select source, record_key, line_no, person_id, match_method, match_score from padan.source_record where run_id = " + run)) {
            while (rs.next()) {
                actualRows.add(String.join("|", rs.getString(1), rs.getString(2), String.valueOf(rs.getInt(3)), String.valueOf(rs.getLong(4)),
                        rs.getString(5), String.valueOf(rs.getDouble(6))));
            }
        }
        assertThat(actualRows).containsExactlyInAnyOrderElementsOf(expectedRows);
        Map<String, Long> identitiesAfter = new TreeMap<>(identitiesBefore);
        identitiesAfter.putAll(ids.written);
        assertThat(new TreeMap<>(identities(c))).isEqualTo(identitiesAfter);
        assertThat(longValue(c, "select last_id from padan.person_id_counter")).isEqualTo(ids.next - 1);
    }

    // ---- the random run ---------------------------------------------------------------------------

    private static final String[] NAMES = {"SITI AMINAH", "AHMAD", "BUDI SANTOSO", "NI LUH KETUT", "MUHAMMAD RIZKI", "DEWI"};
    private static final String[] REGIONS = {"3603010001", "3603020002", "360301", "3603", null};

    private static List<StagedRow> rows(Random random, int night) {
        List<StagedRow> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            if (night > 1 && random.nextInt(10) == 0) continue; // some registry rows leave
            String nik = i == 7 ? null : i == 6 ? nik(5) : nik(i); // R5 and R6 hold one NIK; R7 none
            rows.add(row(REG, "R" + i, i + 2, nik, nik == null ? "MISSING" : "VALID", random));
        }
        for (String source : PROGRAMS) {
            for (int i = 0; i < 40 + night * 5; i++) {
                if (night > 1 && random.nextInt(8) == 0) continue;
                int pick = random.nextInt(10);
                String nik = pick < 4 ? nik(random.nextInt(40)) : pick < 7 ? "3603019999990" + (100 + random.nextInt(6)) : pick < 8 ? "12345" : null;
                String status = nik == null ? "MISSING" : nik.length() == 16 ? "VALID" : "MALFORMED";
                rows.add(row(source, "P" + i, i + 2, nik, status, random));
            }
        }
        java.util.Collections.shuffle(rows, random);
        return rows;
    }

    private static String nik(int i) {
        return String.format("3603010101800%03d", i);
    }

    private static StagedRow row(String source, String key, int line, String nik, String nikStatus, Random random) {
        String region = REGIONS[random.nextInt(REGIONS.length)];
        String name = random.nextInt(8) == 0 ? null : NAMES[random.nextInt(NAMES.length)];
        LocalDate birth = random.nextInt(6) == 0 ? null : LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String birthStatus = birth == null ? "MISSING" : random.nextInt(5) == 0 ? "INVALID" : "OK";
        Character sex = random.nextInt(6) == 0 ? null : random.nextBoolean() ? 'L' : 'P';
        String kk = random.nextInt(3) == 0 ? null : "36030101018" + (10000 + random.nextInt(20));
        LocalDate death = source.equals(REG) && random.nextInt(10) == 0 ? LocalDate.of(2025, 3, 1) : null;
        return new StagedRow(source, key, line, nik, nik, nikStatus, null, kk, name, name, name, false, birth, birthStatus, sex, null,
                region != null && region.length() == 10 ? region : null, region != null && region.length() >= 6 ? region.substring(0, 6) : null,
                region != null ? region.substring(0, 4) : null, "KNOWN", death, null, null, null, null, null, null);
    }

    private static final double[] SCORES = {0.9, 0.95, 0.99, 0.99, 1.0};
    private static final MatchMethod[] TO_REGISTRY = {MatchMethod.EXACT_NIK, MatchMethod.PROBABILISTIC, MatchMethod.NIK_REPAIR_SWAP, MatchMethod.REVIEW};

    private static List<RowLink> links(Random random, List<StagedRow> rows) {
        List<StagedRow> registry = rows.stream().filter(r -> r.source().equals(REG)).toList();
        List<StagedRow> program = rows.stream().filter(r -> !r.source().equals(REG)).toList();
        List<RowLink> links = new ArrayList<>();
        for (StagedRow r : program) {
            int pick = random.nextInt(10);
            if (pick < 5) links.add(link(r, registry.get(random.nextInt(registry.size())), TO_REGISTRY[random.nextInt(TO_REGISTRY.length)], random));
            if (pick == 0) links.add(link(r, registry.get(random.nextInt(registry.size())), MatchMethod.PROBABILISTIC, random)); // a second registry person
            if (pick >= 3 && pick < 8) links.add(link(r, program.get(random.nextInt(program.size())),
                    random.nextBoolean() ? MatchMethod.DEDUP_PROBABILISTIC : MatchMethod.DEDUP_SAME_NIK, random));
            if (pick == 9) links.add(new RowLink(r.source(), r.recordKey(), REG, "R999", MatchMethod.EXACT_NIK, 1.0, null)); // not in the run
        }
        return links;
    }

    private static RowLink link(StagedRow from, StagedRow to, MatchMethod method, Random random) {
        return new RowLink(from.source(), from.recordKey(), to.source(), to.recordKey(), method, SCORES[random.nextInt(SCORES.length)], null);
    }

    // ---- database -----------------------------------------------------------------------------------

    private static long newRun(Connection c, int night, List<StagedRow> rows, List<RowLink> links) throws Exception {
        long run;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "insert into padan.run (as_of, input_dir, input_fingerprint) values (date '2026-11-2" + night + "', 'in', 'n" + night + "') returning run_id")) {
            rs.next();
            run = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into padan.staged_row (run_id, source, record_key, line_no, nik_raw, nik, nik_status, kk, name_raw, name, name_key, birth_date,
                    birth_date_status, sex, region_desa, region_kec, region_kab, region_status, death_date)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (StagedRow r : rows) {
                ps.setLong(1, run);
                ps.setString(2, r.source());
                ps.setString(3, r.recordKey());
                ps.setInt(4, r.lineNo());
                ps.setString(5, r.nikRaw());
                ps.setString(6, r.nik());
                ps.setString(7, r.nikStatus());
                ps.setString(8, r.kk());
                ps.setString(9, r.nameRaw());
                ps.setString(10, r.name());
                ps.setString(11, r.nameKey());
                ps.setObject(12, r.birthDate());
                ps.setString(13, r.birthDateStatus());
                ps.setString(14, r.sex() == null ? null : r.sex().toString());
                ps.setString(15, r.regionDesa());
                ps.setString(16, r.regionKec());
                ps.setString(17, r.regionKab());
                ps.setString(18, r.regionStatus());
                ps.setObject(19, r.deathDate());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into padan.row_link (run_id, source, record_key, target_source, target_key, method, score) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (RowLink l : links) {
                ps.setLong(1, run);
                ps.setString(2, l.source());
                ps.setString(3, l.recordKey());
                ps.setString(4, l.targetSource());
                ps.setString(5, l.targetKey());
                ps.setString(6, l.method().name());
                ps.setDouble(7, l.score());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return run;
    }

    private static Map<String, Long> identities(Connection c) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select identity_key, person_id from padan.person_identity")) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
    }

    private static List<String> strings(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static long longValue(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
