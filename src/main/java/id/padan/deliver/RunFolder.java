package id.padan.deliver;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.springframework.util.FileSystemUtils;

/**
 * The folder of one run's delivery, {@code <out>/run-<id>}, written whole or not at all, and only by its own database.
 *
 * <p>Deliver writes into {@code <out>/.run-<id>.partial} and renames it to {@code run-<id>} once the manifest is
 * complete, so a folder named {@code run-<id>} is always whole: a deliver that is killed or fails leaves only the
 * hidden temporary folder, which the next attempt removes. Each folder carries a marker, {@value #MARKER}, with the
 * database's identity ({@code padan.installation}) and the run id: an {@code out/} that already holds another
 * database's {@code run-<id>} (or a {@code run-<id>} that padan did not write) is refused, never mixed with this one.
 */
final class RunFolder {
    static final String MARKER = ".padan-run";
    private final Path dir;
    private final Path temp;
    private final String databaseId;
    private final long runId;
    private final OutputFiles files;

    RunFolder(Path dir, String databaseId, long runId, OutputFiles files) {
        this.files = files;
        this.dir = dir;
        this.temp = dir.resolveSibling("." + dir.getFileName() + ".partial");
        this.databaseId = databaseId;
        this.runId = runId;
    }

    /**
     * Checks that the run folder and its temporary folder, if there, are this database's and this run's, removes
     * what an earlier attempt left in the temporary folder, and returns it, empty but for the marker.
     *
     * @throws IllegalStateException when either belongs to another database or run, or was not written by padan
     */
    Path prepare() throws IOException {
        files.createDirectories(dir.getParent());
        if (Files.exists(dir)) checkOwner(dir);
        if (Files.exists(temp)) {
            if (Files.exists(temp.resolve(MARKER))) checkOwner(temp);
            FileSystemUtils.deleteRecursively(temp);
        }
        // With the configured modes from the start (OutputFiles): the renamed folder keeps them.
        files.createDirectories(temp);
        files.writeString(temp.resolve(MARKER), "# written by padan: this folder holds one run of one padan database\n"
                + "database=" + databaseId + "\nrun=" + runId + "\n");
        return temp;
    }

    /** Makes the finished temporary folder the run folder (replacing this run's own earlier delivery, if any). */
    void complete() throws IOException {
        if (Files.exists(dir)) FileSystemUtils.deleteRecursively(dir);
        Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
    }

    private void checkOwner(Path folder) throws IOException {
        Path marker = folder.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            throw new IllegalStateException(folder + " already exists and was not written by this padan database (it has no " + MARKER
                    + "); move it away or deliver to another --out");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String db = p.getProperty("database", "");
        String run = p.getProperty("run", "");
        if (!db.equals(databaseId)) {
            throw new IllegalStateException(folder + " holds run " + run + " of another padan database (" + db + ", this one is " + databaseId
                    + "); runs of two databases are not mixed in one folder: move it away or deliver to another --out");
        }
        if (!run.equals(Long.toString(runId))) {
            throw new IllegalStateException(folder + " holds run " + run + " of this database, not run " + runId + "; move it away");
        }
    }
}
