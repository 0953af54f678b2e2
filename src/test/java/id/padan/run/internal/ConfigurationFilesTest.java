package id.padan.run.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padan.findings.FindingCode;
import id.padan.findings.Severity;
import id.padan.link.MatchMethod;
import id.padan.settings.SettingsProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every file of {@code config/} (and of the FEBRL configuration) is bound with unknown keys refused, types and
 * ranges checked, then judged across files: each mistake below is made in a copy of the shipped directory, and
 * the refusal must name the file, the key and the reason.
 */
class ConfigurationFilesTest {
    @TempDir
    Path dir;

    @Test
    void theShippedConfigurationsAreAccepted() {
        var shipped = ConfigurationFiles.check(Path.of("config"));
        assertThat(shipped.matching().accept()).isEqualTo(0.99);
        assertThat(shipped.matching().trainingRows()).isEqualTo(20_000);
        assertThat(shipped.matching().randomPairs()).isEqualTo(200_000);
        assertThat(shipped.matching().pupilSources()).containsExactly("KIP");
        assertThat(shipped.findings().severity(FindingCode.DECEASED_BENEFICIARY)).isEqualTo(Severity.ERROR);
        assertThat(shipped.findings().gaps()).extracting(g -> g.code()).containsExactly(FindingCode.GAP_PKH_NO_PBI, FindingCode.GAP_PKH_CHILD_NO_KIP);
        assertThat(shipped.findings().gaps().get(1).minAge()).isEqualTo(6);
        assertThat(shipped.reports().uncertainMethods()).contains(MatchMethod.REVIEW.name());
        var febrl = ConfigurationFiles.check(Path.of("config/febrl"));
        assertThat(febrl.matching().minAttributeBits()).isEqualTo(-12.0);
        assertThat(febrl.matching().pupilSources()).isEmpty();
        assertThat(febrl.sources().registry()).isPresent();
    }

