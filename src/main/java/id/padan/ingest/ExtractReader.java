package id.padan.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Streams one extract file line by line in its source's format. Each physical line is decoded
 * strictly in the declared encoding and split on its own, so that a bad line (undecodable bytes, an
 * unterminated quote, a stray delimiter, a truncated tail) is reported with its line number and never
 * swallows its neighbours. A quoted value may hold line breaks (RFC 4180; an Excel cell with Alt+Enter):
 * when a line ends inside a quote, the next lines (at most {@value #MAX_CONTINUATION}) are joined to it,
 * but only if that closes the quote and gives exactly the header's number of fields. Otherwise the first
 * line alone is rejected as an unterminated quote and reading goes on with the line after it. Blank
 * lines are skipped and counted.
 */
public final class ExtractReader implements Closeable {
    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final int MAX_LINE_BYTES = 1 << 20;
    private static final int MAX_CONTINUATION = 20;

    private final Path file;
    private final SourceMapping mapping;
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final boolean utf8;
    private final ObjectReader splitter;
    private final byte[] buf = new byte[1 << 16];
    private int bufPos;
    private int bufLen;
    private byte[] line = new byte[4096];
    private int lineNo;
    private int blankLines;
    private boolean lastLineTerminated = true;
    private boolean eof;
    private List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    /** Lines read ahead while looking for the end of a quoted value, given back when there was none. */
    private final java.util.ArrayDeque<byte[]> returned = new java.util.ArrayDeque<>();
    private int current;

    public ExtractReader(Path file, SourceMapping mapping) throws IOException {
        this.file = file;
        this.mapping = mapping;
        this.in = Files.newInputStream(file);
        Charset cs = mapping.encoding();
        this.decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        this.utf8 = cs.equals(StandardCharsets.UTF_8);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(mapping.delimiter());
        schema = mapping.quote() == null ? schema.withoutQuoteChar() : schema.withQuoteChar(mapping.quote());
        this.splitter = CSV.readerFor(String[].class).with(schema);
    }

    /**
     * Reads the header (the first non-blank line), strips a byte-order mark, and checks the required columns.
     *
     * @return the header names as written, trimmed and upper-cased, in file order
     */
    public List<String> readHeader() throws IOException, UnreadableFileException {
        int len;
        do {
            len = readLine();
            if (len < 0) throw new UnreadableFileException(file, "the file is empty (no header row)");
        } while (isBlank(line, 0, len));
        String utf16 = utf16(len);
        if (utf16 != null) {
            throw new UnreadableFileException(file, "the file is UTF-16 (" + utf16 + "), as Excel's 'Unicode Text' saves it; " + mapping.source()
                    + " extracts are read as " + mapping.encoding().name() + ": save it as " + mapping.encoding().name() + " and deliver it again");
        }
        int start = hasBom(len) ? 3 : 0;
        String text;
        try {
            text = decode(start, len - start);
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException(file, "the header row is not valid " + mapping.encoding().name() + "; is the file in another encoding?");
        }
        String control = controlCharacter(text);
        if (control != null) throw new UnreadableFileException(file, "the header row has a " + control);
        String[] names;
        try {
            names = split(text);
        } catch (RuntimeException e) {
            // The parser's message may quote the line, and a file without a header has a data row here: name no values.
            throw new UnreadableFileException(file, "the header row cannot be split on '" + mapping.delimiter()
                    + "' (a quote is not closed, or text follows a closing quote)");
        }
        List<String> h = new ArrayList<>(names.length);
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip().toUpperCase(Locale.ROOT);
            if (index.putIfAbsent(name, i) != null && !name.isEmpty()) repeated.add(name);
            h.add(name);
        }
        List<String> missing = mapping.requiredColumns().stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            // Only the configured names are quoted: in a file without a header the first line is a person's row.
            long known = h.stream().filter(this::configuredColumn).count();
            throw new UnreadableFileException(file, "missing required column(s) " + String.join(", ", missing) + " (the first line has "
                    + h.size() + " column(s), " + known + " of them named as configured"
                    + (known == 0 ? ": is the header row missing," : ";") + " is the delimiter '" + mapping.delimiter() + "' right?)");
        }
        if (!repeated.isEmpty()) {
            throw new UnreadableFileException(file, "column " + repeated.get(0) + " appears twice in the header");
        }
        header = List.copyOf(h);
        return header;
    }

    /** Whether a header name is one the source's mapping knows (a required or optional column). */
    private boolean configuredColumn(String name) {
        return mapping.requiredColumns().contains(name) || mapping.optionalColumns().contains(name);
    }

    /**
     * How the first line shows a UTF-16 file, or null: a byte-order mark FF FE or FE FF, or ASCII text with a NUL
     * byte after (or before) every character (UTF-16 without a mark).
     */
    private String utf16(int len) {
        if (len >= 2 && (line[0] & 0xFF) == 0xFF && (line[1] & 0xFF) == 0xFE) return "byte-order mark FF FE, little-endian";
        if (len >= 2 && (line[0] & 0xFF) == 0xFE && (line[1] & 0xFF) == 0xFF) return "byte-order mark FE FF, big-endian";
        if (len < 4) return null;
        int evenNul = 0, oddNul = 0;
        for (int i = 0; i + 1 < len; i += 2) {
            if (line[i] == 0 && line[i + 1] != 0) evenNul++;
            if (line[i + 1] == 0 && line[i] != 0) oddNul++;
        }
        int pairs = len / 2;
        if (oddNul * 10 >= pairs * 9) return "no byte-order mark, a NUL byte after every character: little-endian";
        if (evenNul * 10 >= pairs * 9) return "no byte-order mark, a NUL byte before every character: big-endian";
        return null;
    }

    /** Position of a header column, or -1 when the file does not have it (an optional column). */
    public int column(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /** The next data line, or null at end of file. */
    public ExtractRow next() throws IOException {
        while (true) {
            int len = physical();
            if (len < 0) return null;
            if (isBlank(line, 0, len)) {
                blankLines++;
                continue;
            }
            String[] plain = len < MAX_LINE_BYTES ? plainFields(len) : null;
            if (plain != null && !(atUnterminatedEnd() && mapping.finalNewlineRequired())) {
                return ExtractRow.plain(current, plain, mapping.delimiter());
            }
            return general(len);
        }
    }

    /**
     * A line that is not plain ASCII without quotes, or is faulty: decoded, split by the CSV rules, and
     * checked. Kept apart from {@link #next()} so that the common path stays small.
     */
    private ExtractRow general(int len) throws IOException {
        if (len >= MAX_LINE_BYTES) {
            return new ExtractRow(current, lenient(0, Math.min(len, 200)) + "...", null,
                    "line longer than " + MAX_LINE_BYTES + " bytes; is this a binary file?");
        }
        String text;
        try {
            text = decode(0, len);
        } catch (CharacterCodingException e) {
            return new ExtractRow(current, lenient(0, len), null,
                    "bytes not valid in " + mapping.encoding().name() + " at byte " + badByte(len) + " of the line");
        }
        String control = controlCharacter(text);
        if (control != null) return new ExtractRow(current, text, null, control);
        String[] fields;
        try {
            fields = split(text);
        } catch (RuntimeException e) {
            ExtractRow joined = openQuote(text) ? joinContinuation(text) : null;
            return joined != null ? joined : new ExtractRow(current, text, null, describe(e));
        }
        if (fields.length != header.size()) {
            String hint = fields.length > header.size()
                    ? " (a '" + mapping.delimiter() + "' inside an unquoted value?)"
                    : (atUnterminatedEnd() ? " (the file ends in the middle of this row)" : "");
            return new ExtractRow(current, text, null,
                    "expected " + header.size() + " fields, found " + fields.length + hint);
        }
        if (atUnterminatedEnd() && mapping.finalNewlineRequired()) {
            return new ExtractRow(current, text, null,
                    "the file ends in the middle of this row (no line break after it); the row may be cut short");
        }
        return new ExtractRow(current, text, fields, null);
    }

    public int blankLines() {
        return blankLines;
    }

    public List<String> header() {
        return header;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The next physical line into {@link #line} (a line given back first) and its number into {@link #current}; -1 at end. */
    private int physical() throws IOException {
        byte[] back = returned.pollFirst();
        if (back == null) {
            int len = readLine();
            current = lineNo;
            return len;
        }
        current = lineNo - returned.size();
        if (back.length > line.length) line = java.util.Arrays.copyOf(line, back.length);
        System.arraycopy(back, 0, line, 0, back.length);
        return back.length;
    }

    /** Whether the current line is the file's last and has no line break after it. */
    private boolean atUnterminatedEnd() {
        return eof && returned.isEmpty() && !lastLineTerminated;
    }

    /** Whether a line leaves a quote open: an odd number of quote characters (doubled quotes count twice). */
    private boolean openQuote(String text) {
        Character q = mapping.quote();
        if (q == null) return false;
        int n = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == q) n++;
        return n % 2 == 1;
    }

    /**
     * Joins the lines after {@code first} until its quote closes; the record if that gives a well-formed
     * row, else null with every line read ahead given back.
     */
    private ExtractRow joinContinuation(String first) throws IOException {
        int firstNo = current;
        StringBuilder record = new StringBuilder(first);
        List<byte[]> taken = new ArrayList<>();
        ExtractRow joined = null;
        for (int k = 0; k < MAX_CONTINUATION; k++) {
            int len = physical();
            if (len < 0) break;
            taken.add(java.util.Arrays.copyOf(line, len));
            String text;
            try {
                text = decode(0, len);
            } catch (CharacterCodingException e) {
                break;
            }
            if (controlCharacter(text) != null) break;
            record.append('\n').append(text);
            if (openQuote(record.toString())) continue;
            try {
                String[] fields = split(record.toString());
                if (header != null && fields.length == header.size()) {
                    joined = atUnterminatedEnd() && mapping.finalNewlineRequired()
                            ? new ExtractRow(firstNo, k + 2, record.toString(), null,
                                    "the file ends in the middle of this row (no line break after it); the row may be cut short")
                            : new ExtractRow(firstNo, k + 2, record.toString(), fields, null);
                }
            } catch (RuntimeException e) {
                // not a well-formed record either: the first line is the fault
            }
            break;
        }
        if (joined == null) {
            for (int i = taken.size() - 1; i >= 0; i--) returned.addFirst(taken.get(i));
            current = firstNo;
        }
        return joined;
    }

    /** Reads one physical line into {@link #line} without its terminator; -1 at end of file. */
    private int readLine() throws IOException {
        if (eof) return -1;
        int len = 0;
        while (true) {
            if (bufPos == bufLen) {
                bufLen = in.read(buf, 0, buf.length);
                bufPos = 0;
                if (bufLen <= 0) {
                    bufLen = 0;
                    eof = true;
                    if (len == 0) return -1;
                    lastLineTerminated = false;
                    lineNo++;
                    if (line[len - 1] == '\r') len--;
                    return len;
                }
            }
            int start = bufPos;
            int end = start;
            while (end < bufLen && buf[end] != '\n') end++;
            int n = end - start;
            if (len + n > line.length) {
                int want = Math.min(MAX_LINE_BYTES, Math.max(line.length * 2, len + n));
                if (want > line.length) line = java.util.Arrays.copyOf(line, want);
                n = Math.min(n, line.length - len); // past the limit the rest is dropped; the line is reported as too long
            }
            System.arraycopy(buf, start, line, len, n);
            len += n;
            if (end < bufLen) {
                bufPos = end + 1;
                lineNo++;
                if (len > 0 && line[len - 1] == '\r') len--;
                return len;
            }
            bufPos = bufLen;
        }
    }

    private String decode(int off, int len) throws CharacterCodingException {
        boolean ascii = true;
        for (int i = off; i < off + len; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) return new String(line, off, len, StandardCharsets.ISO_8859_1);
        decoder.reset();
        CharBuffer cb = decoder.decode(ByteBuffer.wrap(line, off, len));
        return cb.toString();
    }

    private String lenient(int off, int len) {
        return new String(line, off, len, mapping.encoding());
    }

    private int badByte(int len) {
        CharsetDecoder d = mapping.encoding().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bb = ByteBuffer.wrap(line, 0, len);
        CharBuffer out = CharBuffer.allocate(len * 2 + 4);
        d.decode(bb, out, true);
        return bb.position() + 1;
    }

    /**
     * Splits one line into its fields. A line without the quote character is cut at each delimiter,
     * which is all CSV parsing would do with it; a line with one goes through Jackson CSV, which knows
     * RFC 4180 quoting and reports what is wrong with it.
     */
    private String[] split(String text) {
        Character quote = mapping.quote();
        if (quote == null || text.indexOf(quote) < 0) return splitPlain(text, mapping.delimiter());
        try (JsonParser p = splitter.createParser(text)) {
            List<String> out = new ArrayList<>(Math.max(8, header == null ? 16 : header.size()));
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING) out.add(p.getString());
                else if (t == JsonToken.END_ARRAY) break;
            }
            return out.toArray(new String[0]);
        }
    }

    /**
     * The fields of the current line cut straight from its bytes, for the common line: ASCII only (the
     * same characters in every encoding a source may declare), no quote character, no control character,
     * and exactly the header's number of fields. Null for any other line, which then goes the general way
     * (decoding, quoting, and a reason when it is faulty).
     */
    private String[] plainFields(int len) {
        char d = mapping.delimiter();
        if (d >= 0x80 || header == null) return null;
        Character q = mapping.quote();
        int quote = q == null ? -1 : q;
        byte[] b = line;
        String[] out = new String[header.size()];
        int n = 0;
        int start = 0;
        for (int i = 0; i < len; i++) {
            int c = b[i]; // a byte above 0x7F is negative here, so it fails the control-character test too
            if (c == d) {
                if (n == out.length - 1) return null;
                out[n++] = new String(b, start, i - start, StandardCharsets.ISO_8859_1);
                start = i + 1;
            } else if (c < 0x20 ? c != '\t' : (c == 0x7F || c == quote)) {
                return null;
            }
        }
        if (n != out.length - 1) return null;
        out[n] = new String(b, start, len - start, StandardCharsets.ISO_8859_1);
        return out;
    }

    /** Cuts {@code text} at every {@code delimiter}, keeping empty fields (a trailing delimiter ends in an empty field). */
    static String[] splitPlain(String text, char delimiter) {
        String[] out = new String[16];
        int n = 0;
        int start = 0;
        for (int end = text.indexOf(delimiter); end >= 0; end = text.indexOf(delimiter, start)) {
            if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
            out[n++] = text.substring(start, end);
            start = end + 1;
        }
        if (n == out.length) out = java.util.Arrays.copyOf(out, n + 1);
        out[n++] = text.substring(start);
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private boolean hasBom(int len) {
        return len >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF;
    }

    private static boolean isBlank(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') return false;
        }
        return true;
    }

    private static String controlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return "control character 0x" + Integer.toHexString(c) + " at position " + (i + 1) + " (a damaged or binary line)";
            }
        }
        return null;
    }

    private String describe(RuntimeException e) {
        String m = firstLine(e.getMessage());
        if (m.contains("Missing closing quote")) return "a quoted value is not closed before the end of the line (unterminated quote)";
        if (m.contains("Expected column separator")) {
            return "text follows a closing quote before the next '" + mapping.delimiter() + "' (stray quote inside a value?)";
        }
        return "the line cannot be split into fields: " + m;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
