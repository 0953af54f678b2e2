package id.padan.run;

import id.padan.TestDatabase;
import id.padan.generate.ExtractGenerator;
import id.padan.generate.GeneratorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Small generated extracts (the generator's error families included) and the published result of one
 * uninterrupted run of them, computed once per test JVM: what every interrupted, restarted or scheduled run
 * of the same extracts must publish too.
 */
final class Extracts {
    static final String AS_OF = "2026-11-23";
    static final int PERSONS = 300;
    private static Path input;
    private static Published reference;

    private Extracts() {}

    /** The generated extracts (dated 20261123, delivered long ago as far as their file times go). */
    static synchronized Path input() throws Exception {
        if (input == null) {
            Path dir = Files.createTempDirectory("padan-extracts-");
            new ExtractGenerator(GeneratorOptions.of(PERSONS, 7)).generate(dir);
            Files.deleteIfExists(dir.resolve("truth.csv"));
            Files.deleteIfExists(dir.resolve("truth_summary.txt"));
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.toList()) Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            }
            input = dir;
        }
        return input;
    }

    /** Copies the extracts into {@code dir} (created), keeping their old file times. */
    static Path copyInto(Path dir) throws Exception {
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(input())) {
            for (Path f : s.toList()) Files.copy(f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        return dir;
    }

    /** The published result of one uninterrupted {@code padan run} of {@link #input()} on a fresh database. */
    static synchronized Published reference() throws Exception {
        if (reference == null) {
            TestDatabase.Db db = TestDatabase.newDatabase();
            Path work = Files.createTempDirectory("padan-reference-");
            InProcess.Result r = InProcess.padan(db, "run", "--input", input().toString(), "--as-of", AS_OF,
                    "--out", work.resolve("out").toString(), "--config", PadanProcess.CONFIG.toString());
            if (r.exit() != 0) throw new AssertionError("the reference run failed:\n" + r.output());
            reference = Published.load(db);
        }
        return reference;
    }
}
