package id.padan.generate.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams {@code truth.csv}: UTF-8, comma, header, RFC 4180 quoting where needed. */
final class TruthWriter implements Closeable {
    static final String HEADER = "source,file,line_no,record_key,person,registry_nik,damaged,carried_correct_nik,codes,errors";

    private final BufferedWriter out;
    private long rows;

    TruthWriter(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write('\n');
    }

    void row(Source source, String file, long lineNo, String key, Person p, boolean damaged, boolean carriedCorrect,
             String codes, String errors) throws IOException {
        out.write(source.name());
        out.write(',');
        out.write(file);
        out.write(',');
        out.write(Long.toString(lineNo));
        out.write(',');
        out.write(quote(key));
        out.write(',');
        out.write(p.id());
        out.write(',');
        out.write(p.hasRegistryNik() ? Long.toString(p.nik) : "");
        out.write(',');
        out.write(damaged ? "true" : "false");
        out.write(',');
        out.write(carriedCorrect ? "true" : "false");
        out.write(',');
        out.write(codes);
        out.write(',');
        out.write(errors);
        out.write('\n');
        rows++;
    }

    private static String quote(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
