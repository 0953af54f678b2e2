package id.padan.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows into one table with PostgreSQL {@code COPY ... FROM STDIN} (text format), the fast
 * path for bulk loads. Call the {@code add} methods for each column in table order, then
 * {@link #endRow()}; {@link #close()} finishes the copy. Null values become {@code \N}. Rows are
 * built in a local buffer and sent in blocks of about 256 KB. The copy runs in the connection's
 * current transaction. Not thread-safe: one writer per thread and connection.
 */
public final class CopyWriter implements Closeable {
    private static final int FLUSH_AT = 1 << 18;
    private final CopyIn copy;
    private StringBuilder buf = new StringBuilder(FLUSH_AT + 4096);
    private boolean first = true;
    private long rows;

    public CopyWriter(Connection connection, String table, String columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        this.copy = pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    public CopyWriter add(String value) {
        sep();
        if (value == null) {
            buf.append("\\N");
            return this;
        }
        int n = value.length();
        int i = 0;
        while (i < n && !special(value.charAt(i))) i++;
        if (i == n) {
            buf.append(value);
            return this;
        }
        buf.append(value, 0, i);
        for (; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buf.append("\\\\");
                case '\t' -> buf.append("\\t");
                case '\n' -> buf.append("\\n");
                case '\r' -> buf.append("\\r");
                default -> buf.append(c);
            }
        }
        return this;
    }

    public CopyWriter add(long value) {
        sep();
        buf.append(value);
        return this;
    }

    public CopyWriter add(Long value) {
        sep();
        if (value == null) buf.append("\\N");
        else buf.append(value.longValue());
        return this;
    }

    public CopyWriter add(Double value) {
        sep();
        if (value == null || value.isNaN()) buf.append("\\N");
        else buf.append(value.doubleValue());
        return this;
    }

    public CopyWriter add(boolean value) {
        sep();
        buf.append(value ? 't' : 'f');
        return this;
    }

    public CopyWriter add(LocalDate value) {
        sep();
        if (value == null) buf.append("\\N");
        else buf.append(value);
        return this;
    }

    public CopyWriter add(Character value) {
        return add(value == null ? null : String.valueOf(value));
    }

    public void endRow() {
        buf.append('\n');
        first = true;
        rows++;
        if (buf.length() >= FLUSH_AT) flush();
    }

    public long rows() {
        return rows;
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    private void sep() {
        if (!first) buf.append('\t');
        first = false;
    }

    private void flush() {
        if (buf.length() == 0) return;
        byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        }
        // A fresh buffer rather than setLength(0): once a value outside Latin-1 has been appended, a
        // StringBuilder stays two bytes a character, and every later row would pay for it.
        buf = new StringBuilder(FLUSH_AT + 4096);
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
