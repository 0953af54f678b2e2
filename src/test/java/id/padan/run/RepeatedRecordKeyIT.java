package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A row whose record key repeats an earlier row's is rejected with both line numbers, and its raw text is
 * the line exactly as the file has it (for a plain line the reader builds that text only when a row is
 * rejected, from its fields).
 */
class RepeatedRecordKeyIT {

    @Test
    void theRepeatIsRejectedWithItsLineAsWritten(@TempDir Path tmp) throws Exception {
        Path input = tmp.resolve("in");
        Files.createDirectories(input);
        try (Stream<Path> files = Files.list(Path.of("sample-data"))) {
            for (Path f : files.toList()) Files.copy(f, input.resolve(f.getFileName()));
        }
        Path kip = input.resolve("kip_20261123.csv");
        // read and written as Latin-1, which keeps every byte (the extract has some planted invalid UTF-8)
        List<String> lines = Files.readAllLines(kip, StandardCharsets.ISO_8859_1);
        // a line the truth marks undamaged, without quotes: it loads, so its copy can only be a repeat
        int firstLine = Files.readAllLines(input.resolve("truth.csv")).stream().skip(1).map(l -> l.split(","))
                .filter(t -> t[0].equals("KIP") && t[6].equals("false")).mapToInt(t -> Integer.parseInt(t[2]))
                .filter(n -> lines.get(n - 1).indexOf('"') < 0).findFirst().orElseThrow();
        String repeated = lines.get(firstLine - 1);
        String text = Files.readString(kip, StandardCharsets.ISO_8859_1);
        Files.writeString(kip, (text.endsWith("\n") ? text : text + "\n") + repeated + "\n", StandardCharsets.ISO_8859_1);
        int repeatLine = Files.readAllLines(kip, StandardCharsets.ISO_8859_1).size();

        TestDatabase.Db db = TestDatabase.newDatabase().useForProduct();
        int exit = Cli.execute("run", "--input", input.toString(), "--as-of", "2026-11-23", "--out", tmp.resolve("out").toString());
        assertThat(exit).isZero();

        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        List<Map<String, Object>> rejects = jdbc.queryForList(
                "select line_no, raw_text, reason from padan.rejected_row where source = 'KIP' and reason like 'record key%'");
        assertThat(rejects).hasSize(1);
        assertThat(rejects.get(0).get("line_no")).isEqualTo(repeatLine);
        assertThat(rejects.get(0).get("raw_text")).isEqualTo(new String(repeated.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        assertThat((String) rejects.get(0).get("reason")).isEqualTo("record key NISN repeats the one on line " + firstLine);
        Map<String, Object> file = jdbc.queryForMap("select rows_read, rows_loaded, rows_rejected from padan.input_file where source = 'KIP'");
        assertThat(((Number) file.get("rows_read")).longValue())
                .isEqualTo(((Number) file.get("rows_loaded")).longValue() + ((Number) file.get("rows_rejected")).longValue());
    }
}
