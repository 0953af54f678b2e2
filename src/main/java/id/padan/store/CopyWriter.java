package id.padan.store;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes rows into one table with PostgreSQL {@code COPY ... FROM STDIN} (text format), the fast
 * path for bulk loads. Call the {@code add} methods for each column in table order, then
 * {@link #endRow()}; {@link #close()} finishes the copy. Null values become {@code \N}.
 * The copy runs in the connection's current transaction.
 */
public final class CopyWriter implements Closeable {
    private final Writer out;
    private final PGCopyOutputStream stream;
    private boolean first = true;
    private long rows;

    public CopyWriter(Connection connection, String table, String columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        this.stream = new PGCopyOutputStream(pg, "COPY " + table + " (" + columns + ") FROM STDIN", 1 << 16);
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    public CopyWriter add(String value) {
        try {
            sep();
            if (value == null) {
                out.write("\\N");
                return this;
            }
            for (int i = 0, n = value.length(); i < n; i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> out.write("\\\\");
                    case '\t' -> out.write("\\t");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    default -> out.write(c);
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CopyWriter add(long value) {
        raw(Long.toString(value));
        return this;
    }

    public CopyWriter add(Long value) {
        raw(value == null ? "\\N" : value.toString());
        return this;
    }

    public CopyWriter add(Double value) {
        raw(value == null || value.isNaN() ? "\\N" : value.toString());
        return this;
    }

    public CopyWriter add(boolean value) {
        raw(value ? "t" : "f");
        return this;
    }

    public CopyWriter add(LocalDate value) {
        raw(value == null ? "\\N" : value.toString());
        return this;
    }

    public CopyWriter add(Character value) {
        return add(value == null ? null : String.valueOf(value));
    }

    public void endRow() {
        try {
            out.write('\n');
            first = true;
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long rows() {
        return rows;
    }

    private void raw(String s) {
        try {
            sep();
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sep() throws IOException {
        if (!first) out.write('\t');
        first = false;
    }

    @Override
    public void close() throws IOException {
        out.flush();
        try {
            stream.endCopy();
        } catch (SQLException e) {
            throw new IOException("COPY failed: " + e.getMessage(), e);
        }
        stream.close();
    }
}
