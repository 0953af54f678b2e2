package id.padan.deliver.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV table for reviewers: UTF-8 with a byte-order mark (so a spreadsheet picks the encoding), comma
 * separated, RFC 4180 quoting, CRLF line ends. Every cell is masked ({@link NikMask}) and made
 * formula-safe: a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return gets a leading {@code '} so that a spreadsheet shows it as text and never evaluates it
 * (the OWASP advice for CSV injection). Numbers written with {@link #cell(long)} are left as numbers.
 */
public final class ReviewCsv implements Closeable {
    private final BufferedWriter out;
    private boolean first = true;
    private long rows;

    public ReviewCsv(Path file, List<String> header) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        for (String h : header) cell(h);
        endRow();
        rows = 0;
    }

    public ReviewCsv cell(String value) throws IOException {
        sep();
        out.write(quote(safe(NikMask.mask(value))));
        return this;
    }

    public ReviewCsv cell(long value) throws IOException {
        sep();
        out.write(Long.toString(value));
        return this;
    }

    public void endRow() throws IOException {
        out.write("\r\n");
        first = true;
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** The value a spreadsheet will show as text: a leading {@code '} before a formula trigger. */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) return value == null ? "" : value;
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    static String quote(String v) {
        boolean needs = false;
        for (int i = 0; i < v.length() && !needs; i++) {
            char c = v.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private void sep() throws IOException {
        if (!first) out.write(',');
        first = false;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
