package id.padan.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link CopyWriter} writes is what PostgreSQL stores: escapes, UTF-8 beyond Latin-1, numbers, dates and values longer than its buffer. */
class CopyWriterIT {

    @Test
    void everyValueComesBackAsWritten() throws Exception {
        char[] longChars = new char[700_000]; // longer than the writer's buffer, with a non-Latin-1 char at the end
        Arrays.fill(longChars, 'a');
        longChars[longChars.length - 1] = '\u00e9';
        String longText = new String(longChars);
        List<String> texts = List.of("", "plain", "back\\slash", "tab\there", "line\nbreak", "cr\rlf", "\\N",
                "Jos\u00e9 Mu\u00f1oz", "\u4e2d\u6587", "emoji \ud83d\ude00 end", "\u20ac100", longText);
        List<Long> numbers = List.of(0L, 7L, 10L, 1_234_567_890_123L, Long.MAX_VALUE, -1L, Long.MIN_VALUE);
        List<LocalDate> dates = List.of(LocalDate.of(2026, 11, 24), LocalDate.of(1, 1, 1), LocalDate.of(999, 12, 31),
                LocalDate.of(9999, 12, 31), LocalDate.of(1945, 8, 17));

        TestDatabase.Db db = TestDatabase.newDatabase();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement()) {
            st.execute("create table t (i int, s text, n bigint, d date, b boolean, x double precision)");
            c.setAutoCommit(false);
            int rows = Math.max(texts.size(), Math.max(numbers.size(), dates.size())) + 1;
            try (CopyWriter w = new CopyWriter(c, "t", "i, s, n, d, b, x")) {
                for (int i = 0; i < rows; i++) {
                    w.add(i)
                            .add(i < texts.size() ? texts.get(i) : null)
                            .add(i < numbers.size() ? numbers.get(i) : null)
                            .add(i < dates.size() ? dates.get(i) : null)
                            .add(i % 2 == 0)
                            .add(i == 0 ? null : i == 1 ? Double.NaN : i / 3.0);
                    w.endRow();
                }
                assertThat(w.rows()).isEqualTo(rows);
            }
            c.commit();
            List<String> gotTexts = new ArrayList<>();
            List<Long> gotNumbers = new ArrayList<>();
            List<LocalDate> gotDates = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select s, n, d, b, x, i from t order by i")) {
                while (rs.next()) {
                    int i = rs.getInt(6);
                    gotTexts.add(rs.getString(1));
                    gotNumbers.add(rs.getObject(2) == null ? null : rs.getLong(2));
                    gotDates.add(rs.getObject(3, LocalDate.class));
                    assertThat(rs.getBoolean(4)).isEqualTo(i % 2 == 0);
                    Object x = rs.getObject(5);
                    if (i < 2) assertThat(x).isNull();
                    else assertThat(rs.getDouble(5)).isEqualTo(i / 3.0);
                }
            }
            assertThat(gotTexts.subList(0, texts.size())).containsExactlyElementsOf(texts);
            assertThat(gotTexts.subList(texts.size(), rows)).containsOnlyNulls();
            assertThat(gotNumbers.subList(0, numbers.size())).containsExactlyElementsOf(numbers);
            assertThat(gotDates.subList(0, dates.size())).containsExactlyElementsOf(dates);
        }
    }
}
