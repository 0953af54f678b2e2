package id.padan.deliver.internal;

import id.padan.deliver.OutputFiles;

import id.padan.deliver.ReviewCell;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An XLSX workbook for reviewers, written as a stream one sheet after the other. Cells are {@link ReviewCell}s
 * only: text goes into inline string cells (no shared-string table to hold in memory: a national sheet has
 * hundreds of thousands of distinct values) (never formulas: a value starting with {@code =} stays text), identifiers
 * (record keys, person ids, codes, masked NIKs) into string cells formatted as text ({@code @}), so that a NISN
 * keeps its leading zeros and a long number its digits when the cell is edited; counts into number cells. A sheet
 * holds at most {@link #MAX_ROWS} data rows (Excel's limit); past that, its last row says so and the CSV copy has
 * the rest.
 */
final class ReviewXlsx implements Closeable {
    static final int MAX_ROWS = 1_048_575 - 1;
    private final OutputStream out;
    private final Workbook wb;
    private Worksheet ws;
    private int row;
    private int columns;
    private boolean cut;
    private long rows;

    ReviewXlsx(Path file) throws IOException {
        this(OutputFiles.PRIVATE, file);
    }

    ReviewXlsx(OutputFiles files, Path file) throws IOException {
        out = new BufferedOutputStream(files.newOutputStream(file), 1 << 16);
        wb = new Workbook(out, "padan", "1.0");
        wb.setCompressionLevel(1);
    }

    void sheet(String name, List<String> header) throws IOException {
        if (ws != null) ws.finish();
        ws = wb.newWorksheet(name.length() > 31 ? name.substring(0, 31) : name);
        columns = header.size();
        for (int c = 0; c < header.size(); c++) {
            ws.inlineString(0, c, header.get(c));
            ws.style(0, c).bold().fillColor("DDE4EE").set();
        }
        ws.freezePane(0, 1);
        row = 1;
        cut = false;
    }

    /** One data row; null cells are empty. */
    void row(List<? extends ReviewCell> cells) throws IOException {
        if (row > MAX_ROWS) {
            if (!cut) {
                ws.inlineString(row, 0, "… (baris selanjutnya ada di berkas CSV / more rows in the CSV file)");
                cut = true;
            }
            return;
        }
        for (int c = 0; c < cells.size() && c < columns; c++) {
            ReviewCell v = cells.get(c);
            if (v == null) continue;
            if (v instanceof ReviewCell.Count n) {
                ws.value(row, c, n.value());
            } else {
                String s = v.toString();
                if (s.isEmpty()) continue;
                ws.inlineString(row, c, s);
                if (v.identifier()) ws.style(row, c).format("@").set();
            }
        }
        row++;
        rows++;
        if ((row & 1023) == 0) ws.flush();
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        if (ws != null) ws.finish();
        wb.finish();
        out.close();
    }
}
