package id.padan.deliver.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The physical lines of a file as bytes, numbered from 1 like {@link id.padan.ingest.ExtractReader}
 * numbers them: split on LF, a CR before the LF removed (and remembered), a last line without a line
 * break still a line. Used to give back exactly the bytes a source sent, even where they are not valid
 * in its encoding.
 */
final class RawLines implements Closeable {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private byte[] line = new byte[4096];
    private int lineLength;
    private int lineNo;
    private boolean crlf;
    private boolean eof;

    RawLines(Path file) throws IOException {
        in = Files.newInputStream(file);
    }

    /** Moves to physical line {@code n} (at or after the current one); false when the file has fewer lines. */
    boolean seek(int n) throws IOException {
        while (lineNo < n) {
            if (!next()) return false;
        }
        return lineNo == n;
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return lineLength;
    }

    /** Whether the current line ended with CR LF. */
    boolean crlf() {
        return crlf;
    }

    private boolean next() throws IOException {
        if (eof) return false;
        lineLength = 0;
        while (true) {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    eof = true;
                    if (lineLength == 0) return false;
                    crlf = false;
                    if (line[lineLength - 1] == '\r') lineLength--;
                    lineNo++;
                    return true;
                }
            }
            int start = pos;
            while (pos < len && buf[pos] != '\n') pos++;
            append(start, pos - start);
            if (pos < len) {
                pos++;
                crlf = lineLength > 0 && line[lineLength - 1] == '\r';
                if (crlf) lineLength--;
                lineNo++;
                return true;
            }
        }
    }

    private void append(int start, int n) {
        if (lineLength + n > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
        System.arraycopy(buf, start, line, lineLength, n);
        lineLength += n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
