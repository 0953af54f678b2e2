package id.padan.deliver;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates what a run delivers (reports, extracts with personal data, summary, manifest) with the configured modes from
 * the moment it exists: files {@code padan.output.file-mode} (default 600, the padan user only), folders the same with
 * the search bit wherever a read bit is set (600 gives 700, 640 gives 750). The mode is given at creation and set once
 * more right after, because the process's umask may take bits away from a mode given at creation (never adds any).
 */
@Component
public final class OutputFiles {
    /** The padan user only: files 0600, folders 0700. */
    public static final OutputFiles PRIVATE = new OutputFiles("600");

    private final Set<PosixFilePermission> fileMode;
    private final Set<PosixFilePermission> folderMode;

    public OutputFiles(@Value("${padan.output.file-mode:600}") String fileMode) {
        this.fileMode = parse(fileMode);
        this.folderMode = EnumSet.copyOf(this.fileMode);
        if (this.fileMode.contains(PosixFilePermission.OWNER_READ)) folderMode.add(PosixFilePermission.OWNER_EXECUTE);
        if (this.fileMode.contains(PosixFilePermission.GROUP_READ)) folderMode.add(PosixFilePermission.GROUP_EXECUTE);
        if (this.fileMode.contains(PosixFilePermission.OTHERS_READ)) folderMode.add(PosixFilePermission.OTHERS_EXECUTE);
    }

    /** {@code 640} (octal, as chmod takes it) as permissions; refuses modes that would keep the padan user out. */
    static Set<PosixFilePermission> parse(String octal) {
        String s = octal == null ? "" : octal.strip();
        if (!s.matches("0?[0-7]{3}")) {
            throw new IllegalArgumentException("padan.output.file-mode must be three octal digits like 600 or 640, not '" + octal + "'");
        }
        int mode = Integer.parseInt(s, 8);
        if ((mode & 0600) != 0600) throw new IllegalArgumentException("padan.output.file-mode " + s + " must let the padan user read and write (6xx)");
        if ((mode & 0111) != 0) throw new IllegalArgumentException("padan.output.file-mode " + s + " must not make files executable");
        StringBuilder rwx = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (mode >> shift) & 7;
            rwx.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        return EnumSet.copyOf(PosixFilePermissions.fromString(rwx.toString()));
    }

    public Set<PosixFilePermission> fileMode() {
        return Set.copyOf(fileMode);
    }

    public Set<PosixFilePermission> folderMode() {
        return Set.copyOf(folderMode);
    }

    /** Creates {@code dir} and its missing parents with the folder mode (folders that exist already are left as they are). */
    public Path createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return dir;
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) createDirectories(parent);
        try {
            Files.createDirectory(dir, attribute(folderMode));
            Files.setPosixFilePermissions(dir, folderMode);
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(dir)) throw raced;
        }
        return dir;
    }

    /** A new (or truncated) file with the file mode, for writing bytes. */
    public OutputStream newOutputStream(Path file) throws IOException {
        OutputStream out = Channels.newOutputStream(Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), attribute(fileMode)));
        if (!Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(fileMode)) Files.setPosixFilePermissions(file, fileMode);
        return out;
    }

    /** A new (or truncated) UTF-8 text file with the file mode. */
    public BufferedWriter newBufferedWriter(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(newOutputStream(file), StandardCharsets.UTF_8.newEncoder()));
    }

    /** Writes {@code text} (UTF-8) to a new (or truncated) file with the file mode. */
    public void writeString(Path file, String text) throws IOException {
        try (BufferedWriter w = newBufferedWriter(file)) {
            w.write(text);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> mode) {
        return PosixFilePermissions.asFileAttribute(mode);
    }
}
