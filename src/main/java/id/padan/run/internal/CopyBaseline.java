package id.padan.run.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The yardstick of the benchmark: how long PostgreSQL takes to {@code COPY} the lines of the input files,
 * each line as one text value, into a table of its own, in one transaction per file as ingest loads them.
 * Bytes are passed as they are (declared LATIN1, so that no byte is refused); only the characters COPY's
 * text format reserves are escaped, on the fly. The table is dropped afterwards.
 */
public final class CopyBaseline {
    private CopyBaseline() {}

    /** Lines copied and seconds taken. */
    public record Result(long lines, double seconds) {}

    public static Result measure(DataSource dataSource, List<Path> files) throws SQLException, IOException {
        long lines = 0;
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop table if exists public.padan_bench_copy");
            st.execute("create table public.padan_bench_copy (line text)");
            c.setAutoCommit(false);
            start = System.nanoTime();
            for (Path f : files) lines += copy(c, f);
            double seconds = (System.nanoTime() - start) / 1e9;
            c.setAutoCommit(true);
            st.execute("drop table public.padan_bench_copy");
            return new Result(lines, seconds);
        }
    }

    private static long copy(Connection c, Path file) throws SQLException, IOException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY public.padan_bench_copy (line) FROM STDIN WITH (FORMAT text, ENCODING 'LATIN1')");
        byte[] out = new byte[1 << 17];
        int pos = 0;
        long lines = 0;
        boolean open = false;
        try (InputStream s = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = s.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (pos > out.length - 4) {
                        in.writeToCopy(out, 0, pos);
                        pos = 0;
                    }
                    switch (b) {
                        case '\n' -> {
                            out[pos++] = '\n';
                            lines++;
                            open = false;
                            continue;
                        }
                        case '\\' -> { out[pos++] = '\\'; out[pos++] = '\\'; }
                        case '\r' -> { out[pos++] = '\\'; out[pos++] = 'r'; }
                        case '\t' -> { out[pos++] = '\\'; out[pos++] = 't'; }
                        default -> out[pos++] = b;
                    }
                    open = true;
                }
            }
        }
        if (open) {
            out[pos++] = '\n';
            lines++;
        }
        in.writeToCopy(out, 0, pos);
        in.endCopy();
        c.commit();
        return lines;
    }
}
