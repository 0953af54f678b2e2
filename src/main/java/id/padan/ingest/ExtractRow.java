package id.padan.ingest;

/**
 * One physical line of an extract after splitting: either {@code fields} (exactly as many as the
 * header has) or a {@code problem} saying why the line cannot be loaded. {@code rawText} is the
 * line as decoded (invalid bytes replaced), for the rejected-row table and the corrected extract.
 */
public record ExtractRow(int lineNo, String rawText, String[] fields, String problem) {
    public boolean ok() {
        return problem == null;
    }
}
