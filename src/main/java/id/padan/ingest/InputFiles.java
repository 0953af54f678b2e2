package id.padan.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The extract files of one input directory, one per configured source, with their SHA-256. A file
 * is recognised by its name prefix (case-insensitive); files that match no source, hidden files and
 * readiness markers ({@code *.done}, {@code *.part}, {@code *.tmp}) are ignored.
 */
public record InputFiles(Path dir, Map<String, Path> bySource, Map<String, String> sha256) {

    /**
     * Finds the files for each source.
     *
     * @throws IllegalArgumentException when the directory is missing or a source has two files
     */
    public static InputFiles scan(Path dir, SourceMappings mappings) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("input directory " + dir + " does not exist");
        Map<String, Path> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".done") || name.endsWith(".part") || name.endsWith(".tmp")) continue;
                mappings.forFileName(name).ifPresent(m -> {
                    Path previous = found.putIfAbsent(m.source(), f);
                    if (previous != null) {
                        problems.add("two files for source " + m.source() + ": " + previous.getFileName() + " and " + name);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list input directory " + dir, e);
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        Map<String, String> sums = new LinkedHashMap<>();
        found.forEach((source, file) -> sums.put(source, sha256(file)));
        return new InputFiles(dir, Map.copyOf(found), Map.copyOf(sums));
    }

    /** One value that identifies these inputs: SHA-256 over the sources and their files' checksums. */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        sha256.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
