package id.padan.generate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Test-side reading of generated files, independent of the generator's own code. */
final class GeneratedFiles {
    private GeneratedFiles() {}

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The format extracts.md gives each source. */
    record Format(String source, String prefix, char delimiter, Charset charset, boolean quoting) {}

    static final List<Format> FORMATS = List.of(
            new Format("DUKCAPIL", "dukcapil", '|', StandardCharsets.UTF_8, false),
            new Format("PKH", "pkh", ';', WINDOWS_1252, true),
            new Format("PBI_JKN", "pbi", ',', StandardCharsets.UTF_8, true),
            new Format("KIP", "kip", ',', StandardCharsets.UTF_8, true));

    static Format format(String source) {
        return FORMATS.stream().filter(f -> f.source().equals(source)).findFirst().orElseThrow();
    }

    /** Physical lines as bytes: split on LF, a trailing CR dropped, nothing after the final LF. */
    static List<byte[]> physicalLines(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                int end = i > start && all[i - 1] == '\r' ? i - 1 : i;
                lines.add(java.util.Arrays.copyOfRange(all, start, end));
                start = i + 1;
            }
        }
        if (start < all.length) {
            lines.add(java.util.Arrays.copyOfRange(all, start, all.length));
        }
        return lines;
    }

    /**
     * A record whose quoted value holds a line break is put whole (lines joined with LF) in the slot of its
     * first line, and the slots of its other lines are left empty, so that line numbers stay physical. As
     * padan's reader does, lines are joined only when that closes the quote and gives the header's number
     * of fields; an unterminated quote stays a line of its own.
     */
    static void joinQuotedLineBreaks(List<byte[]> lines, Format format, int columns) {
        for (int i = 1; i < lines.size(); i++) {
            String text = decodeStrict(lines.get(i), format.charset());
            if (text == null || text.chars().filter(c -> c == '"').count() % 2 == 0) continue;
            StringBuilder record = new StringBuilder(text);
            for (int j = i + 1; j < lines.size() && j <= i + 20; j++) {
                String next = decodeStrict(lines.get(j), format.charset());
                if (next == null) break;
                record.append('\n').append(next);
                if (record.chars().filter(c -> c == '"').count() % 2 == 1) continue;
                List<String> f = fields(record.toString(), format.delimiter(), true);
                if (f != null && f.size() == columns) {
                    lines.set(i, record.toString().getBytes(format.charset()));
                    for (int k = i + 1; k <= j; k++) lines.set(k, new byte[0]);
                    i = j;
                }
                break;
            }
        }
    }

    /** Strict decoding; null when the bytes are not valid in the charset. */
    static String decodeStrict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Splits one line. With quoting: RFC 4180 (a field that starts with a quote runs to the matching
     * quote, doubled quotes inside); returns null for an unterminated quote or a quote where none may be.
     */
    static List<String> fields(String line, char delimiter, boolean quoting) {
        List<String> out = new ArrayList<>();
        if (!quoting) {
            int start = 0;
            for (int i = 0; i <= line.length(); i++) {
                if (i == line.length() || line.charAt(i) == delimiter) {
                    out.add(line.substring(start, i));
                    start = i + 1;
                }
            }
            return out;
        }
        int i = 0;
        while (true) {
            StringBuilder f = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        return null;   // unterminated quote
                    }
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            f.append('"');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        f.append(c);
                        i++;
                    }
                }
                if (i < line.length() && line.charAt(i) != delimiter) {
                    return null;   // text after a closing quote
                }
            } else {
                while (i < line.length() && line.charAt(i) != delimiter) {
                    if (line.charAt(i) == '"') {
                        return null;   // a quote inside an unquoted field
                    }
                    f.append(line.charAt(i));
                    i++;
                }
            }
            out.add(f.toString());
            if (i >= line.length()) {
                return out;
            }
            i++;   // the delimiter
        }
    }

    /** One extract read back: its header (normalised to upper case, trimmed) and every physical line. */
    record Extract(Format format, Path path, List<String> header, List<byte[]> lines) {
        int column(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException(name + " not in " + header);
            }
            return i;
        }

        /** The fields of a physical line (1-based), or null when it cannot be decoded or split. */
        List<String> row(int lineNo) {
            String text = decodeStrict(lines.get(lineNo - 1), format.charset());
            return text == null ? null : fields(text, format.delimiter(), format.quoting());
        }
    }

    static Extract read(Path dir, Format format) throws IOException {
        Path file;
        try (var s = Files.list(dir)) {
            file = s.filter(p -> p.getFileName().toString().startsWith(format.prefix() + "_")).findFirst().orElseThrow();
        }
        List<byte[]> lines = physicalLines(file);
        byte[] first = lines.get(0);
        int columns = fields(decodeStrict(first, format.charset()).replace("\uFEFF", ""), format.delimiter(), format.quoting()).size();
        if (format.quoting()) joinQuotedLineBreaks(lines, format, columns);
        if (first.length >= 3 && (first[0] & 0xFF) == 0xEF && (first[1] & 0xFF) == 0xBB && (first[2] & 0xFF) == 0xBF) {
            first = java.util.Arrays.copyOfRange(first, 3, first.length);
        }
        String headerText = decodeStrict(first, format.charset());
        List<String> header = new ArrayList<>();
        for (String h : fields(headerText, format.delimiter(), format.quoting())) {
            header.add(h.trim().toUpperCase(Locale.ROOT));
        }
        return new Extract(format, file, header, lines);
    }

    /** A row of truth.csv. */
    record TruthRow(String source, String file, int lineNo, String recordKey, String person, String registryNik,
                    boolean damaged, boolean carriedCorrectNik, List<String> codes, List<String> errors) {}

    static List<TruthRow> truth(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("truth.csv"), StandardCharsets.UTF_8);
        List<String> header = fields(lines.get(0), ',', true);
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            at.put(header.get(i), i);
        }
        List<TruthRow> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line, ',', true);
            rows.add(new TruthRow(f.get(at.get("source")), f.get(at.get("file")),
                    Integer.parseInt(f.get(at.get("line_no"))), f.get(at.get("record_key")), f.get(at.get("person")),
                    f.get(at.get("registry_nik")), Boolean.parseBoolean(f.get(at.get("damaged"))),
                    Boolean.parseBoolean(f.get(at.get("carried_correct_nik"))), split(f.get(at.get("codes"))),
                    split(f.get(at.get("errors")))));
        }
        return rows;
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(";"));
    }

    /** The {@code [errors]} section of truth_summary.txt: kind to count. */
    static Map<String, Long> summaryErrors(Path dir) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        boolean inErrors = false;
        for (String line : Files.readAllLines(dir.resolve("truth_summary.txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith("[")) {
                inErrors = line.startsWith("[errors]");
            } else if (inErrors && !line.isBlank()) {
                String[] p = line.split(" ");
                counts.put(p[1], Long.parseLong(p[2]));
            }
        }
        return counts;
    }
}
