package id.padan.deliver.internal;

import id.padan.deliver.OutputFiles;

import id.padan.deliver.ReviewCell;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * A CSV table for reviewers, written by Jackson CSV: UTF-8 with a byte-order mark (so a spreadsheet picks the
 * encoding), comma separated, RFC 4180 quoting where a value needs it, CRLF line ends. Cells are
 * {@link ReviewCell}s only (masked text, masked identifiers, counts), made formula-safe: a text starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '} so that a
 * spreadsheet shows it as text and never evaluates it (the OWASP advice for CSV injection).
 */
public final class ReviewCsv implements Closeable {
    static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");
    private final Writer out;
    private final SequenceWriter rows;
    private long count;

    public ReviewCsv(Path file, List<String> header) throws IOException {
        this(OutputFiles.PRIVATE, file, header);
    }

    /** A new file with the mode {@code files} gives. */
    public ReviewCsv(OutputFiles files, Path file, List<String> header) throws IOException {
        out = files.newBufferedWriter(file);
        out.write('\uFEFF');
        rows = CSV.writerFor(String[].class).with(SCHEMA).writeValues(out);
        String[] h = new String[header.size()];
        for (int i = 0; i < h.length; i++) h[i] = safe(header.get(i));
        rows.write(h);
    }

    /** One data row; null cells are empty. */
    public void row(List<? extends ReviewCell> cells) {
        String[] v = new String[cells.size()];
        for (int i = 0; i < v.length; i++) {
            ReviewCell c = cells.get(i);
            v[i] = c == null ? "" : c instanceof ReviewCell.Count ? c.toString() : safe(c.toString());
        }
        rows.write(v);
        count++;
    }

    public long rows() {
        return count;
    }

    /** The value a spreadsheet will show as text: a leading {@code '} before a formula trigger. */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) return value == null ? "" : value;
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    @Override
    public void close() throws IOException {
        rows.close();
        out.close();
    }
}
