package id.padan.schedule;

import id.padan.ingest.ExtractFileNames;
import id.padan.ingest.SourceMapping;
import id.padan.ingest.SourceMappings;
import id.padan.schedule.JobDefinition.Pick;
import id.padan.schedule.JobDefinition.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Chooses the night's extracts from a job's input directory and judges whether each is completely delivered.
 *
 * <p>A file belongs to the source whose prefix starts its name (as for {@code padan run}); hidden files, files
 * still being copied or marking readiness ({@code .done}, {@code .part}, {@code .tmp}, {@code .partial},
 * {@code .filepart}, {@code .crdownload}), set-aside copies ({@code .bak}, {@code .old}, {@code ~}, ...) and
 * anything but a regular file are never chosen ({@link ExtractFileNames}, as for {@code padan run}). A date in
 * a file name is the first {@code yyyyMMdd} or {@code yyyy-MM-dd} in it.
 *
 * <p>Readiness: with {@code ready: marker} a file is ready once {@code NAME.done} exists; with {@code ready:
 * stable} once its size and modification time are unchanged over a short probe <em>and</em> it was last
 * modified at least {@code settle-seconds} ago. A copy in progress keeps moving both (also {@code cp -p} and
 * {@code rsync}, which set the original time only when the copy is complete, or write to a hidden name).
 */
public final class NightSelector {

    private final SourceMappings mappings;
    private final Duration probe;

    /** @param probe how long to watch the chosen files for a change of size or time (1 second in production) */
    public NightSelector(SourceMappings mappings, Duration probe) {
        this.mappings = mappings;
        this.probe = probe;
    }

    private record Candidate(String source, Path file, LocalDate date) {}

    public NightSelection select(JobDefinition job) {
        Map<String, List<Candidate>> bySource = new TreeMap<>();
        try (Stream<Path> s = Files.list(job.inputDirectory())) {
            for (Path f : s.sorted().toList()) {
                String name = f.getFileName().toString();
                if (ExtractFileNames.inTransit(name) || ExtractFileNames.setAside(name).isPresent() || !Files.isRegularFile(f)) continue;
                Optional<SourceMapping> m = mappings.forFileName(name);
                if (m.isEmpty()) continue;
                bySource.computeIfAbsent(m.get().source(), k -> new ArrayList<>()).add(new Candidate(m.get().source(), f, dateIn(name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list input directory " + job.inputDirectory() + ": " + e.getMessage(), e);
        }
        Map<String, Path> chosen = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        LocalDate newest = bySource.values().stream().flatMap(List::stream).map(Candidate::date)
                .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        LocalDate inputDate = null;
        for (SourceMapping m : mappings.all()) {
            List<Candidate> all = bySource.getOrDefault(m.source(), List.of());
            if (all.isEmpty()) {
                missing.put(m.source(), "no file starting with '" + m.filePrefix() + "' in " + job.inputDirectory());
                continue;
            }
            List<Candidate> pickFrom = switch (job.pick()) {
                case ONLY -> all;
                case NEWEST_DATE -> newest == null ? List.of() : all.stream().filter(c -> newest.equals(c.date())).toList();
                case NEWEST_PER_SOURCE -> {
                    LocalDate own = all.stream().map(Candidate::date).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
                    yield own == null ? List.of() : all.stream().filter(c -> own.equals(c.date())).toList();
                }
            };
            if (pickFrom.isEmpty()) {
                Candidate latest = all.stream().filter(c -> c.date() != null).max(Comparator.comparing(Candidate::date)).orElse(null);
                missing.put(m.source(), job.pick() == Pick.NEWEST_DATE && latest != null
                        ? "no file dated " + newest + " (the newest is " + latest.file().getFileName() + ", which is not used in its place)"
                        : "no file with a date (yyyyMMdd) in its name: " + names(all));
                continue;
            }
            if (pickFrom.size() > 1) {
                problems.add("two files for " + m.source() + (pickFrom.get(0).date() == null ? "" : " dated " + pickFrom.get(0).date()) + ": " + names(pickFrom));
                continue;
            }
            Candidate c = pickFrom.get(0);
            if (job.pick() == Pick.NEWEST_PER_SOURCE && job.maxAge() != null && newest != null
                    && ChronoUnit.DAYS.between(c.date(), newest) > job.maxAge()) {
                missing.put(m.source(), "the newest file " + c.file().getFileName() + " is " + ChronoUnit.DAYS.between(c.date(), newest)
                        + " days older than the newest extract (" + newest + "); input.max-age-days is " + job.maxAge());
                continue;
            }
            chosen.put(m.source(), c.file());
            if (c.date() != null && (inputDate == null || c.date().isAfter(inputDate))) inputDate = c.date();
        }
        return new NightSelection(inputDate, chosen, missing, readiness(job, chosen.values()), problems);
    }

    private Map<Path, String> readiness(JobDefinition job, java.util.Collection<Path> files) {
        Map<Path, String> notReady = new LinkedHashMap<>();
        if (files.isEmpty()) return notReady;
        if (job.readiness() == Readiness.MARKER) {
            for (Path f : files) {
                if (!Files.exists(f.resolveSibling(f.getFileName() + ".done"))) notReady.put(f, "no marker " + f.getFileName() + ".done yet");
            }
            return notReady;
        }
        Map<Path, BasicFileAttributes> first = new LinkedHashMap<>();
        for (Path f : files) first.put(f, attributes(f));
        sleep(probe);
        Instant now = Instant.now();
        for (Path f : files) {
            BasicFileAttributes a = first.get(f), b = attributes(f);
            if (a == null || b == null) {
                notReady.put(f, "disappeared while being checked");
            } else if (a.size() != b.size() || !a.lastModifiedTime().equals(b.lastModifiedTime())) {
                notReady.put(f, "still being written (" + a.size() + " then " + b.size() + " bytes)");
            } else {
                Duration age = Duration.between(b.lastModifiedTime().toInstant(), now);
                if (age.compareTo(job.settle()) < 0) {
                    notReady.put(f, "changed " + Math.max(0, age.toSeconds()) + " s ago; taken once unchanged for " + job.settle().toSeconds() + " s");
                }
            }
        }
        return notReady;
    }

    /** The first yyyyMMdd or yyyy-MM-dd date in a file name, or null. */
    static LocalDate dateIn(String name) {
        return ExtractFileNames.dateIn(name);
    }

    private static BasicFileAttributes attributes(Path f) {
        try {
            return Files.readAttributes(f, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static String names(List<Candidate> cs) {
        return String.join(", ", cs.stream().map(c -> c.file().getFileName().toString()).toList());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the input files", e);
        }
    }
}
