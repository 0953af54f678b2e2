package id.padan.generate.internal;

import id.padan.generate.ErrorKind;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Streams one extract to disk in its exact format, planting the file-level faults of its
 * {@link FilePlan}, and counts physical lines (the header is line 1).
 */
final class ExtractWriter implements Closeable {
    /** Stands in, inside a line's text, for the place where invalid bytes go. */
    private static final char BAD_BYTES = '\u0000';
    private static final byte[][] BAD_UTF8 = {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xFE}};
    private static final byte[][] BAD_1252 = {{(byte) 0x81}, {(byte) 0x8D}, {(byte) 0x8F}, {(byte) 0x90},
            {(byte) 0x9D}};

    private static final String[] DEGREES = {"S.PD", "S.E.", "S.H.", "A.MD."};

    private final Layout layout;
    private final FilePlan plan;
    private final OutputStream out;
    private final byte[] newline;
    private final String delimiter;
    private long line;
    private long bytes;

    ExtractWriter(Path file, Layout layout, FilePlan plan) throws IOException {
        this.layout = layout;
        this.plan = plan;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        this.newline = plan.crlf ? new byte[]{'\r', '\n'} : new byte[]{'\n'};
        this.delimiter = String.valueOf(layout.delimiter());
    }

    void header() throws IOException {
        if (layout.bom()) {
            write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        List<String> columns = layout.columns();
        String[] names = new String[columns.size() + (plan.extraColumn >= 0 ? 1 : 0)];
        for (int i = 0, c = 0; i < names.length; i++) {
            names[i] = i == plan.extraColumn ? plan.extraColumnName : columns.get(c++);
        }
        for (int i = 0; i < names.length; i++) {
            String n = names[i];
            if (plan.headerCase == 1) {
                n = n.toLowerCase(Locale.ROOT);
            } else if (plan.headerCase == 2) {
                n = Text.titleCase(n);
            }
            if (plan.headerSpaces && i % 2 == 0) {
                n = i % 4 == 0 ? " " + n + " " : n + "  ";
            }
            names[i] = n;
        }
        writeLine(format(names, -1));
    }

    /**
     * Writes one data row; returns its physical line number.
     *
     * @param fields the row's values in layout order (the extra column is added here)
     * @param index  the row's position, which selects its planned fault and blank lines
     */
    long row(String[] fields, int index, String extraValue, SplittableRandom rnd) throws IOException {
        String[] values = fields;
        if (plan.extraColumn >= 0) {
            values = new String[fields.length + 1];
            for (int i = 0, c = 0; i < values.length; i++) {
                values[i] = i == plan.extraColumn ? extraValue : fields[c++];
            }
        }
        int name = shifted(layout.nameColumn());
        ErrorKind damage = plan.damage[index];
        String text;
        int raw = -1;
        int breaks = 0;
        if (damage == null && plan.multiLine[index]) {
            // The break takes the place of a space, so the value reads the same once standardised.
            int col = shifted(layout.textColumn());
            values = values.clone();
            String v = values[col];
            int space = v.indexOf(' ');
            values[col] = space < 0 ? v + "\n" : v.substring(0, space) + "\n" + v.substring(space + 1);
            breaks = 1;
        }
        if (damage == null || damage == ErrorKind.FILE_TRUNCATED_ROW) {
            text = format(values, -1);
        } else {
            switch (damage) {
                case FILE_WRONG_COLUMN_COUNT -> {
                    String[] changed;
                    if (rnd.nextBoolean()) {
                        int drop = 1 + rnd.nextInt(values.length - 1);
                        changed = new String[values.length - 1];
                        for (int i = 0, c = 0; i < values.length; i++) {
                            if (i != drop) {
                                changed[c++] = values[i];
                            }
                        }
                    } else {
                        changed = java.util.Arrays.copyOf(values, values.length + 1 + rnd.nextInt(2));
                        for (int i = values.length; i < changed.length; i++) {
                            changed[i] = "";
                        }
                    }
                    values = changed;
                }
                case FILE_DELIMITER_IN_UNQUOTED_FIELD -> {
                    raw = shifted(layout.textColumn());
                    String tail = raw == name ? DEGREES[rnd.nextInt(DEGREES.length)]
                            : (rnd.nextBoolean() ? "GG. " : "RT ") + (1 + rnd.nextInt(9));
                    values[raw] = values[raw].replace("\"", "") + delimiter + " " + tail;
                }
                case FILE_UNTERMINATED_QUOTE -> {
                    raw = name;
                    values[raw] = "\"" + values[raw].replace("\"", "");
                }
                case FILE_INVALID_BYTES -> {
                    String v = values[name];
                    int at = v.isEmpty() ? 0 : 1 + rnd.nextInt(v.length());
                    values[name] = v.substring(0, at) + BAD_BYTES + v.substring(at);
                }
                default -> throw new IllegalStateException("not a row fault: " + damage);
            }
            text = format(values, raw);
        }
        line++;
        long lineNo = line;
        line += breaks;
        if (damage == ErrorKind.FILE_TRUNCATED_ROW) {
            int first = text.indexOf(layout.delimiter());
            int last = text.lastIndexOf(layout.delimiter());
            int cut = first + 1 >= last ? Math.max(1, text.length() / 2) : first + 1 + rnd.nextInt(last - first - 1);
            write(text.substring(0, cut).getBytes(layout.charset()));   // no line end: the file stops here
        } else if (damage == ErrorKind.FILE_INVALID_BYTES) {
            int at = text.indexOf(BAD_BYTES);
            byte[][] bad = layout.charset().equals(StandardCharsets.UTF_8) ? BAD_UTF8 : BAD_1252;
            write(text.substring(0, at).getBytes(layout.charset()));
            write(bad[rnd.nextInt(bad.length)]);
            write(text.substring(at + 1).getBytes(layout.charset()));
            write(newline);
        } else {
            write(text.getBytes(layout.charset()));
            write(newline);
        }
        for (int b = 0; b < plan.blankLinesAfter[index]; b++) {
            line++;
            write(newline);
        }
        return lineNo;
    }

    private int shifted(int column) {
        return plan.extraColumn >= 0 && column >= plan.extraColumn ? column + 1 : column;
    }

    private void writeLine(String text) throws IOException {
        line++;
        write(text.getBytes(layout.charset()));
        write(newline);
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        bytes += b.length;
    }

    /** Joins the values with the delimiter, quoting per RFC 4180 where the layout quotes; {@code raw} is never quoted. */
    String format(String[] values, int raw) {
        StringBuilder b = new StringBuilder(160);
        char d = layout.delimiter();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(d);
            }
            String v = values[i];
            if (layout.quoting() && i != raw && needsQuotes(v, d)) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        return b.toString();
    }

    private static boolean needsQuotes(String v, char d) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == d || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
