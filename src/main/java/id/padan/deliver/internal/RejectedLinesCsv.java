package id.padan.deliver.internal;

import id.padan.deliver.OutputFiles;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The lines of an extract padan could not load, handed back to the dinas that sent them in a file of their own
 * (so that the corrected extract stays well-formed on every line): UTF-8 with a byte-order mark, comma separated,
 * written by Jackson CSV, one record per rejected line with its line number in the file sent, the reason, and the
 * line as sent (bytes invalid in the source's encoding shown as {@code �}). A line starting with a formula
 * character gets a leading {@code '}, as in the reviewer files.
 */
final class RejectedLinesCsv implements Closeable {
    static final String[] HEADER = {"nomor_baris", "alasan", "baris_asli"};
    private final Writer out;
    private final SequenceWriter rows;
    private long count;

    RejectedLinesCsv(OutputFiles files, Path file) throws IOException {
        out = files.newBufferedWriter(file);
        out.write('\uFEFF');
        rows = ReviewCsv.CSV.writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(out);
        rows.write(HEADER);
    }

    void row(int lineNo, String reason, String rawText) {
        rows.write(new String[] {Integer.toString(lineNo), reason == null ? "" : reason, ReviewCsv.safe(rawText == null ? "" : rawText)});
        count++;
    }

    long rows() {
        return count;
    }

    @Override
    public void close() throws IOException {
        rows.close();
        out.close();
    }
}
