package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar runs from any working directory: with no config/ beside it, on the configuration packaged in it. */
class PackagedConfigIT {
    @Test
    void theJarRunsFromAnEmptyDirectoryOnItsPackagedConfiguration(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("anywhere"));
        Path input = Files.createDirectories(tmp.resolve("incoming"));
        for (String source : new String[] {"dukcapil", "pkh", "pbi", "kip"}) {
            Files.copy(Path.of("sample-data", source + "_20261123.csv"), input.resolve(source + "_20261123.csv"));
        }
        TestDatabase.Db db = TestDatabase.newDatabase();
        try (PadanProcess p = PadanProcess.start(empty, db, Map.of(), "run", "--input", input.toString(), "--as-of", "2026-11-23", "--out", "out")) {
            int exit = p.waitFor(Duration.ofMinutes(5));
            assertThat(exit).as(p.output()).isZero();
            assertThat(p.output()).contains("configuration: sources/, matching.yml, findings.yml, reports.yml packaged in padan.jar",
                    "status COMPLETED");
        }
        assertThat(empty.resolve("out/run-1/manifest.csv")).exists();
        assertThat(empty.resolve("config")).as("nothing written into the working directory but the output").doesNotExist();
    }
}
