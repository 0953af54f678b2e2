package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A bad byte is a bad row: a NUL byte (which PostgreSQL text cannot hold) rejects its row with file, line and
 * reason, the run completes, and the rejected text is stored with the NUL written visibly. A file without its
 * header is named with the problem, and no value of the row it took for a header reaches the log or the history.
 */
class BadBytesIT {

    @Test
    void aNulByteRejectsItsRowAndTheRunCompletes(@TempDir Path tmp) throws Exception {
        Path input = Extracts.copyInto(tmp.resolve("in"));
        Path pkh = file(input, "pkh");
        List<String> lines = new ArrayList<>(Files.readAllLines(pkh, StandardCharsets.ISO_8859_1));
        int lineNo = 5;
        String line = lines.get(lineNo - 1);
        int cut = line.indexOf(';', line.indexOf(';') + 1) + 3; // inside the NIK
        lines.set(lineNo - 1, line.substring(0, cut) + '\0' + line.substring(cut));
        Files.write(pkh, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1));

        TestDatabase.Db db = TestDatabase.newDatabase();
        InProcess.Result r = InProcess.padan(db, "run", "--input", input.toString(), "--as-of", Extracts.AS_OF,
                "--out", tmp.resolve("out").toString(), "--config", PadanProcess.CONFIG.toString());
        assertThat(r.exit()).as(r.output()).isZero();

        JdbcTemplate jdbc = jdbc(db);
        List<Map<String, Object>> rejects = jdbc.queryForList(
                "select file_name, line_no, raw_text, reason from padan.rejected_row where source = 'PKH' and line_no = ?", lineNo);
        assertThat(rejects).hasSize(1);
        assertThat(rejects.get(0).get("file_name")).isEqualTo(pkh.getFileName().toString());
        assertThat((String) rejects.get(0).get("reason")).contains("control character 0x0");
        assertThat((String) rejects.get(0).get("raw_text")).isEqualTo(line.substring(0, cut) + "\\x00" + line.substring(cut));
        assertThat(jdbc.queryForObject("select status from padan.run where run_id = 1", String.class)).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("select status from padan.input_file where run_id = 1 and source = 'PKH'", String.class)).isEqualTo("LOADED");
    }

    @Test
    void aFileWithoutItsHeaderIsNamedAndNoValueOfItsFirstRowIsLoggedOrKept(@TempDir Path tmp) throws Exception {
        Path input = Extracts.copyInto(tmp.resolve("in"));
        Path kip = file(input, "kip");
        List<String> lines = Files.readAllLines(kip, StandardCharsets.ISO_8859_1);
        Files.write(kip, (String.join("\n", lines.subList(1, lines.size())) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        String firstRow = lines.get(1);

        TestDatabase.Db db = TestDatabase.newDatabase();
        InProcess.Result run = InProcess.padan(db, "run", "--input", input.toString(), "--as-of", Extracts.AS_OF,
                "--out", tmp.resolve("out").toString(), "--config", PadanProcess.CONFIG.toString(), "--allow-partial");
        assertThat(run.exit()).as("a partial run, allowed").isZero();
        InProcess.Result history = InProcess.padan(db, "history", "1");
        String problem = jdbc(db).queryForObject("select problem from padan.input_file where run_id = 1 and source = 'KIP'", String.class);

        assertThat(run.output()).contains("WARN").contains(kip.getFileName().toString()).contains("missing required column(s)");
        assertThat(problem).contains(kip.getFileName().toString()).contains("header row missing");
        // NISN, NIK, KK, the pupil's name, birth place and date, the mother's name
        String[] values = firstRow.split(",");
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 7}) {
            assertThat(values[i]).as("column %d of the first row", i).hasSizeGreaterThan(3);
            assertThat(run.output()).as("the log of the run").doesNotContain(values[i]);
            assertThat(history.output()).as("padan history").doesNotContain(values[i]);
            assertThat(problem).doesNotContain(values[i]);
        }
    }

    private static Path file(Path dir, String prefix) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static JdbcTemplate jdbc(TestDatabase.Db db) {
        return new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
    }
}
