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
import java.util.Optional;
import java.util.stream.Stream;
import java.time.LocalDate;

/**
 * The extract files of one input directory, one per configured source, with their SHA-256. A file belongs to the
 * source whose name prefix starts its name (case-insensitive). When the run reads the files of one date, a file
 * dated otherwise ({@code pkh_20261122.csv} for 2026-11-23) is not used; a file without a date in its name is used
 * whatever the date. Hidden files, readiness markers and files still being copied ({@link ExtractFileNames#inTransit})
 * and files that match no source are passed over without a word; set-aside copies ({@code pkh_20261123.csv.bak}),
 * files of another date and entries that are not regular files (a directory named like an extract, a broken
 * link) are {@linkplain #ignored() named and ignored}.
 *
 * @param ignored the files with a source's prefix that are not used, each with why
 */
public record InputFiles(Path dir, Map<String, Path> bySource, Map<String, String> sha256, List<Ignored> ignored) {

    /** A file with a source's prefix that this run does not read, and why. */
    public record Ignored(String source, Path file, String reason) {
        @Override
        public String toString() {
            return file.getFileName() + " (" + reason + ")";
        }
    }

    /** Finds the files for each source, whatever their date (a folder that holds one night only). */
    public static InputFiles scan(Path dir, SourceMappings mappings) {
        return scan(dir, mappings, null);
    }

    /**
     * Finds each source's file dated {@code fileDate} (or without a date in its name); null reads any date.
     *
     * @throws IllegalArgumentException when the directory is missing, a source has two files, or a file that
     *                                  would be read cannot be (naming each file and the reason)
     */
    public static InputFiles scan(Path dir, SourceMappings mappings, LocalDate fileDate) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("input directory " + dir + " does not exist");
        Map<String, Path> found = new LinkedHashMap<>();
        Map<String, String> sums = new LinkedHashMap<>();
        List<Ignored> ignored = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> files = Files.list(dir)) {
            entries = files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list input directory " + dir + ": " + e.getMessage(), e);
        }
        for (Path f : entries) {
            String name = f.getFileName().toString();
            if (ExtractFileNames.inTransit(name)) continue;
            Optional<SourceMapping> mapping = mappings.forFileName(name);
            if (mapping.isEmpty()) continue;
            String source = mapping.get().source();
            String notAnExtract = notAnExtract(f, name, fileDate);
            if (notAnExtract != null) {
                ignored.add(new Ignored(source, f, notAnExtract));
                continue;
            }
            Path previous = found.putIfAbsent(source, f);
            if (previous != null) problems.add("two files for source " + source + ": " + previous.getFileName() + " and " + name);
        }
        found.forEach((source, file) -> {
            try {
                sums.put(source, sha256(file));
            } catch (UncheckedIOException e) {
                problems.add("cannot read " + file + ": " + reason(e.getCause()));
            }
        });
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        return new InputFiles(dir, Map.copyOf(found), Map.copyOf(sums), List.copyOf(ignored));
    }

    /** Why a file with a source's prefix is not this run's extract, or null when it is. */
    private static String notAnExtract(Path f, String name, LocalDate fileDate) {
        if (!Files.isRegularFile(f)) {
            if (Files.isDirectory(f)) return "a directory, not a file";
            return Files.exists(f) ? "not a regular file" : "a symbolic link to " + target(f) + ", which does not exist";
        }
        Optional<String> aside = ExtractFileNames.setAside(name);
        if (aside.isPresent()) return "a set-aside copy (" + aside.get() + "), not an extract";
        LocalDate dated = ExtractFileNames.dateIn(name);
        if (fileDate != null && dated != null && !dated.equals(fileDate)) return "dated " + dated + "; this run reads the files dated " + fileDate;
        return null;
    }

    /** Why a source has no file in this run: nothing with its prefix, or only files that were ignored (named). */
    public String whyMissing(SourceMapping m) {
        List<String> passed = ignored.stream().filter(i -> i.source().equals(m.source())).map(Ignored::toString).toList();
        return "no file starting with '" + m.filePrefix() + "' in the input directory"
                + (passed.isEmpty() ? "" : " that can be read (ignored: " + String.join(", ", passed) + ")");
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a missing file";
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
            throw new UncheckedIOException("cannot read " + file + ": " + reason(e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
