package id.padan.ingest;

/**
 * One record of an extract after splitting: either {@code fields} (exactly as many as the header
 * has) or a {@code problem} saying why the record cannot be loaded. A record is one physical line,
 * or {@code lines} of them when a quoted value holds line breaks; {@code lineNo} is its first line.
 * {@code rawText} is the record as decoded (invalid bytes replaced, lines joined with LF), for the
 * rejected-row table and the corrected extract.
 */
public record ExtractRow(int lineNo, int lines, String rawText, String[] fields, String problem) {
    public ExtractRow(int lineNo, String rawText, String[] fields, String problem) {
        this(lineNo, 1, rawText, fields, problem);
    }

    public boolean ok() {
        return problem == null;
    }
}
