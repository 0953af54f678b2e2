package id.padan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padan.findings.FindingCode;
import id.padan.findings.Severity;
import id.padan.ingest.FileStatus;
import id.padan.link.MatchMethod;
import id.padan.run.RunStatus;
import id.padan.standardise.DateStatus;
import id.padan.standardise.NikStatus;
import id.padan.standardise.RegionStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The words the tables accept (CHECK constraints of the migrations) are exactly the words of the enums the code uses. */
class VocabularyIT {
    private static TestDatabase.Db db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.newDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void everyStoredWordIsAnEnumWordAndEveryEnumWordCanBeStored() throws Exception {
        Set<String> linkMethods = names(EnumSet.range(MatchMethod.EXACT_NIK, MatchMethod.DEDUP_PROBABILISTIC));
        Set<String> rowMethods = names(EnumSet.allOf(MatchMethod.class));
        assertThat(allowed("row_link_method_known")).isEqualTo(linkMethods);
        assertThat(allowed("source_record_match_method_known")).isEqualTo(rowMethods);
        assertThat(allowed("row_outcome_match_method_known")).isEqualTo(rowMethods);
        assertThat(allowed("finding_code_known")).isEqualTo(names(EnumSet.allOf(FindingCode.class)));
        assertThat(allowed("finding_severity_known")).isEqualTo(names(EnumSet.allOf(Severity.class)));
        assertThat(allowed("run_status_known")).isEqualTo(names(EnumSet.allOf(RunStatus.class)));
        assertThat(allowed("input_file_status_known")).isEqualTo(names(EnumSet.allOf(FileStatus.class)));
        assertThat(allowed("staged_row_nik_status_known")).isEqualTo(names(EnumSet.allOf(NikStatus.class)));
        assertThat(allowed("staged_row_birth_date_status_known")).isEqualTo(names(EnumSet.allOf(DateStatus.class)));
        assertThat(allowed("staged_row_region_status_known")).isEqualTo(names(EnumSet.allOf(RegionStatus.class)));
    }

    @Test
    void aWordOutsideTheVocabularyIsRefused() throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); var st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("insert into padan.finding (run_id, source, record_key, code, severity) values (1, 'PKH', 'A', 'NIK_CORECTED', 'ERROR')"))
                    .hasMessageContaining("finding_code_known");
            assertThatThrownBy(() -> st.execute("insert into padan.row_link (run_id, source, record_key, target_source, target_key, method) "
                    + "values (1, 'PKH', 'A', 'DUKCAPIL', 'B', 'EXACT')")).hasMessageContaining("row_link_method_known");
            st.execute("insert into padan.finding (run_id, source, record_key, code, severity) values (1, 'PKH', 'A', 'NIK_CORRECTED', 'ERROR')");
        }
    }

    /** The quoted words of a CHECK (... in (...)) constraint. */
    private static Set<String> allowed(String constraint) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             var ps = c.prepareStatement("select pg_get_constraintdef(oid) from pg_constraint where conname = ?")) {
            ps.setString(1, constraint);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(constraint).isTrue();
                Set<String> words = new TreeSet<>();
                Matcher m = Pattern.compile("'([A-Z_]+)'").matcher(rs.getString(1));
                while (m.find()) words.add(m.group(1));
                return words;
            }
        }
    }

    private static <E extends Enum<E>> Set<String> names(Set<E> values) {
        return values.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

}
