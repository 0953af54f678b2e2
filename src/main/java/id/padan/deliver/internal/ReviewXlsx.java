package id.padan.deliver.internal;

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
 * An XLSX workbook for reviewers, written as a stream one sheet after the other. Text goes into string
 * cells (never formulas: a value starting with {@code =} stays text, with no {@code '} added), masked
 * with {@link NikMask}; numbers into number cells. A sheet holds at most {@link #MAX_ROWS} data rows
 * (Excel's limit); past that, its last row says so and the CSV copy has the rest.
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
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        wb = new Workbook(out, "padan", "1.0");
        wb.setCompressionLevel(1);
    }

    void sheet(String name, List<String> header) throws IOException {
        if (ws != null) ws.finish();
        ws = wb.newWorksheet(name.length() > 31 ? name.substring(0, 31) : name);
        columns = header.size();
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().fillColor("DDE4EE").set();
        }
        ws.freezePane(0, 1);
        row = 1;
        cut = false;
    }

    /** One data row: {@code String} cells as text, {@code Number} cells as numbers, null as empty. */
    void row(Object... cells) throws IOException {
        if (row > MAX_ROWS) {
            if (!cut) {
                ws.value(row, 0, "… (more rows in the CSV file)");
                cut = true;
            }
            return;
        }
        for (int c = 0; c < cells.length && c < columns; c++) {
            Object v = cells[c];
            if (v == null) continue;
            if (v instanceof Number n) ws.value(row, c, n);
            else ws.value(row, c, NikMask.mask(v.toString()));
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
