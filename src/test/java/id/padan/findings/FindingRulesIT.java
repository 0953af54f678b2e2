package id.padan.findings;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import id.padan.findings.internal.FindingsWriter;
import id.padan.reference.RegionReference;
import id.padan.store.RunPartitions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One small seeded database per finding rule: a few rows, persons and links written as the earlier stages write
 * them, then the findings writer, and exactly the expected rows carry the code (with the detail a reviewer reads).
 * Each test seeds its own run.
 */
class FindingRulesIT {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final FindingRules SHIPPED = FindingRules.load(Path.of("config"));
    private static TestDatabase.Db db;
    private static long nextRun = 0;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.newDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void nikMissingMalformedAndStructureFollowTheStandardisedStatus() throws Exception {
        try (Seed s = new Seed()) {
            s.registry(1, "3603010101800001", "AHMAD");
            s.program("PKH", "P1", 1, Map.of("nik_raw", "-", "nik_status", "MISSING"));
            s.program("PKH", "P2", 1, Map.of("nik_raw", "36030101018000", "nik", "36030101018000", "nik_status", "MALFORMED", "nik_problem", "14 digit"));
            s.program("PKH", "P3", 1, Map.of("nik_raw", "9903010101800001", "nik", "9903010101800001", "nik_status", "STRUCTURE"));
            s.program("PKH", "P4", 1, Map.of());
            Map<String, String> found = s.findings();
            assertThat(s.keysWith(found, FindingCode.NIK_MISSING)).containsExactly("P1");
            assertThat(s.keysWith(found, FindingCode.NIK_MALFORMED)).containsExactly("P2");
            assertThat(s.keysWith(found, FindingCode.NIK_STRUCTURE)).containsExactly("P3");
            assertThat(found.get("P1:NIK_MISSING")).isEqualTo("NIK kosong atau placeholder (-); NIK Dukcapil 360301**********");
            assertThat(found.get("P2:NIK_MALFORMED")).isEqualTo("NIK 360301********: 14 digit; NIK Dukcapil 360301**********");
            assertThat(found.get("P3:NIK_STRUCTURE")).isEqualTo("NIK 990301**********: struktur tidak mungkin; NIK Dukcapil 360301**********");
        }
    }

    @Test
    void nikCorrectedIsARowWhoseRegistryPersonCarriesAnotherNik() throws Exception {
        try (Seed s = new Seed()) {
            s.registry(1, "3603010101800001", "AHMAD");
            s.program("PKH", "P1", 1, Map.of("nik_raw", "3603010101800010", "nik", "3603010101800010", "match_method", "NIK_REPAIR_SWAP"));
            s.program("PKH", "P2", 1, Map.of()); // the same NIK: nothing to correct
            s.program("PKH", "P3", 1, Map.of("nik_raw", "", "nik_status", "MISSING")); // nothing sent: NIK_MISSING, not a correction
            s.program("PKH", "P4", 1, Map.of("nik_raw", "3603.0101.0180.0100", "nik", "3603010101800100", "match_method", "NIK_REPAIR_ONE_DIGIT"));
            Map<String, String> found = s.findings();
            assertThat(s.keysWith(found, FindingCode.NIK_CORRECTED)).containsExactly("P1", "P4");
            // The detail is text a reviewer may read: NIKs show six digits in any shape; the full values are facts of detail_json.
            assertThat(found.get("P4:NIK_CORRECTED")).isEqualTo("NIK dikirim 360301**********, NIK Dukcapil 360301********** (NIK_REPAIR_ONE_DIGIT)");
            assertThat(s.json("P4", FindingCode.NIK_CORRECTED)).contains("\"submitted\": \"3603.0101.0180.0100\"");
            assertThat(found.get("P1:NIK_CORRECTED")).isEqualTo("NIK dikirim 360301**********, NIK Dukcapil 360301********** (NIK_REPAIR_SWAP)");
            assertThat(s.json("P1", FindingCode.NIK_CORRECTED)).contains("\"corrected\": \"3603010101800001\"");
        }
    }

