package id.padan.quality;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a ground-truth file ({@code truth.csv}: source, file, line_no, record_key, person,
 * registry_nik, damaged, carried_correct_nik, codes) as the generator writes it.
 */
public final class TruthFile {
    private TruthFile() {}

    public static List<TruthRow> read(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        List<TruthRow> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            while (it.hasNext()) {
                Map<String, String> m = it.next();
                rows.add(new TruthRow(m.get("source"), Integer.parseInt(m.get("line_no")), blank(m.get("record_key")), m.get("person"),
                        blank(m.get("registry_nik")), Boolean.parseBoolean(m.get("damaged")),
                        Boolean.parseBoolean(m.get("carried_correct_nik")), Set.copyOf(QualityScore.codes(m.get("codes")))));
            }
        }
        return rows;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
