package id.padan.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new GenerateCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void writesTheFilesAndReportsRowsAndTime() {
        Path dir = tmp.resolve("out");
        int rc = run("--persons", "300", "--seed", "5", "--as-of", "2026-03-31", "--error-rate", "2",
                "--no-file-faults", "--out", dir.toString());
        assertThat(rc).isZero();
        assertThat(dir.resolve("dukcapil_20260331.csv")).isRegularFile();
        assertThat(dir.resolve("pkh_20260331.csv")).content(GeneratedFiles.WINDOWS_1252).contains(";2026-I;");
        assertThat(dir.resolve("truth.csv")).isRegularFile();
        assertThat(out.toString()).contains("DUKCAPIL", "PKH", "PBI_JKN", "KIP", "rows", "truth.csv")
                .containsPattern("Generated 300 persons \\(seed 5\\) into .* in \\d+\\.\\d s");
        assertThat(dir.resolve("truth_summary.txt")).content().contains("error_rate 2.0", "file_faults false",
                "9 FILE_WRONG_COLUMN_COUNT 0");
    }

    @Test
    void rejectsBadArgumentsWithAReason() {
        assertThat(run("--persons", "300")).isEqualTo(2);
        assertThat(err.toString()).contains("--out");
        assertThat(run("--persons", "3", "--out", tmp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("persons must be at least 10");
        assertThat(run("--as-of", "23-11-2026", "--out", tmp.toString())).isEqualTo(2);
    }

    @Test
    void helpDescribesEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--persons", "--seed", "--out", "--as-of", "--error-rate", "--no-file-faults");
    }
}