    @Test
    void notInDukcapilOnlyWhenTheRegistryExtractLoaded() throws Exception {
        try (Seed s = new Seed()) {
            s.registry(1, "3603010101800001", "AHMAD");
            s.unregistered(2);
            s.program("PKH", "P1", 1, Map.of());
            s.program("PKH", "P2", 2, Map.of("nik_raw", "3603019999990001", "match_method", "NEW_PERSON"));
            s.unregistered(3);
            // undecided: its registry candidate waits for a reviewer
            s.program("PKH", "P3", 3, Map.of("nik_raw", "", "nik_status", "MISSING", "match_method", "REVIEW"));
            Map<String, String> found = s.findings();
            assertThat(s.keysWith(found, FindingCode.NOT_IN_DUKCAPIL)).containsExactly("P2");
            assertThat(found.get("P2:NOT_IN_DUKCAPIL")).isEqualTo("tidak ditemukan di data Dukcapil (NIK dikirim 360301**********)");
        }
        try (Seed s = new Seed()) {
            s.unregistered(2);
            s.program("PKH", "P2", 2, Map.of("match_method", "NEW_PERSON"));
            s.notLoaded("DUKCAPIL");
            assertThat(s.keysWith(s.findings(), FindingCode.NOT_IN_DUKCAPIL)).isEmpty();
        }
    }

    @Test
    void attributeMismatchNamesTheFieldsTheLinkStageFoundDifferent() throws Exception {
        try (Seed s = new Seed()) {
            s.registry(1, "3603010101800001", "AHMAD");
            s.program("PKH", "P1", 1, Map.of("birth_date", LocalDate.of(1980, 2, 1), "sex", "P"));
            s.link("PKH", "P1", "EXACT_NIK", "{\"attribute_mismatch\": \"BIRTH_DATE,SEX\"}");
            s.program("PKH", "P2", 1, Map.of());
            s.link("PKH", "P2", "EXACT_NIK", "{\"method\": \"EXACT_NIK\"}");
            Map<String, String> found = s.findings();
            assertThat(s.keysWith(found, FindingCode.ATTRIBUTE_MISMATCH)).containsExactly("P1");
            assertThat(found.get("P1:ATTRIBUTE_MISMATCH"))
                    .isEqualTo("berbeda dari Dukcapil: BIRTH_DATE, SEX (dikirim AHMAD, 01-02-1980, P; Dukcapil AHMAD, 01-01-1980, L)");
            assertThat(s.json("P1", FindingCode.ATTRIBUTE_MISMATCH)).contains("\"fields\": [\"BIRTH_DATE\", \"SEX\"]");
        }
    }

    @Test
    void duplicateInProgramIsOnePersonTwiceInOneProgramNotInTwoPrograms() throws Exception {
        try (Seed s = new Seed()) {
            s.registry(1, "3603010101800001", "AHMAD");
            s.registry(2, "3603010101800002", "BUDI");
            s.program("PKH", "P1", 1, Map.of());
            s.program("PKH", "P2", 1, Map.of());
            s.program("PKH", "P3", 2, Map.of("nik_raw", "3603010101800002", "nik", "3603010101800002"));
            s.program("KIP", "K1", 2, Map.of("nik_raw", "3603010101800002", "nik", "3603010101800002"));
            Map<String, String> found = s.findings();
            assertThat(s.keysWith(found, FindingCode.DUPLICATE_IN_PROGRAM)).containsExactly("P1", "P2");
            assertThat(found.get("P2:DUPLICATE_IN_PROGRAM")).isEqualTo("orang yang sama tercatat 2 kali di PKH: P1, P2");
        }
    }

    @Test
    void deceasedBeneficiaryIsADeathOnOrBeforeTheAsOfDate() throws Exception {
        try (Seed s = new Seed()) {
            s.registry(1, "3603010101800001", "AHMAD", Map.of("death_date", AS_OF));
            s.registry(2, "3603010101800002", "BUDI", Map.of("death_date", AS_OF.plusDays(1)));
            s.program("PKH", "P1", 1, Map.of("name_deceased", true));
            s.program("PKH", "P2", 2, Map.of("nik_raw", "3603010101800002", "nik", "3603010101800002"));
            Map<String, String> found = s.findings();
            assertThat(s.keysWith(found, FindingCode.DECEASED_BENEFICIARY)).containsExactly("P1");
            assertThat(found.get("P1:DECEASED_BENEFICIARY")).isEqualTo("meninggal 23-11-2026 menurut Dukcapil (nama bertanda ALM.)");
        }
    }

