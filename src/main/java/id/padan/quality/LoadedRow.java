package id.padan.quality;

/** A row as the published store has it for one run: which person it was resolved to. */
public record LoadedRow(String source, String recordKey, long personId) {}
