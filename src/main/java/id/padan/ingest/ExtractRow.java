package id.padan.ingest;

/**
 * One record of an extract after splitting: either {@code fields} (exactly as many as the header
 * has) or a {@code problem} saying why the record cannot be loaded. A record is one physical line,
 * or {@code lines} of them when a quoted value holds line breaks; {@code lineNo} is its first line.
 * {@code rawText} is the record as decoded (invalid bytes replaced, lines joined with LF), for the
 * rejected-row table and the corrected extract. For a line without quotes it is only built when asked
 * for, from the fields and the delimiter they were cut at (which gives the line back exactly): most
 * rows are loaded and never need it.
 */
public final class ExtractRow {
    private final int lineNo;
    private final int lines;
    private String rawText;
    private final String[] fields;
    private final String problem;
    private final char delimiter;

    public ExtractRow(int lineNo, int lines, String rawText, String[] fields, String problem) {
        this.lineNo = lineNo;
        this.lines = lines;
        this.rawText = rawText;
        this.fields = fields;
        this.problem = problem;
        this.delimiter = 0;
    }

    public ExtractRow(int lineNo, String rawText, String[] fields, String problem) {
        this(lineNo, 1, rawText, fields, problem);
    }

    /** A well-formed single line that was cut at every {@code delimiter} and had no quote in it. */
    static ExtractRow plain(int lineNo, String[] fields, char delimiter) {
        return new ExtractRow(lineNo, fields, delimiter);
    }

    private ExtractRow(int lineNo, String[] fields, char delimiter) {
        this.lineNo = lineNo;
        this.lines = 1;
        this.fields = fields;
        this.problem = null;
        this.delimiter = delimiter;
    }

    public int lineNo() {
        return lineNo;
    }

    public int lines() {
        return lines;
    }

    public String rawText() {
        if (rawText == null && delimiter != 0) rawText = String.join(String.valueOf(delimiter), fields);
        return rawText;
    }

    public String[] fields() {
        return fields;
    }

    public String problem() {
        return problem;
    }

    public boolean ok() {
        return problem == null;
    }

    @Override
    public String toString() {
        return "ExtractRow[line " + lineNo + (lines > 1 ? "-" + (lineNo + lines - 1) : "") + (ok() ? ", " + fields.length + " fields" : ", " + problem) + "]";
    }
}
