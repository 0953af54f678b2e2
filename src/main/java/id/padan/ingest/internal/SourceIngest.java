package id.padan.ingest.internal;

import id.padan.ingest.FileStatus;
import id.padan.ingest.ExtractReader;
import id.padan.ingest.ExtractRow;
import id.padan.ingest.SourceMapping;
import id.padan.ingest.UnreadableFileException;
import id.padan.reference.RegionReference;
import id.padan.standardise.NikCleaner;
import id.padan.standardise.StagedRow;
import id.padan.standardise.name.NameStandardiser;
import id.padan.store.CopyWriter;
import id.padan.store.StageMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one source's extract of one run in one transaction: good rows into staging with COPY,
 * bad rows into {@code padan.rejected_row} with their reason, and the file's counts into
 * {@code padan.input_file}. read = loaded + rejected always holds. When most rows fail to decode,
 * the file is taken to be in the wrong encoding throughout and the source fails as a whole. Rows are
 * streamed: none is kept once it is written.
 */
public final class SourceIngest {
    private static final Logger log = LoggerFactory.getLogger(SourceIngest.class);
    private static final int PROGRESS_EVERY = 500_000;

    private final DataSource dataSource;
    private final SourceMapping mapping;
    private final StageMetrics metrics;

    public SourceIngest(DataSource dataSource, SourceMapping mapping, StageMetrics metrics) {
        this.dataSource = dataSource;
        this.mapping = mapping;
        this.metrics = metrics;
    }

    /** Rows read, loaded and rejected from one file; {@code failure} is set when the whole file could not be read. */
    public record Result(String source, long read, long loaded, long rejected, String failure) {}

    private record Reject(int lineNo, String recordKey, String raw, String reason) {}

    public Result ingest(long runId, Path file, String sha256) throws Exception {
        long start = System.nanoTime();
        String fileName = file.getFileName().toString();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Reject> rejects = new ArrayList<>();
            long read = 0, loaded = 0, undecodable = 0;
            List<String> header = null;
            String failure = null;
            try (ExtractReader reader = new ExtractReader(file, mapping)) {
                header = reader.readHeader();
                RowStandardiser standardiser = new RowStandardiser(mapping, reader, new NikCleaner(RegionReference.kemendagri()),
                        new NameStandardiser(), RegionReference.kemendagri());
                // Sized for the file (a data row is rarely under 60 bytes; capacity = rows / load factor), so it is not rebuilt as it grows.
                Map<String, Integer> seenKeys = new HashMap<>((int) Math.min(50_000_000, Files.size(file) / 45 + 16));
                try (StagingWriter staging = new StagingWriter(c, runId)) {
                    ExtractRow row;
                    while ((row = reader.next()) != null) {
                        read++;
                        if (!row.ok()) {
                            if (row.problem().startsWith("bytes not valid")) undecodable++;
                            rejects.add(new Reject(row.lineNo(), null, row.rawText(), row.problem()));
                            continue;
                        }
                        String key = standardiser.recordKey(row);
                        if (key == null) {
                            rejects.add(new Reject(row.lineNo(), null, row.rawText(), "the record key " + mapping.recordKey() + " is blank"));
                            continue;
                        }
                        Integer first = seenKeys.putIfAbsent(key, row.lineNo());
                        if (first != null) {
                            rejects.add(new Reject(row.lineNo(), key, row.rawText(),
                                    "record key " + mapping.recordKey() + " repeats the one on line " + first));
                            continue;
                        }
                        StagedRow staged = standardiser.standardise(row, key);
                        staging.write(staged);
                        loaded++;
                        if (read % PROGRESS_EVERY == 0) {
                            metrics.progress(String.format(Locale.ROOT, "ingest    %-9s %,12d rows read ...", mapping.source(), read));
                        }
                    }
                }
                if (read >= 20 && undecodable * 2 > read) {
                    failure = "most rows (" + undecodable + " of " + read + ") are not valid " + mapping.encoding().name()
                            + "; is the file in another encoding?";
                }
            } catch (UnreadableFileException e) {
                failure = e.getMessage();
            }
            if (failure != null) {
                c.rollback();
                log.warn("source {} failed: {}", mapping.source(), failure); // file, line, columns and the problem: never a value
                // The file is rejected as a whole: every data line counts as rejected, with the file-level reason.
                long lines = failure.contains("empty") ? 0 : countDataLines(file);
                insertInputFile(c, runId, fileName, sha256, file, FileStatus.FAILED, failure, header, lines, 0, lines);
                c.commit();
                metrics.progress(String.format(Locale.ROOT, "ingest    %-9s FAILED: %s", mapping.source(), failure));
                return new Result(mapping.source(), lines, 0, lines, failure);
            }
            try (CopyWriter w = new CopyWriter(c, "padan.rejected_row", "run_id, source, file_name, line_no, record_key, raw_text, reason")) {
                for (Reject r : rejects) {
                    w.add(runId).add(mapping.source()).add(fileName).add(r.lineNo()).add(visible(r.recordKey())).add(visible(r.raw()))
                            .add(visible(r.reason()));
                    w.endRow();
                }
            }
            // A file that gave no row (only a header, or every row rejected) is there but cannot be used for any check.
            String empty = loaded > 0 ? null
                    : fileName + ": " + (read == 0 ? "no data row (only a header)" : "every one of its " + read + " rows was rejected");
            insertInputFile(c, runId, fileName, sha256, file, empty == null ? FileStatus.LOADED : FileStatus.EMPTY, empty, header, read, loaded,
                    rejects.size());
            c.commit();
            double s = (System.nanoTime() - start) / 1e9;
            metrics.progress(String.format(Locale.ROOT, "ingest    %-9s %,12d read %,12d loaded %,9d rejected %8.1f s %,10.0f rows/s",
                    mapping.source(), read, loaded, rejects.size(), s, read / Math.max(s, 1e-6)));
            return new Result(mapping.source(), read, loaded, rejects.size(), null);
        }
    }

    /**
     * Text as PostgreSQL can store it: a NUL byte (which no text value may hold) is written as the four visible
     * characters {@code \x00}, so the rejected line keeps showing where its damage is.
     */
    public static String visible(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "\\x00");
    }

    private static long countDataLines(Path file) {
        try (var lines = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return Math.max(0, lines.filter(l -> !l.isBlank()).count() - 1);
        } catch (Exception e) {
            return 0;
        }
    }

    private void insertInputFile(Connection c, long runId, String fileName, String sha256, Path file, FileStatus status, String problem,
                                 List<String> header, long read, long loaded, long rejected) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into padan.input_file (run_id, source, file_name, sha256, size_bytes, status, problem, header,
                                              rows_read, rows_loaded, rows_rejected)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, runId);
            ps.setString(2, mapping.source());
            ps.setString(3, fileName);
            ps.setString(4, sha256);
            ps.setLong(5, Files.size(file));
            ps.setString(6, status.name());
            ps.setString(7, problem);
            ps.setArray(8, header == null ? null : c.createArrayOf("text", header.toArray()));
            ps.setLong(9, read);
            ps.setLong(10, loaded);
            ps.setLong(11, rejected);
            ps.executeUpdate();
        }
    }
}
