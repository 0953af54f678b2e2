package id.padan.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of an input directory a run reads: the as-of date's, by exact date; everything passed over is named. */
class InputFilesTest {
    private static final SourceMappings SOURCES = SourceMappings.load(Path.of("config"));
    private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

    @TempDir
    Path in;

    private Path file(String name) throws Exception {
        return Files.writeString(in.resolve(name), "header\n");
    }

    private static List<String> ignored(InputFiles files) {
        return files.ignored().stream().map(InputFiles.Ignored::toString).toList();
    }

    @Test
    void aFileOfAnotherDateIsNamedAndIgnoredAndTheNightsFileIsRead() throws Exception {
        for (String s : List.of("dukcapil", "pkh", "pbi", "kip")) file(s + "_20261123.csv");
        file("pkh_20261122.csv");
        file("kip_2026-11-24.csv");
        InputFiles files = InputFiles.scan(in, SOURCES, NIGHT);
        assertThat(files.bySource()).hasSize(4);
        assertThat(files.bySource().get("PKH").getFileName()).hasToString("pkh_20261123.csv");
        assertThat(files.bySource().get("KIP").getFileName()).hasToString("kip_20261123.csv");
        assertThat(ignored(files)).containsExactly(
                "kip_2026-11-24.csv (dated 2026-11-24; this run reads the files dated 2026-11-23)",
                "pkh_20261122.csv (dated 2026-11-22; this run reads the files dated 2026-11-23)");
    }

    @Test
    void aSourceWithOnlyAnotherDatesFileIsMissingAndSaysWhichFileWasNotUsed() throws Exception {
        file("dukcapil_20261123.csv");
        file("pkh_20261122.csv");
        InputFiles files = InputFiles.scan(in, SOURCES, NIGHT);
        assertThat(files.bySource()).containsOnlyKeys("DUKCAPIL");
        assertThat(files.whyMissing(SOURCES.bySource("PKH").orElseThrow())).isEqualTo("no file starting with 'pkh' in the input directory "
                + "that can be read (ignored: pkh_20261122.csv (dated 2026-11-22; this run reads the files dated 2026-11-23))");
        assertThat(files.whyMissing(SOURCES.bySource("KIP").orElseThrow())).isEqualTo("no file starting with 'kip' in the input directory");
    }

    @Test
    void withoutADateToReadEveryDateIsReadAsBeforeAndTwoFilesOfOneSourceAreRefused() throws Exception {
        file("pkh_20261122.csv");
        assertThat(InputFiles.scan(in, SOURCES).bySource().get("PKH").getFileName()).hasToString("pkh_20261122.csv");
        file("pkh_20261123.csv");
        assertThatThrownBy(() -> InputFiles.scan(in, SOURCES)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two files for source PKH: pkh_20261122.csv and pkh_20261123.csv");
    }

    @Test
    void filesWithoutADateInTheirNameAreReadWhateverTheDate() throws Exception {
        file("dukcapil.csv");
        file("PKH-export.txt");
        InputFiles files = InputFiles.scan(in, SOURCES, NIGHT);
        assertThat(files.bySource()).containsOnlyKeys("DUKCAPIL", "PKH");
        assertThat(files.ignored()).isEmpty();
    }

    @Test
    void aSetAsideCopyNextToTheRealFileIsNamedAndIgnoredInsteadOfRefusingTheRun() throws Exception {
        file("pkh_20261123.csv");
        file("pkh_20261123.csv.bak");
        file("pkh_20261123.csv~");
        file("pkh_20261123.old");
        InputFiles files = InputFiles.scan(in, SOURCES, NIGHT);
        assertThat(files.bySource().get("PKH").getFileName()).hasToString("pkh_20261123.csv");
        assertThat(ignored(files)).containsExactly(
                "pkh_20261123.csv.bak (a set-aside copy (.bak), not an extract)",
                "pkh_20261123.csv~ (a set-aside copy (~), not an extract)",
                "pkh_20261123.old (a set-aside copy (.old), not an extract)");
    }

    @Test
    void filesStillBeingCopiedMarkersHiddenAndUnrelatedFilesArePassedOverSilently() throws Exception {
        file("pkh_20261123.csv");
        file("pkh_20261123.csv.done");
        file("pkh_20261123.csv.part");
        file(".pkh_20261123.csv.swx");
        file("truth.csv");
        InputFiles files = InputFiles.scan(in, SOURCES, NIGHT);
        assertThat(files.bySource()).containsOnlyKeys("PKH");
        assertThat(files.ignored()).isEmpty();
    }

    @Test
    void aDirectoryOrABrokenLinkNamedLikeAnExtractIsNamedWithTheReason() throws Exception {
        Files.createDirectory(in.resolve("pkh_20261123.csv"));
        Files.createSymbolicLink(in.resolve("kip_20261123.csv"), in.resolve("gone/kip_20261123.csv"));
        file("dukcapil_20261123.csv");
        InputFiles files = InputFiles.scan(in, SOURCES, NIGHT);
        assertThat(files.bySource()).containsOnlyKeys("DUKCAPIL");
        assertThat(ignored(files)).containsExactly(
                "kip_20261123.csv (a symbolic link to " + in.resolve("gone/kip_20261123.csv") + ", which does not exist)",
                "pkh_20261123.csv (a directory, not a file)");
        assertThat(files.whyMissing(SOURCES.bySource("PKH").orElseThrow())).endsWith("(ignored: pkh_20261123.csv (a directory, not a file))");
    }

    @Test
    void aFileThatCannotBeReadRefusesTheRunNamingTheFileAndTheReason() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root reads a file whatever its mode, so an unreadable file cannot be made here");
        Path pkh = file("pkh_20261123.csv");
        file("dukcapil_20261123.csv");
        Files.setPosixFilePermissions(pkh, PosixFilePermissions.fromString("-w-------"));
        assertThatThrownBy(() -> InputFiles.scan(in, SOURCES, NIGHT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read " + pkh + ": permission denied");
    }

    @Test
    void theNightSelectorAndARunReadADateTheSameWay() {
        assertThat(ExtractFileNames.dateIn("pkh_20261123.csv")).isEqualTo(NIGHT);
        assertThat(ExtractFileNames.dateIn("pkh_2026-11-23.csv")).isEqualTo(NIGHT);
        assertThat(ExtractFileNames.dateIn("pkh_20261340_20261123.csv")).as("digits that are no date are passed over").isEqualTo(NIGHT);
        assertThat(ExtractFileNames.dateIn("pkh_120261123.csv")).as("a date inside a longer number is none").isNull();
        assertThat(ExtractFileNames.dateIn("pkh.csv")).isNull();
    }
}
