package id.padan.run.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.channels.FileChannel;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Folders and files of {@code PADAN_HOME} that only the padan user may read: folders 0700, files 0600. */
final class PrivateFiles {
    private static final Logger log = LoggerFactory.getLogger(PrivateFiles.class);
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Creates {@code dir} (and its missing parents) with mode 0700, or narrows an existing one to 0700. */
    static Path folder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(FOLDER));
            } catch (FileAlreadyExistsException raced) {
                // another padan process created it at the same moment
            }
        }
        narrow(dir, FOLDER);
        return dir;
    }

    /** Sets {@code path}'s mode to {@code mode} if it allows more; says so when it cannot (another user's file). */
    static void narrow(Path path, Set<PosixFilePermission> mode) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (mode.containsAll(now)) return;
        try {
            Files.setPosixFilePermissions(path, mode);
        } catch (IOException e) {
            log.warn("{} is mode {} and could not be narrowed to {}: {}", path, PosixFilePermissions.toString(now),
                    PosixFilePermissions.toString(mode), e.getMessage());
        }
    }

    /**
     * Writes {@code text} to {@code file} with mode 0600 from the moment it exists: written to a new file beside it,
     * flushed to disk, then renamed over it, so that a crash leaves either the old content or the new.
     */
    static void writeSecret(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(FILE));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.write(StandardCharsets.UTF_8.encode(text));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
