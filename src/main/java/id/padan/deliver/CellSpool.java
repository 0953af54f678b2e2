package id.padan.deliver;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of reviewer cells set aside in a file and read back later in the order written: the national list of
 * decisions is the kabupaten stream's decision rows regrouped by finding code, so each code's rows wait in a
 * spool of their own instead of being queried and described a second time. The cells are already masked; read
 * back they are the same cells again (made only here, from what this spool wrote), so nothing unmasked can enter
 * through it. The file is deleted on {@link #close}.
 */
public final class CellSpool implements Closeable {
    private static final byte TEXT = 0, ID = 1, COUNT = 2, NIK = 3;
    private final Path file;
    private final DataOutputStream out;
    private long rows;

    public CellSpool(Path file) throws IOException {
        this.file = file;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    public void add(List<ReviewCell> cells) throws IOException {
        out.writeInt(cells.size());
        for (ReviewCell c : cells) {
            out.writeByte(c instanceof ReviewCell.Count ? COUNT : c instanceof MaskedNik ? NIK : c.identifier() ? ID : TEXT);
            byte[] b = c.toString().getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** What to do with each row read back. */
    public interface RowSink {
        void row(List<ReviewCell> cells) throws IOException;
    }

    /** Reads every row back, in the order added, into {@code sink}. */
    public void replay(RowSink sink) throws IOException {
        out.flush();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                int n;
                try {
                    n = in.readInt();
                } catch (EOFException end) {
                    return;
                }
                List<ReviewCell> cells = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    byte type = in.readByte();
                    String s = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                    cells.add(switch (type) {
                        case COUNT -> ReviewCell.count(Long.parseLong(s));
                        case NIK -> s.isEmpty() ? MaskedNik.NONE : new MaskedNik(s);
                        case ID -> s.isEmpty() ? ReviewText.EMPTY : new ReviewText(s, true);
                        default -> s.isEmpty() ? ReviewText.EMPTY : new ReviewText(s, false);
                    });
                }
                sink.row(cells);
            }
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }
}
