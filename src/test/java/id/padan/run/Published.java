package id.padan.run;

import id.padan.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The published result of the current run, as readers of schema {@code reconciled} see it: persons, the link of
 * every loaded row to its person, and the findings. One text line per row, in a fixed order, to compare runs.
 */
record Published(long runId, List<String> persons, List<String> sourceRecords, List<String> findings) {

    static Published load(TestDatabase.Db db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            long run = Sql.longValue(c, "select run_id from reconciled.current_run");
            return new Published(run,
                    rows(c, "select person_id, nik, no_kk, name, birth_date, sex, region_code, death_date, in_dukcapil from reconciled.person order by person_id"),
                    rows(c, "select source, record_key, person_id, match_method, match_score from reconciled.source_record where run_id = " + run
                            + " order by source, record_key"),
                    rows(c, "select source, record_key, code, person_id, region_code, severity, detail from reconciled.finding where run_id = " + run
                            + " order by source, record_key, code"));
        }
    }

    private static List<String> rows(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** Same persons, links and findings (run ids aside). */
    void assertSameAs(Published expected) {
        org.assertj.core.api.Assertions.assertThat(persons).as("persons").isNotEmpty().containsExactlyElementsOf(expected.persons());
        org.assertj.core.api.Assertions.assertThat(sourceRecords).as("source records").isNotEmpty().containsExactlyElementsOf(expected.sourceRecords());
        org.assertj.core.api.Assertions.assertThat(findings).as("findings").isNotEmpty().containsExactlyElementsOf(expected.findings());
    }
}
