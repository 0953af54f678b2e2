package id.padan.review;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * A filled-in decisions file as padan delivered it ({@code decisions.csv}: UTF-8, a byte-order mark, comma separated),
 * read by Jackson CSV: each data line with its physical line number and the cells padan needs, found by column name
 * (Bahasa Indonesia or English headers), whatever the column order, so a reviewer may delete or move other columns.
 */
public final class DecisionFile {
    /** The columns an import reads, each with the header names it is known by. */
    enum Column {
        PROGRAM(true, "program"), RECORD_KEY(true, "kunci_baris", "record_key"), CODE(true, "kode_temuan", "finding_code"),
        /** needed for REVIEW_POSSIBLE_MATCH lines only (a line without it is refused) */
        CANDIDATE(false, "kandidat_person_id"),
        KEPUTUSAN(true, "keputusan"),
        ALASAN(false, "alasan");

        final List<String> names;
        final boolean required;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }
    }

    /** One data line: its physical line number (the header is line 1) and its cells by column. */
    public record Line(int lineNo, Map<Column, String> cells) {
        String get(Column c) {
            String v = cells.get(c);
            return v == null ? "" : v.strip();
        }
    }

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    private DecisionFile() {}

    /** Every data line of the file; an unreadable file or one without the needed columns is refused by an exception naming it. */
    public static List<Line> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) return DecisionWorkbook.read(file);
        if (!name.endsWith(".csv")) throw new IllegalArgumentException(file + ": not a decisions file (.csv or .xlsx)");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file, in);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text (save the file as CSV UTF-8)");
        }
    }

    static List<Line> read(Path file, Reader reader) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        in.mark(1);
        if (in.read() != '\uFEFF') in.reset();
        List<Line> lines = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(in)) {
            if (!it.hasNextValue()) throw new IllegalArgumentException(file + ": empty file, no header line");
            Map<Column, Integer> at = columns(file, it.nextValue());
            int physical = 2;
            while (it.hasNextValue()) {
                String[] row = it.nextValue();
                int lineNo = physical;
                physical = it.currentLocation().getLineNr();
                if (row.length == 1 && row[0].isBlank()) continue;
                Map<Column, String> cells = new HashMap<>();
                for (var e : at.entrySet()) if (e.getValue() < row.length) cells.put(e.getKey(), row[e.getValue()]);
                lines.add(new Line(lineNo, cells));
            }
        } catch (JacksonException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
            throw new IllegalArgumentException(file + (line > 0 ? ":" + line : "") + ": not readable as CSV (" + e.getOriginalMessage() + ")");
        }
        return lines;
    }

    /** Where each needed column is; refused when one is missing. */
    static Map<Column, Integer> columns(Path file, String[] header) {
        Map<Column, Integer> at = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String h = header[i].strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
            if (h.startsWith("'")) h = h.substring(1);
            for (Column c : Column.values()) if (c.names.contains(h) && !at.containsKey(c)) at.put(c, i);
        }
        List<String> missing = new ArrayList<>();
        for (Column c : Column.values()) if (c.required && !at.containsKey(c)) missing.add(c.names.get(0));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(file + ":1: the header lacks the column(s) " + String.join(", ", missing)
                    + " (import the decisions.csv or report.xlsx padan delivered, with keputusan and alasan filled in)");
        }
        return at;
    }
}
