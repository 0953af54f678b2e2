package id.padan.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padan.ingest.SourceMappings;
import id.padan.link.MatchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each part of the configuration comes from: the operator's directory, part by part, else the packaged one. */
class ConfigDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void withoutAnOperatorsDirectoryEveryPartIsPackagedAndLoads() {
        ConfigDirectory c = ConfigDirectory.resolve(null, tmp.resolve("config"), "");
        Path packaged = ConfigDirectory.packagedRoot();
        for (String entry : ConfigDirectory.ENTRIES) assertThat(c.dirFor(entry)).as(entry).isEqualTo(packaged);
        assertThat(c.describe()).isEqualTo("sources/, matching.yml, findings.yml, reports.yml packaged in padan.jar");
        assertThat(SourceMappings.load(c.dirFor("sources")).all()).extracting(m -> m.source())
                .containsExactlyInAnyOrder("DUKCAPIL", "PKH", "PBI_JKN", "KIP");
        assertThat(MatchSettings.load(c.dirFor("matching.yml"))).isNotNull();
    }

    @Test
    void thePackagedConfigurationIsTheRepositorysConfig() throws Exception {
        Path packaged = ConfigDirectory.packagedRoot();
        for (String file : new String[] {"matching.yml", "findings.yml", "reports.yml", "sources/pkh.yml", "febrl/matching.yml"}) {
            assertThat(Files.readString(packaged.resolve(file))).as(file).isEqualTo(Files.readString(Path.of("config").resolve(file)));
        }
    }

    @Test
    void anOperatorsDirectoryReplacesThePartsItHoldsAndTheOthersArePackaged() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("etc-padan"));
        Files.writeString(mine.resolve("reports.yml"), "language: en\n");
        Files.createDirectories(mine.resolve("sources"));
        Files.copy(Path.of("config/sources/dukcapil.yml"), mine.resolve("sources/dukcapil.yml"));
        ConfigDirectory c = ConfigDirectory.resolve(mine.toString(), tmp.resolve("config"), "");
        assertThat(c.dirFor("reports.yml")).isEqualTo(mine);
        assertThat(c.dirFor("sources")).isEqualTo(mine);
        assertThat(c.dirFor("matching.yml")).isEqualTo(ConfigDirectory.packagedRoot());
        assertThat(c.dirFor("findings.yml")).isEqualTo(ConfigDirectory.packagedRoot());
        assertThat(SourceMappings.load(c.dirFor("sources")).all()).as("the operator's sources/ is the set of sources, as a whole")
                .extracting(m -> m.source()).containsExactly("DUKCAPIL");
        assertThat(c.describe()).isEqualTo("sources/, reports.yml from " + mine.toAbsolutePath() + "; matching.yml, findings.yml packaged in padan.jar");
    }

    @Test
    void aConfigDirectoryInTheWorkingDirectoryIsTheOperatorsWithoutBeingNamed() throws Exception {
        Path implicit = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(implicit.resolve("reports.yml"), "language: en\n");
        assertThat(ConfigDirectory.resolve(null, implicit, "").dirFor("reports.yml")).isEqualTo(implicit);
        assertThat(ConfigDirectory.resolve("", implicit, "").dirFor("matching.yml")).isEqualTo(ConfigDirectory.packagedRoot());
    }

    @Test
    void aNamedDirectoryThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> ConfigDirectory.resolve(tmp.resolve("nope").toString(), tmp.resolve("config"), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("configuration directory " + tmp.resolve("nope").toAbsolutePath() + " does not exist");
    }
}
