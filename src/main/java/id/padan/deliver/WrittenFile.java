package id.padan.deliver;

import java.nio.file.Path;

/**
 * A file a run delivered, with the number of data rows in it (0 for documents that are not tables),
 * what kind of file it is ({@code REPORT}, {@code EXTRACT}, {@code SUMMARY}), and for extracts and
 * regional reports the source and the region (kabupaten/kota code, {@code NASIONAL} or
 * {@code _unknown_region}); those two are null where they do not apply.
 */
public record WrittenFile(Path path, long rows, String kind, String source, String region) {
    public WrittenFile(Path path, long rows) {
        this(path, rows, "SUMMARY", null, null);
    }
}