    @Test
    void gapPkhNoPbiCountsOnlyActivePbiRowsAndNeedsBothExtracts() throws Exception {
        try (Seed s = new Seed()) {
            for (int p = 1; p <= 3; p++) s.registry(p, "360301010180000" + p, "ORANG " + p);
            s.program("PKH", "P1", 1, Map.of());
            s.program("PBI_JKN", "B1", 1, Map.of("program_status", "ACTIVE"));
            s.program("PKH", "P2", 2, Map.of("nik_raw", "3603010101800002", "nik", "3603010101800002"));
            s.program("PBI_JKN", "B2", 2, Map.of("program_status", "INACTIVE", "nik_raw", "3603010101800002", "nik", "3603010101800002"));
            s.program("PKH", "P3", 3, Map.of("nik_raw", "3603010101800003", "nik", "3603010101800003"));
            Map<String, String> found = s.findings();
            assertThat(s.keysWith(found, FindingCode.GAP_PKH_NO_PBI)).containsExactly("P2", "P3");
            assertThat(found.get("P3:GAP_PKH_NO_PBI")).isEqualTo("tidak ada di PBI_JKN (ACTIVE)");
            assertThat(s.json("P2", FindingCode.GAP_PKH_NO_PBI)).contains("\"has_inactive\": true");
            assertThat(s.json("P3", FindingCode.GAP_PKH_NO_PBI)).contains("\"has_inactive\": false");
        }
        try (Seed s = new Seed()) {
            s.registry(1, "3603010101800001", "AHMAD");
            s.program("PKH", "P1", 1, Map.of());
            s.notLoaded("PBI_JKN");
            assertThat(s.keysWith(s.findings(), FindingCode.GAP_PKH_NO_PBI)).isEmpty();
        }
    }

    @Test
    void gapPkhChildNoKipIsForSchoolAgeOnTheAsOfDate() throws Exception {
        try (Seed s = new Seed()) {
            // ages on 2026-11-23: 5 (turns 6 the next day), 6, 21, 22
            LocalDate[] births = {LocalDate.of(2020, 11, 24), LocalDate.of(2020, 11, 23), LocalDate.of(2005, 11, 24), LocalDate.of(2004, 11, 23)};
            for (int p = 1; p <= 4; p++) {
                s.registry(p, "360301010180000" + p, "ANAK " + p, Map.of("birth_date", births[p - 1]));
                s.program("PKH", "P" + p, p, Map.of("nik_raw", "360301010180000" + p, "nik", "360301010180000" + p, "birth_date", births[p - 1]));
            }
            Map<String, String> found = s.findings();
            assertThat(s.keysWith(found, FindingCode.GAP_PKH_CHILD_NO_KIP)).containsExactly("P2", "P3");
            assertThat(found.get("P2:GAP_PKH_CHILD_NO_KIP")).isEqualTo("tidak ada di KIP, umur 6 tahun");
        }
    }

    @Test
    void regionMismatchComparesKabupatenAndJudgesRetiredCodesAsConfigured() throws Exception {
        // A retired kecamatan code from the Kemendagri history, and a kabupaten it became.
        var successor = RegionReference.kemendagri().allSuccessors().entrySet().stream()
                .filter(e -> e.getKey().length() == 6 && e.getValue().size() == 1 && !e.getValue().contains(e.getKey().substring(0, 4)))
                .findFirst().orElseThrow();
        String oldKec = successor.getKey(), newKab = successor.getValue().iterator().next();
        for (FindingRules.RetiredCodes policy : FindingRules.RetiredCodes.values()) {
            FindingRules rules = new FindingRules(SHIPPED.severities(), SHIPPED.gaps(), policy);
            try (Seed s = new Seed(rules)) {
                s.registry(1, "3603010101800001", "AHMAD", Map.of("region_desa", "3603010001"));
                s.registry(2, "3603010101800002", "BUDI", Map.of("region_desa", newKab + "010001"));
                s.program("PKH", "P1", 1, Map.of("region_desa", "3671010001", "region_kec", "367101", "region_kab", "3671"));
                s.program("PKH", "P2", 1, Map.of()); // same kabupaten
                s.program("PKH", "P3", 2, Map.of("nik_raw", "3603010101800002", "nik", "3603010101800002", "region_desa", oldKec + "0001",
                        "region_kec", oldKec, "region_kab", oldKec.substring(0, 4), "region_status", "RETIRED"));
                Map<String, String> found = s.findings();
                var expected = switch (policy) {
                    case SUCCESSOR, SKIP -> new String[] {"P1"};
                    case REPORT -> new String[] {"P1", "P3"};
                };
                assertThat(s.keysWith(found, FindingCode.REGION_MISMATCH)).as(policy.name()).containsExactly(expected);
                assertThat(found.get("P1:REGION_MISMATCH")).isEqualTo("wilayah dikirim 3671010001, domisili Dukcapil 3603010001");
            }
        }
    }

