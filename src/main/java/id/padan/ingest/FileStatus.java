package id.padan.ingest;

/**
 * What became of a source's extract in a run ({@code padan.input_file.status}): {@code LOADED} (read; each
 * line loaded or rejected with a reason), {@code EMPTY} (read, but no row loaded: only a header, or every row
 * rejected), {@code FAILED} (the file could not be read at all) or {@code MISSING} (no file for the source).
 * Checks that need a source run only when its file is {@code LOADED}.
 */
public enum FileStatus { LOADED, EMPTY, FAILED, MISSING }
