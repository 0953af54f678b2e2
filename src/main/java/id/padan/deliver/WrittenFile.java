package id.padan.deliver;

import java.nio.file.Path;

/** A file a run delivered, with the number of data rows in it (0 for documents that are not tables). */
public record WrittenFile(Path path, long rows) {}
