package id.padan.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padan.ingest.SourceMappings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Job definitions in jobs/: the shipped example is valid, and each kind of mistake is reported with what would be right. */
class JobDefinitionsTest {
    private static final SourceMappings SOURCES = SourceMappings.load(Path.of("config"));

    @TempDir
    Path base;
    Path jobs;

    @BeforeEach
    void dirs() throws Exception {
        Files.createDirectories(base.resolve("sample-data"));
        jobs = Files.createDirectories(base.resolve("jobs"));
    }

    @Test
    void theShippedNightlyDefinitionIsValid() throws Exception {
        Files.copy(Path.of("jobs/nightly.yml"), jobs.resolve("nightly.yml"));
        JobDefinition d = JobDefinitions.load(jobs, base, SOURCES).byName("nightly").orElseThrow();
        assertThat(d.cron()).isEqualTo("0 30 1 * * ?");
        assertThat(d.timeZone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
        assertThat(d.inputDirectory()).isEqualTo(base.resolve("sample-data"));
        assertThat(d.pick()).isEqualTo(JobDefinition.Pick.NEWEST_DATE);
        assertThat(d.readiness()).isEqualTo(JobDefinition.Readiness.STABLE);
        assertThat(d.settle()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.requiredSources()).isEqualTo(Set.of("DUKCAPIL"));
        assertThat(d.asOf()).isEqualTo(JobDefinition.AsOf.FILE_DATE);
        assertThat(d.outputDirectory()).isEqualTo(base.resolve("out/nightly"));
        assertThat(d.misfire()).isEqualTo(JobDefinition.Misfire.RUN_ONCE);
    }

    @Test
    void defaultsAreOnlyOneFilePerSourceStableFilesAndTheFireDate() throws Exception {
        Files.writeString(jobs.resolve("minimal.yml"), "cron: '0 0 2 * * ?'\ninput: {directory: sample-data}\noutput: out\n");
        JobDefinition d = JobDefinitions.load(jobs, base, SOURCES).all().get(0);
        assertThat(d.name()).isEqualTo("minimal");
        assertThat(d.pick()).isEqualTo(JobDefinition.Pick.ONLY);
        assertThat(d.asOf()).isEqualTo(JobDefinition.AsOf.FIRE_DATE);
        assertThat(d.waitForInputs()).isEqualTo(Duration.ofMinutes(120));
        assertThat(d.requiredSources()).isEmpty();
        assertThat(d.allowPartial()).as("partial runs are refused unless allowed").isFalse();
    }

    @Test
    void partialRunsAreAllowedOnlyByTrue() throws Exception {
        Files.writeString(jobs.resolve("partial.yml"), "cron: '0 0 2 * * ?'\ninput: {directory: sample-data, allow-partial: true}\noutput: out\n");
        assertThat(JobDefinitions.load(jobs, base, SOURCES).all().get(0).allowPartial()).isTrue();
        Files.writeString(jobs.resolve("partial.yml"), "cron: '0 0 2 * * ?'\ninput: {directory: sample-data, allow-partial: yes please}\noutput: out\n");
        assertThatThrownBy(() -> JobDefinitions.load(jobs, base, SOURCES)).hasMessageContaining("input.allow-partial must be true or false");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', textBlock = """
            bad cron         ~ cron: '0 30 25 * * ?'                              ~ cron '0 30 25 * * ?' is not a valid Quartz cron expression
            five-field cron  ~ cron: '30 1 * * *'                                 ~ is not a valid Quartz cron expression
            unknown key      ~ cron: '0 0 1 * * ?'\\nschedule: daily              ~ unknown key 'schedule'
            unknown zone     ~ cron: '0 0 1 * * ?'\\ntime-zone: WIB               ~ time-zone 'WIB' is not a known zone
            unknown source   ~ cron: '0 0 1 * * ?'\\nrequire-sources: x           ~ unknown key 'require-sources'
            bad pick         ~ cron: '0 0 1 * * ?'\\npick-mode: x                 ~ unknown key 'pick-mode'
            file-date undated~ cron: '0 0 1 * * ?'\\nas-of: file-date             ~ as-of: file-date needs dated file names
            bad as-of        ~ cron: '0 0 1 * * ?'\\nas-of: tomorrow              ~ as-of 'tomorrow' is not one of [file-date, fire-date, previous-day]
            bad misfire      ~ cron: '0 0 1 * * ?'\\nmisfire: later               ~ misfire 'later' is not one of [run-once, skip]
            never fires      ~ cron: '0 0 1 1 1 ? 2020'                           ~ never fires again
            """)
    void aMistakeIsReportedWithTheFileAndWhatWouldBeRight(String family, String top, String message) throws Exception {
        Files.writeString(jobs.resolve("broken.yml"), top.replace("\\n", "\n") + "\ninput: {directory: sample-data}\noutput: out\n");
        assertThatThrownBy(() -> JobDefinitions.load(jobs, base, SOURCES)).as(family)
                .hasMessageContaining("broken.yml").hasMessageContaining(message);
    }

    @Test
    void inputMistakesAreAllReportedAtOnce() throws Exception {
        Files.writeString(jobs.resolve("broken.yml"), """
                cron: '0 0 1 * * ?'
                input: {directory: nowhere, pick: newest, ready: soon, settle-seconds: -1, require: [PKH, BPNT]}
                output: out
                """);
        assertThatThrownBy(() -> JobDefinitions.load(jobs, base, SOURCES))
                .hasMessageContaining("5 problems")
                .hasMessageContaining("input.directory " + base.resolve("nowhere") + " does not exist")
                .hasMessageContaining("input.pick 'newest' is not one of [only, newest-date, newest-per-source]")
                .hasMessageContaining("input.ready 'soon' is not one of [stable, marker]")
                .hasMessageContaining("input.settle-seconds must be a whole number of 0 or more, not '-1'")
                .hasMessageContaining("input.require: 'BPNT' is not a configured source (configured: [DUKCAPIL, KIP, PBI_JKN, PKH])");
    }

    @Test
    void aNumberOfTheWrongTypeIsRefusedWithFileKeyAndReason() throws Exception {
        Files.writeString(jobs.resolve("broken.yml"), "cron: '0 0 1 * * ?'\ninput: {directory: sample-data, settle-seconds: soon}\noutput: out\n");
        assertThatThrownBy(() -> JobDefinitions.load(jobs, base, SOURCES))
                .hasMessageContaining("broken.yml: input.settle-seconds: 'soon' is not a whole number");
        Files.writeString(jobs.resolve("broken.yml"), "cron: '0 0 1 * * ?'\ninput: {directory: sample-data, wait-minutes: 1.5}\noutput: out\n");
        assertThatThrownBy(() -> JobDefinitions.load(jobs, base, SOURCES))
                .hasMessageContaining("broken.yml: input.wait-minutes:");
        Files.writeString(jobs.resolve("broken.yml"), "cron: '0 0 1 * * ?'\nmisfire: [skip]\ninput: {directory: sample-data}\noutput: out\n");
        assertThatThrownBy(() -> JobDefinitions.load(jobs, base, SOURCES)).hasMessageContaining("broken.yml: misfire: expected a text value");
        Files.writeString(jobs.resolve("broken.yml"), "cron: '0 0 1 * * ?'\ninput: {directory: sample-data, settle-secs: 5}\noutput: out\n");
        assertThatThrownBy(() -> JobDefinitions.load(jobs, base, SOURCES))
                .hasMessageContaining("broken.yml: input.settle-secs: unknown key 'settle-secs'");
    }

    @Test
    void theShippedNightlyJobIsAcceptedAndAMistakeInItIsRefused() throws Exception {
        String nightly = Files.readString(Path.of("jobs/nightly.yml"));
        Files.writeString(jobs.resolve("nightly.yml"), nightly);
        assertThat(JobDefinitions.load(jobs, Path.of("").toAbsolutePath(), SOURCES).all()).hasSize(1);
        for (String[] mistake : new String[][] {
                {"  settle-seconds: 60", "  settle-second: 60", "nightly.yml: input.settle-second: unknown key 'settle-second'"},
                {"  settle-seconds: 60", "  settle-seconds: a minute", "nightly.yml: input.settle-seconds: 'a minute' is not a whole number"},
                {"  settle-seconds: 60", "  settle-seconds: -60", "input.settle-seconds must be a whole number of 0 or more, not '-60'"}}) {
            assertThat(nightly).contains(mistake[0]);
            Files.writeString(jobs.resolve("nightly.yml"), nightly.replace(mistake[0], mistake[1]));
            assertThatThrownBy(() -> JobDefinitions.load(jobs, Path.of("").toAbsolutePath(), SOURCES)).hasMessageContaining(mistake[2]);
        }
    }

    @Test
    void twoFilesCannotDefineOneName() throws Exception {
        Files.writeString(jobs.resolve("a.yml"), "name: nightly\ncron: '0 0 1 * * ?'\ninput: {directory: sample-data}\noutput: out\n");
        Files.writeString(jobs.resolve("b.yml"), "name: nightly\ncron: '0 0 2 * * ?'\ninput: {directory: sample-data}\noutput: out\n");
        assertThatThrownBy(() -> JobDefinitions.load(jobs, base, SOURCES)).hasMessageContaining("b.yml: name 'nightly' is already used by a.yml");
    }
}