    /** file ~ text in the shipped file ~ what it becomes ~ key named ~ reason given. */
    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '~', quoteCharacter = '`', textBlock = """
            matching.yml ~ `  accept: 0.99`            ~ `  acept: 0.99`              ~ thresholds.acept   ~ unknown key 'acept'
            matching.yml ~ `  accept: 0.99`            ~ `  accept: high`             ~ thresholds.accept  ~ 'high' is not a number
            matching.yml ~ `  accept: 0.99`            ~ `  accept: 1.5`              ~ thresholds.accept  ~ must be a probability strictly between 0 and 1
            matching.yml ~ `  review: 0.50`            ~ `  review: 0.995`            ~ thresholds.review  ~ 0.995 is above thresholds.accept (0.99)
            matching.yml ~ `  review-unlinked: 0.01`   ~ `  review-unlinked: 1`       ~ thresholds.review-unlinked ~ must be a probability strictly between 0 and 1
            matching.yml ~ `  review-unlinked: 0.01`   ~ ``                           ~ thresholds.review-unlinked ~ is required
            matching.yml ~ `  training-rows: 20000`    ~ `  training-row: 20000`      ~ estimation.training-row ~ unknown key 'training-row'
            matching.yml ~ `  training-rows: 20000`    ~ `  training-rows: 20000.5`   ~ estimation.training-rows ~ is not a whole number
            matching.yml ~ `  training-rows: 20000`    ~ `  training-rows: 50`        ~ estimation.training-rows ~ must be at least 100
            matching.yml ~ `  training-rows: 20000`    ~ ``                           ~ estimation.training-rows ~ is required
            matching.yml ~ `    - KK                   # family card number` ~ `    - KKK` ~ blocking.keys[5] ~ 'KKK' is not one of
            matching.yml ~ `  fuzzy-low: 0.88`         ~ `  fuzzy-low: 0.95`          ~ name.fuzzy-low     ~ is above name.fuzzy-high
            matching.yml ~ `prior: auto`               ~ `prior: sometimes`           ~ prior              ~ must be 'auto' or a probability
            matching.yml ~ `pupil-sources: [KIP]`      ~ ``                           ~ pupil-sources      ~ is required
            matching.yml ~ `pupil-sources: [KIP]`      ~ `pupil-sources: ['']`        ~ pupil-sources[0]   ~ must name a source
            findings.yml ~ `    min-age: 6`            ~ `    min-ages: 6`            ~ gaps[1].min-ages   ~ unknown key 'min-ages'
            findings.yml ~ `    min-age: 6`            ~ `    min-age: six`           ~ gaps[1].min-age    ~ 'six' is not a whole number
            findings.yml ~ `    min-age: 6`            ~ `    min-age: -6`            ~ gaps[1].min-age    ~ must be 0 or more
            findings.yml ~ `    min-age: 6`            ~ `    min-age: 30`            ~ gaps[1].min-age    ~ min-age 30 above max-age 21
            findings.yml ~ `  REGION_MISMATCH: INFO`   ~ `  REGION_MISMATCH: LOW`     ~ severity.REGION_MISMATCH ~ 'LOW' is not one of ERROR, WARNING, INFO
            findings.yml ~ `  REGION_MISMATCH: INFO`   ~ `  REGION_MISMATCH: INFO\n  REGION_MISMATSH: INFO` ~ severity ~ REGION_MISMATSH
            findings.yml ~ `  REGION_MISMATCH: INFO`   ~ ``                           ~ severity           ~ no severity for REGION_MISMATCH
            findings.yml ~ `    expect: KIP`           ~ `    expect: KIPP`           ~ gaps[1].expect     ~ 'KIPP' is not a configured source
            findings.yml ~ `    statuses: [ACTIVE]`    ~ `    statuses: [AKTIF]`      ~ gaps[0].statuses   ~ 'AKTIF' is not a status of PBI_JKN
            findings.yml ~ `    in: PKH\n    expect: KIP` ~ `    in: DUKCAPIL\n    expect: KIP` ~ gaps[1].in ~ is the registry
            findings.yml ~ `  retired-codes: successor` ~ `  retired-codes: sometimes` ~ region-mismatch.retired-codes ~ 'sometimes' is not one of SUCCESSOR, REPORT, SKIP
            reports.yml  ~ `  html-max-rows: 300`      ~ `  html-max-row: 300`        ~ reports.html-max-row ~ unknown key 'html-max-row'
            reports.yml  ~ `  html-max-rows: 300`      ~ `  html-max-rows: [300]`     ~ reports.html-max-rows ~ expected a whole number
            reports.yml  ~ `  html-max-rows: 300`      ~ `  html-max-rows: -1`        ~ reports.html-max-rows ~ must be 0 or more
            reports.yml  ~ `  min-score: 0.99`         ~ `  min-score: 1.2`           ~ corrected-extracts.min-score ~ must be between 0 and 1
            reports.yml  ~ `REGISTRY, REVIEW]`         ~ `REGISTRY, REVIW]`           ~ corrected-extracts.uncertain-methods[3] ~ 'REVIW' is not one of EXACT_NIK
            reports.yml  ~ `uncertain-codes: [ATTRIBUTE_MISMATCH,` ~ `uncertain-codes: [ATTRIBUTE_MISMATCHES,` ~ corrected-extracts.uncertain-codes[0] ~ 'ATTRIBUTE_MISMATCHES' is not one of
            reports.yml  ~ `language: id`             ~ `language: fr`               ~ language           ~ 'fr' is not one of ID, EN
            sources/kip.yml ~ `  desa: KODE_WILAYAH`   ~ `  desaa: KODE_WILAYAH`      ~ region.desaa       ~ unknown key 'desaa'
            sources/kip.yml ~ `delimiter: ","`         ~ `delimiter: [",", ";"]`      ~ delimiter          ~ expected a text value
            sources/kip.yml ~ `delimiter: ","`         ~ `delimiter: ",,"`            ~ delimiter          ~ must be one character
            sources/kip.yml ~ `encoding: UTF-8`        ~ `encodng: UTF-8`             ~ encodng            ~ unknown key 'encodng'
            sources/kip.yml ~ `  nik: NIK`             ~ `  nikk: NIK`                ~ columns.nikk       ~ 'nikk' is not a canonical field
            sources/kip.yml ~ `P: P, "1": L`           ~ `P: X, "1": L`               ~ codes.sex.P        ~ values must be L or P, found 'X'
            """)
    void aWrongFileIsRefusedWithFileKeyAndReason(String file, String from, String to, String key, String reason) throws IOException {
        assertRefused(copy(Path.of("config")), file, from, to, key, reason);
    }

    /** The FEBRL benchmark's own files: a source mapping and the matching model. */
    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '~', quoteCharacter = '`', textBlock = """
            sources/febrl4a.yml ~ `role: registry`     ~ `role: reference`            ~ role               ~ 'reference' is not one of REGISTRY, PROGRAM
            sources/febrl4a.yml ~ `final-newline: optional` ~ `final-newline: maybe` ~ final-newline      ~ 'maybe' is not one of REQUIRED, OPTIONAL
            sources/febrl4a.yml ~ `  desa: POSTCODE`   ~ `  desa: POSTCODE\n  fallbak: [STATE]` ~ region.fallbak ~ unknown key 'fallbak'
            matching.yml ~ `  min-attribute-bits: -12.0` ~ `  min-attribute-bits: lots` ~ thresholds.min-attribute-bits ~ 'lots' is not a number
            matching.yml ~ `  max-block-size: 300`  ~ `  max-block-size: 1`         ~ blocking.max-block-size ~ must be at least 2
            """)
    void aWrongFebrlFileIsRefusedWithFileKeyAndReason(String file, String from, String to, String key, String reason) throws IOException {
        assertRefused(copy(Path.of("config/febrl")), file, from, to, key, reason);
    }

    /** Makes the mistake in {@code file} of {@code config} and expects one line: the file, the key, the reason. */
    private static void assertRefused(Path config, String file, String from, String to, String key, String reason) throws IOException {
        edit(config.resolve(file), from, to);
        assertThatThrownBy(() -> ConfigurationFiles.check(config))
                .isInstanceOf(SettingsProblem.class)
                .satisfies(e -> {
                    SettingsProblem p = (SettingsProblem) e;
                    assertThat(p.file()).isEqualTo(config.resolve(file));
                    assertThat(p.key()).isEqualTo(key);
                    assertThat(p.reason()).contains(reason);
                    assertThat(p.getMessage()).isEqualTo(config.resolve(file) + ": " + (key.isEmpty() ? "" : key + ": ") + p.reason())
                            .doesNotContain("\n");
                });
    }

    @Test
    void aRunAndJobsCheckStopOnAWrongFileWithOneLineNamingFileKeyAndReason() throws IOException {
        Path config = copy(Path.of("config"));
        edit(config.resolve("matching.yml"), "  accept: 0.99", "  acept: 0.99");
        java.io.PrintStream stderr = System.err;
        var err = new java.io.ByteArrayOutputStream();
        int run, check;
        try {
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            run = id.padan.run.Cli.execute("run", "--input", dir.toString(), "--config", config.toString());
            check = id.padan.run.Cli.execute("jobs", "--check", "--jobs", "jobs", "--config", config.toString());
        } finally {
            System.setErr(stderr);
        }
        assertThat(run).isEqualTo(1);
        assertThat(check).isEqualTo(1);
        String line = "padan: " + config.resolve("matching.yml") + ": thresholds.acept: unknown key 'acept'";
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith(line));
    }

    @Test
    void aGapForOneAgeOnlyIsAccepted() throws IOException {
        Path config = copy(Path.of("config"));
        edit(config.resolve("findings.yml"), "    min-age: 6", "    min-age: 21");
        assertThat(ConfigurationFiles.check(config).findings().gaps().get(1).minAge()).isEqualTo(21);
    }

    @Test
    void aMissingFileIsRefusedNotReplacedByDefaultsInCode() throws IOException {
        Path config = copy(Path.of("config"));
        Files.delete(config.resolve("reports.yml"));
        assertThatThrownBy(() -> ConfigurationFiles.check(config)).hasMessage(config.resolve("reports.yml") + ": file not found");
    }

    private Path copy(Path from) throws IOException {
        Path to = dir.resolve("config");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        String f = from.replace("\\n", "\n"), t = to.replace("\\n", "\n");
        assertThat(text).as("%s holds %s", file, f).contains(f);
        Files.writeString(file, text.replace(f, t));
    }
}
