package id.padan.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.ingest.SourceMappings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a fire chooses the night's files, and when a file counts as completely delivered. */
class NightSelectorTest {
    private static final SourceMappings SOURCES = SourceMappings.load(Path.of("config"));
    private final NightSelector selector = new NightSelector(SOURCES, Duration.ofMillis(300));

    @TempDir
    Path drop;

    private JobDefinition job(JobDefinition.Pick pick, JobDefinition.Readiness ready, int settleSeconds, Integer maxAge) {
        return new JobDefinition("t", drop.resolve("t.yml"), null, "0 0 1 * * ?", java.time.ZoneId.of("Asia/Jakarta"), drop, pick, ready,
                Duration.ofSeconds(settleSeconds), maxAge, Set.of(), Duration.ZERO, JobDefinition.AsOf.FILE_DATE, drop.resolve("out"),
                JobDefinition.Misfire.RUN_ONCE);
    }

    private Path file(String name, Duration age) throws Exception {
        Path f = drop.resolve(name);
        Files.writeString(f, "header\n");
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(age)));
        return f;
    }

    @Test
    void newestDateTakesEachSourcesFileOfTheNewestDateAndNeverAnOlderOne() throws Exception {
        for (String s : List.of("dukcapil", "pkh", "pbi", "kip")) file(s + "_20261122.csv", Duration.ofDays(1));
        for (String s : List.of("dukcapil", "pkh", "pbi")) file(s + "_20261123.csv", Duration.ofHours(1));
        file("truth.csv", Duration.ofHours(1));
        file("pkh_20261124.csv.part", Duration.ofHours(1));
        NightSelection night = selector.select(job(JobDefinition.Pick.NEWEST_DATE, JobDefinition.Readiness.STABLE, 60, null));
        assertThat(night.inputDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(night.files()).containsOnlyKeys("DUKCAPIL", "PKH", "PBI_JKN");
        assertThat(night.files().get("PKH").getFileName().toString()).isEqualTo("pkh_20261123.csv");
        assertThat(night.missing().get("KIP")).isEqualTo("no file dated 2026-11-23 (the newest is kip_20261122.csv, which is not used in its place)");
        assertThat(night.missingRequired(Set.of("DUKCAPIL", "KIP"))).containsExactly("KIP");
        assertThat(night.ready()).isTrue();
    }

    @Test
    void aSetAsideCopyOrADirectoryNamedLikeAnExtractIsNeverChosenAsASecondFile() throws Exception {
        for (String s : List.of("dukcapil", "pkh", "pbi", "kip")) file(s + "_20261123.csv", Duration.ofHours(1));
        file("pkh_20261123.csv.bak", Duration.ofHours(1));
        file("pbi_20261123.csv~", Duration.ofHours(1));
        Files.createDirectory(drop.resolve("kip_20261123.csv.d"));
        NightSelection night = selector.select(job(JobDefinition.Pick.NEWEST_DATE, JobDefinition.Readiness.STABLE, 60, null));
        assertThat(night.problems()).isEmpty();
        assertThat(night.files()).hasSize(4);
        assertThat(night.files().get("PKH").getFileName()).hasToString("pkh_20261123.csv");
        assertThat(night.files().get("PBI_JKN").getFileName()).hasToString("pbi_20261123.csv");
        assertThat(night.files().get("KIP").getFileName()).hasToString("kip_20261123.csv");
    }

    @Test
    void newestPerSourceTakesEachSourcesOwnNewestFileWithinTheAgeLimit() throws Exception {
        file("dukcapil_2026-11-01.csv", Duration.ofDays(22));
        file("pkh_20261123.csv", Duration.ofHours(1));
        file("pkh_20261120.csv", Duration.ofDays(3));
        file("kip_20261101.csv", Duration.ofDays(22));
        NightSelection night = selector.select(job(JobDefinition.Pick.NEWEST_PER_SOURCE, JobDefinition.Readiness.STABLE, 0, 14));
        assertThat(night.files()).containsOnlyKeys("PKH");
        assertThat(night.missing().get("DUKCAPIL")).contains("is 22 days older than the newest extract (2026-11-23); input.max-age-days is 14");
        NightSelection noLimit = selector.select(job(JobDefinition.Pick.NEWEST_PER_SOURCE, JobDefinition.Readiness.STABLE, 0, null));
        assertThat(noLimit.files()).containsOnlyKeys("DUKCAPIL", "PKH", "KIP");
        assertThat(noLimit.files().get("DUKCAPIL").getFileName().toString()).isEqualTo("dukcapil_2026-11-01.csv");
    }

    @Test
    void twoFilesOfOneSourceOnOneDateAreAProblemWaitingCannotFix() throws Exception {
        file("pkh_20261123.csv", Duration.ofHours(1));
        file("PKH_20261123_revisi.csv", Duration.ofHours(1));
        NightSelection night = selector.select(job(JobDefinition.Pick.NEWEST_DATE, JobDefinition.Readiness.STABLE, 0, null));
        assertThat(night.problems()).containsExactly("two files for PKH dated 2026-11-23: PKH_20261123_revisi.csv, pkh_20261123.csv");
        assertThat(night.ready()).isFalse();
    }

    @Test
    void aFileModifiedRecentlyIsNotReadyUntilItHasSettled() throws Exception {
        file("dukcapil_20261123.csv", Duration.ofHours(1));
        Path pkh = file("pkh_20261123.csv", Duration.ofSeconds(5));
        NightSelection night = selector.select(job(JobDefinition.Pick.NEWEST_DATE, JobDefinition.Readiness.STABLE, 60, null));
        assertThat(night.notReady()).containsOnlyKeys(pkh);
        assertThat(night.notReady().get(pkh)).matches("changed [5-7] s ago; taken once unchanged for 60 s");
        assertThat(selector.select(job(JobDefinition.Pick.NEWEST_DATE, JobDefinition.Readiness.STABLE, 2, null)).ready()).isTrue();
    }

    @Test
    void aFileBeingWrittenIsNotReadyEvenWithAnOldTime() throws Exception {
        Path pkh = file("pkh_20261123.csv", Duration.ofHours(1));
        AtomicBoolean stop = new AtomicBoolean();
        Thread copier = new Thread(() -> {
            try {
                while (!stop.get()) {
                    Files.writeString(pkh, "row\n", StandardOpenOption.APPEND);
                    Files.setLastModifiedTime(pkh, FileTime.from(Instant.now().minus(Duration.ofHours(1)))); // like cp -p setting times early
                    Thread.sleep(20);
                }
            } catch (Exception ignored) {
                // test over
            }
        });
        copier.start();
        try {
            NightSelection night = selector.select(job(JobDefinition.Pick.NEWEST_DATE, JobDefinition.Readiness.STABLE, 0, null));
            assertThat(night.notReady().get(pkh)).startsWith("still being written");
        } finally {
            stop.set(true);
            copier.join();
        }
    }

    @Test
    void withMarkersAFileIsReadyOnlyOnceItsDoneFileExists() throws Exception {
        Path pkh = file("pkh_20261123.csv", Duration.ofHours(1));
        JobDefinition marker = job(JobDefinition.Pick.NEWEST_DATE, JobDefinition.Readiness.MARKER, 0, null);
        assertThat(selector.select(marker).notReady().get(pkh)).isEqualTo("no marker pkh_20261123.csv.done yet");
        Files.writeString(drop.resolve("pkh_20261123.csv.done"), "");
        NightSelection night = selector.select(marker);
        assertThat(night.ready()).isTrue();
        assertThat(night.files()).containsOnlyKeys("PKH");
    }

    @Test
    void aDateInAFileNameIsTheFirstRealDate() {
        assertThat(NightSelector.dateIn("pkh_20261123.csv")).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(NightSelector.dateIn("PBI_JKN-2026-11-23.csv")).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(NightSelector.dateIn("kip_batch12345678_20261123.csv")).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(NightSelector.dateIn("dukcapil.csv")).isNull();
    }
}