    @Test
    void reviewPossibleMatchIsACandidateLeftForAReviewer() throws Exception {
        try (Seed s = new Seed()) {
            s.registry(1, "3603010101800001", "AHMAD");
            s.unregistered(2);
            s.program("PKH", "P1", 2, Map.of("nik_raw", "", "nik_status", "MISSING", "match_method", "NEW_PERSON"));
            s.link("PKH", "P1", "REVIEW", "{\"review\": \"kemungkinan orang yang sama\", \"review_candidate\": {\"source\": \"DUKCAPIL\"}}");
            s.program("PKH", "P2", 1, Map.of());
            Map<String, String> found = s.findings();
            assertThat(s.keysWith(found, FindingCode.REVIEW_POSSIBLE_MATCH)).containsExactly("P1");
            assertThat(found.get("P1:REVIEW_POSSIBLE_MATCH")).isEqualTo("perlu diperiksa: kemungkinan orang yang sama");
        }
    }

    @Test
    void everyFindingCarriesTheConfiguredSeverityAndTheRowsOutcomeListsItsCodes() throws Exception {
        try (Seed s = new Seed()) {
            s.registry(1, "3603010101800001", "AHMAD", Map.of("death_date", AS_OF, "birth_date", LocalDate.of(2010, 1, 1)));
            s.program("PKH", "P1", 1, Map.of("nik_raw", "-", "nik_status", "MISSING", "birth_date", LocalDate.of(2010, 1, 1)));
            s.findings();
            try (ResultSet rs = s.c.createStatement().executeQuery("select code, severity from padan.finding where run_id = " + s.run + " order by code")) {
                Map<String, String> severities = new TreeMap<>();
                while (rs.next()) severities.put(rs.getString(1), rs.getString(2));
                assertThat(severities).containsEntry("DECEASED_BENEFICIARY", "ERROR").containsEntry("NIK_MISSING", "WARNING")
                        .containsEntry("GAP_PKH_CHILD_NO_KIP", "WARNING");
            }
            try (ResultSet rs = s.c.createStatement().executeQuery("select codes from padan.row_outcome where run_id = " + s.run)) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("DECEASED_BENEFICIARY GAP_PKH_CHILD_NO_KIP GAP_PKH_NO_PBI NIK_MISSING");
            }
        }
    }

    /** One run's rows, persons and links, written as ingest, link and resolve write them; rolled back at the end. */
    private static final class Seed implements AutoCloseable {
        final Connection c;
        final long run = ++nextRun;
        final FindingRules rules;
        private int line = 0;

        Seed() throws Exception {
            this(SHIPPED);
        }

        Seed(FindingRules rules) throws Exception {
            this.rules = rules;
            c = DriverManager.getConnection(db.url(), db.user(), db.password());
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("insert into padan.run (run_id, as_of, input_dir, input_fingerprint) values (" + run + ", date '2026-11-23', 'in', 'x')");
                for (String source : new String[] {"DUKCAPIL", "PKH", "PBI_JKN", "KIP"}) {
                    st.execute("insert into padan.input_file (run_id, source, status) values (" + run + ", '" + source + "', 'LOADED')");
                }
            }
            // the run's partitions of resolve's tables, which the rows below go into
            for (String table : RunPartitions.TABLES) {
                RunPartitions.fresh(c, table, run);
                RunPartitions.attach(c, table, run);
            }
        }

        void notLoaded(String source) throws Exception {
            try (var st = c.createStatement()) {
                st.execute("update padan.input_file set status = 'MISSING' where run_id = " + run + " and source = '" + source + "'");
            }
        }

        void registry(long personId, String nik, String name) throws Exception {
            registry(personId, nik, name, Map.of());
        }

        /** A registry row and its person (record key = NIK). */
        void registry(long personId, String nik, String name, Map<String, Object> values) throws Exception {
            Map<String, Object> row = defaults(nik, name);
            row.putAll(values);
            insert("padan.staged_row", withRun(row, "DUKCAPIL", nik));
            insert("padan.source_record", Map.of("run_id", run, "source", "DUKCAPIL", "record_key", nik, "line_no", row.get("line_no"),
                    "person_id", personId, "match_method", "REGISTRY", "match_score", 1.0));
            Map<String, Object> p = new HashMap<>(Map.of("run_id", run, "person_id", personId, "nik", nik, "name", name, "in_dukcapil", true,
                    "birth_date", row.get("birth_date"), "sex", row.get("sex"), "region_code", row.get("region_desa")));
            if (row.get("death_date") != null) p.put("death_date", row.get("death_date"));
            insert("padan.person", p);
        }

        /** A person the registry lacks. */
        void unregistered(long personId) throws Exception {
            insert("padan.person", Map.of("run_id", run, "person_id", personId, "in_dukcapil", false));
        }

        /** A program row of person {@code personId}: by default AHMAD's NIK, name, birth date, sex and desa, linked by EXACT_NIK. */
        void program(String source, String key, long personId, Map<String, Object> values) throws Exception {
            Map<String, Object> row = defaults("3603010101800001", "AHMAD");
            row.putAll(values);
            Object method = row.remove("match_method");
            insert("padan.staged_row", withRun(row, source, key));
            insert("padan.source_record", Map.of("run_id", run, "source", source, "record_key", key, "line_no", row.get("line_no"),
                    "person_id", personId, "match_method", method == null ? "EXACT_NIK" : method, "match_score", 0.999));
        }

        /** The link stage's link of a row, with its explanation (the registry target is not read by findings). */
        void link(String source, String key, String method, String explanation) throws Exception {
            try (PreparedStatement ps = c.prepareStatement("insert into padan.row_link (run_id, source, record_key, target_source, target_key, method, score, "
                    + "explanation) values (?, ?, ?, 'DUKCAPIL', '3603010101800001', ?, 0.9, ?::jsonb)")) {
                ps.setLong(1, run);
                ps.setString(2, source);
                ps.setString(3, key);
                ps.setString(4, method);
                ps.setString(5, explanation);
                ps.executeUpdate();
            }
        }

        /** Runs the findings writer; "record key:code" to detail. */
        Map<String, String> findings() throws Exception {
            new FindingsWriter(rules).write(c, run, AS_OF, "DUKCAPIL");
            Map<String, String> out = new TreeMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("select record_key, code, detail from padan.finding where run_id = " + run)) {
                while (rs.next()) out.put(rs.getString(1) + ":" + rs.getString(2), rs.getString(3));
            }
            return out;
        }

        String[] keysWith(Map<String, String> found, FindingCode code) {
            return found.keySet().stream().filter(k -> k.endsWith(":" + code.name())).map(k -> k.substring(0, k.indexOf(':'))).sorted().toArray(String[]::new);
        }

        String json(String key, FindingCode code) throws Exception {
            try (PreparedStatement ps = c.prepareStatement("select detail_json::text from padan.finding where run_id = ? and record_key = ? and code = ?")) {
                ps.setLong(1, run);
                ps.setString(2, key);
                ps.setString(3, code.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }

        private Map<String, Object> defaults(String nik, String name) {
            Map<String, Object> row = new HashMap<>();
            row.put("line_no", ++line);
            row.put("nik_raw", nik);
            row.put("nik", nik);
            row.put("nik_status", "VALID");
            row.put("name_raw", name);
            row.put("name", name);
            row.put("birth_date", LocalDate.of(1980, 1, 1));
            row.put("birth_date_status", "OK");
            row.put("sex", "L");
            row.put("region_desa", "3603010001");
            row.put("region_kec", "360301");
            row.put("region_kab", "3603");
            row.put("region_status", "KNOWN");
            return row;
        }

        private Map<String, Object> withRun(Map<String, Object> row, String source, String key) {
            Map<String, Object> out = new HashMap<>(row);
            out.put("run_id", run);
            out.put("source", source);
            out.put("record_key", key);
            return out;
        }

        private void insert(String table, Map<String, Object> values) throws Exception {
            var names = values.keySet().stream().sorted().toList();
            String sql = "insert into " + table + " (" + String.join(", ", names) + ") values (" + "?, ".repeat(names.size() - 1) + "?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < names.size(); i++) ps.setObject(i + 1, values.get(names.get(i)));
                ps.executeUpdate();
            }
        }

        @Override
        public void close() throws Exception {
            c.rollback();
            c.close();
        }
    }
}
