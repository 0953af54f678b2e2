package id.padan.store;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows into one table with PostgreSQL {@code COPY ... FROM STDIN} (text format), the fast
 * path for bulk loads. Call the {@code add} methods for each column in table order, then
 * {@link #endRow()}; {@link #close()} finishes the copy. Null values become {@code \N}. Values are
 * escaped and UTF-8 encoded into a local byte buffer, sent in blocks of about 256 KB. The copy runs in the connection's
 * current transaction. Not thread-safe: one writer per thread and connection.
 */
public final class CopyWriter implements Closeable {
    private static final int FLUSH_AT = 1 << 18;
    private final CopyIn copy;
    /** The COPY text, already UTF-8: each value is escaped and encoded straight into it, with no String in between. */
    private byte[] buf = new byte[FLUSH_AT + 8192];
    private int pos;
    private boolean first = true;
    private long rows;

    public CopyWriter(Connection connection, String table, String columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        this.copy = pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    public CopyWriter add(String value) {
        sep();
        if (value == null) return putNull();
        int n = value.length();
        room(3 * n); // the most a char takes: an escape is 2 bytes, a UTF-8 char 3, a surrogate pair 4 for two chars
        byte[] b = buf;
        int p = pos;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { b[p++] = '\\'; b[p++] = '\\'; }
                    case '\t' -> { b[p++] = '\\'; b[p++] = 't'; }
                    case '\n' -> { b[p++] = '\\'; b[p++] = 'n'; }
                    case '\r' -> { b[p++] = '\\'; b[p++] = 'r'; }
                    case '\0' -> throw new IllegalArgumentException(
                            "a value holds a NUL byte, which PostgreSQL text cannot store (write it visibly, e.g. as \\x00, before COPY)");
                    default -> b[p++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                b[p++] = (byte) (0xF0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                b[p++] = '?'; // a lone surrogate is not text; String.getBytes writes '?' for it too
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        pos = p;
        return this;
    }

    public CopyWriter add(long value) {
        sep();
        if (value < 0) return ascii(Long.toString(value));
        room(20);
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) digits++;
        int p = pos + digits;
        pos = p;
        long v = value;
        do {
            buf[--p] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        return this;
    }

    public CopyWriter add(Long value) {
        if (value == null) {
            sep();
            return putNull();
        }
        return add(value.longValue());
    }

    public CopyWriter add(Double value) {
        sep();
        if (value == null || value.isNaN()) return putNull();
        return ascii(Double.toString(value));
    }

    public CopyWriter add(boolean value) {
        sep();
        room(1);
        buf[pos++] = (byte) (value ? 't' : 'f');
        return this;
    }

    public CopyWriter add(LocalDate value) {
        sep();
        if (value == null) return putNull();
        int y = value.getYear();
        if (y < 0 || y > 9999) return ascii(value.toString());
        room(10);
        two(y / 100);
        two(y % 100);
        buf[pos++] = '-';
        two(value.getMonthValue());
        buf[pos++] = '-';
        two(value.getDayOfMonth());
        return this;
    }

    public CopyWriter add(Character value) {
        return add(value == null ? null : String.valueOf(value));
    }

    public void endRow() {
        room(1);
        buf[pos++] = '\n';
        first = true;
        rows++;
        if (pos >= FLUSH_AT) flush();
    }

    public long rows() {
        return rows;
    }

    private void sep() {
        room(1);
        if (!first) buf[pos++] = '\t';
        first = false;
    }

    private CopyWriter putNull() {
        room(2);
        buf[pos++] = '\\';
        buf[pos++] = 'N';
        return this;
    }

    /** A value known to be ASCII without COPY's special characters (a number's text). */
    private CopyWriter ascii(String s) {
        room(s.length());
        for (int i = 0; i < s.length(); i++) buf[pos++] = (byte) s.charAt(i);
        return this;
    }

    private void two(int v) {
        buf[pos++] = (byte) ('0' + v / 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    /** Makes room for {@code bytes} more: sends what is buffered (a COPY stream may be cut anywhere), and grows for one huge value. */
    private void room(int bytes) {
        if (pos + bytes <= buf.length) return;
        flush();
        if (bytes > buf.length) buf = new byte[bytes + 8192];
    }

    private void flush() {
        if (pos == 0) return;
        try {
            copy.writeToCopy(buf, 0, pos);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        }
        pos = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
            copy.endCopy();
        } catch (SQLException | RuntimeException e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the connection is failing anyway; the original error is what matters
                }
            }
            throw new IOException("COPY failed: " + e.getMessage(), e);
        }
    }
}
