package id.padan.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    @TempDir
    Path tmp;

    @Test
    void byDefaultFilesAndFoldersAreThePadanUsersOnly() throws Exception {
        OutputFiles files = new OutputFiles("600");
        Path dir = files.createDirectories(tmp.resolve("out/run-1/reports/3201"));
        files.writeString(dir.resolve("report.html"), "<p>x</p>");
        try (OutputStream o = files.newOutputStream(dir.resolve("report.xlsx"))) {
            o.write(1);
        }
        assertThat(mode(tmp.resolve("out"))).isEqualTo("rwx------");
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("report.html"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("report.xlsx"))).isEqualTo("rw-------");
    }

    @Test
    void aGroupModeGivesGroupReadAndFoldersTheSearchBit() throws Exception {
        OutputFiles files = new OutputFiles("640");
        Path dir = files.createDirectories(tmp.resolve("run-2"));
        files.writeString(dir.resolve("summary.txt"), "ringkasan");
        assertThat(mode(dir)).isEqualTo("rwxr-x---");
        assertThat(mode(dir.resolve("summary.txt"))).isEqualTo("rw-r-----");
    }

    @Test
    void anExistingFileRewrittenTakesTheModeToo() throws Exception {
        Path f = Files.writeString(tmp.resolve("manifest.csv"), "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        new OutputFiles("600").writeString(f, "new");
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(mode(f)).isEqualTo("rw-------");
    }

    @Test
    void modesThatLockOutThePadanUserOrExecuteAreRefused() {
        assertThatThrownBy(() -> new OutputFiles("400")).hasMessageContaining("6xx");
        assertThatThrownBy(() -> new OutputFiles("755")).hasMessageContaining("executable");
        assertThatThrownBy(() -> new OutputFiles("rw-")).hasMessageContaining("three octal digits");
        assertThat(new OutputFiles("0644").fileMode()).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
