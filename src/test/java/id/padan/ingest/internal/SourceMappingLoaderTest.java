package id.padan.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padan.ingest.Field;
import id.padan.ingest.SourceMapping;
import id.padan.ingest.SourceMappings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

class SourceMappingLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theShippedMappingsLoad() {
        SourceMappings all = SourceMappings.load(Path.of("config"));
        assertThat(all.all()).extracting(SourceMapping::source).containsExactlyInAnyOrder("DUKCAPIL", "PKH", "PBI_JKN", "KIP");
        assertThat(all.registry()).map(SourceMapping::source).contains("DUKCAPIL");
        SourceMapping pkh = all.bySource("PKH").orElseThrow();
        assertThat(pkh.encoding().name()).isEqualTo("windows-1252");
        assertThat(pkh.delimiter()).isEqualTo(';');
        assertThat(pkh.code(Field.SEX, " 2 ")).isEqualTo("P");
        assertThat(pkh.code(Field.SEX, "9")).isNull();
        assertThat(all.forFileName("PKH_20261123.CSV")).contains(pkh);
        assertThat(all.bySource("DUKCAPIL").orElseThrow().quote()).isNull();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> brokenMappings() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("unknown key", "encoding: UTF-8", "encodng: UTF-8", "encodng: unknown key 'encodng'"),
                org.junit.jupiter.params.provider.Arguments.of("unknown encoding", "encoding: UTF-8", "encoding: EBCDIC-XYZ", "encoding: 'EBCDIC-XYZ' is not an encoding known to Java"),
                org.junit.jupiter.params.provider.Arguments.of("two-character delimiter", "delimiter: \",\"", "delimiter: \",,\"", "delimiter: must be one character"),
                org.junit.jupiter.params.provider.Arguments.of("bad date pattern", "date-format: dd-MM-yyyy", "date-format: dd-MM-yyyyb", "date-format: 'dd-MM-yyyyb' is not a valid pattern"),
                org.junit.jupiter.params.provider.Arguments.of("unknown canonical field", "  nik: NIK", "  nikk: NIK", "columns.nikk: 'nikk' is not a canonical field"),
                org.junit.jupiter.params.provider.Arguments.of("sex code onto a third value", "  sex: { L: L, P: P,", "  sex: { L: L, P: X,", "codes.sex.P: values must be L or P"),
                org.junit.jupiter.params.provider.Arguments.of("optional column not mapped", "optional-columns: [TEMPAT_LAHIR, NAMA_IBU_KANDUNG, JENJANG]",
                        "optional-columns: [FOO]", "optional-columns: 'FOO' is not mapped"));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("brokenMappings")
    void aMappingThatCannotWorkIsRefusedWithItsFileAndProblem(String what, String from, String to, String message) throws Exception {
        String kip = Files.readString(Path.of("config/sources/kip.yml"));
        String broken = kip.replace(from, to);
        assertThat(broken).as(what).isNotEqualTo(kip);
        Path f = dir.resolve("kip.yml");
        Files.writeString(f, broken);
        assertThatThrownBy(() -> SourceMappingLoader.load(f)).hasMessageContaining("kip.yml").hasMessageContaining(message);
    }

    @Test
    void overlappingPrefixesAreRefused() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.copy(Path.of("config/sources/kip.yml"), sources.resolve("kip.yml"));
        Files.writeString(sources.resolve("kip2.yml"), Files.readString(Path.of("config/sources/kip.yml"))
                .replace("source: KIP", "source: KIP2").replace("file-prefix: kip", "file-prefix: kip_sma"));
        assertThatThrownBy(() -> SourceMappings.load(dir)).hasMessageContaining("overlap");
    }
}
