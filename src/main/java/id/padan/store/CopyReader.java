package id.padan.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads the result of a query with {@code COPY (query) TO STDOUT} (text format), the fast path for
 * reading a run's rows back: each row is handed over as its fields, with {@code \N} as null and
 * escapes undone. The query must not take parameters (inline numeric ids only).
 */
public final class CopyReader {
    private CopyReader() {}

    public static long read(Connection connection, String query, int columns, Consumer<String[]> row) throws SQLException {
        CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + query + ") TO STDOUT");
        long n = 0;
        byte[] line;
        while ((line = out.readFromCopy()) != null) {
            row.accept(split(new String(line, StandardCharsets.UTF_8), columns));
            n++;
        }
        return n;
    }

    static String[] split(String line, int columns) {
        String[] f = new String[columns];
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') end--;
        int start = 0;
        for (int i = 0; i < columns; i++) {
            int tab = line.indexOf('\t', start);
            if (tab < 0 || tab > end) tab = end;
            f[i] = field(line, start, tab);
            start = tab + 1;
        }
        return f;
    }

    private static String field(String s, int from, int to) {
        if (to - from == 2 && s.charAt(from) == '\\' && s.charAt(from + 1) == 'N') return null;
        int bs = s.indexOf('\\', from);
        if (bs < 0 || bs >= to) return s.substring(from, to);
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < to) {
                char e = s.charAt(++i);
                sb.append(switch (e) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'v' -> '\u000B';
                    default -> e;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
