package id.padan.deliver.internal;

import id.padan.deliver.OutputFiles;

import id.padan.deliver.Deliverable;
import id.padan.deliver.DeliverySettings;
import id.padan.deliver.WrittenFile;
import id.padan.ingest.ExtractReader;
import id.padan.ingest.ExtractRow;
import id.padan.ingest.Field;
import id.padan.ingest.InputFiles;
import id.padan.ingest.SourceMapping;
import id.padan.ingest.SourceMappings;
import id.padan.ingest.UnreadableFileException;
import id.padan.reference.RegionReference;
import id.padan.standardise.RegionCode;
import id.padan.standardise.RegionCodes;
import id.padan.store.RunScope;
import id.padan.store.StageProgress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Corrected extracts: for every program source whose extract loaded, one package per kabupaten/kota under
 * {@code extracts/<SOURCE>/}: {@code <file>_<kab>.<ext>} in the source's own format with every loaded line the dinas
 * sent for that region in the order sent, {@code <file>_<kab>_DITOLAK.csv} with the lines padan could not load (line
 * number, reason and the line as sent), and {@code <file>_<kab>_BACA_SAYA.txt}, a readme in Bahasa Indonesia
 * ({@link ExtractReadme}). Five columns are added at the end of the extract: status ({@code SESUAI},
 * {@code ADA_TEMUAN}, {@code DIKOREKSI}), the row's finding codes (a code a reviewer's held decision covers followed by
 * {@code =} and the decision: {@code ATTRIBUTE_MISMATCH=PINDAH}), each corrected column with the finding or
 * reason behind it, the values sent in the corrected columns, and the person_id.
 *
 * <p>The original file is read again (its SHA-256 must still be the one ingested). A line that is not corrected is
 * given back byte for byte, so a dinas gets exactly what it sent plus the added columns; a corrected line is
 * written field by field by Jackson CSV with the source's delimiter, quote, encoding, line end and date format. A
 * line is corrected only when its link is certain (see {@link DeliverySettings}); then the NIK takes the registry's
 * value where it differs (named by the row's NIK finding), and a blank or invalid birth date or sex the
 * registry's. Names are never rewritten: spelling, titles, BIN/BINTI and token order are normal variation, and a
 * different name is an ATTRIBUTE_MISMATCH for a person to look at. A registry value that the source's encoding
 * cannot hold, that would need quoting in a source that never quotes, or that begins with a spreadsheet formula
 * character is not written (the value stays as sent).
 *
 * <p>Routing: a line goes to the kabupaten/kota of its own region code as sent, a code retired by a pemekaran split
 * to the kabupaten it became ({@link RegionRouting}); a rejected line goes there too when its fields could still be
 * split, else, like a row with no readable region, to {@code <name>_unknown_region}. The extracts and rejected-line
 * files of a source together hold exactly the lines read from its extract, which is checked before they are
 * handed over.
 */
@Component
@Order(20)
public class CorrectedExtractWriter implements Deliverable {
    public static final String UNKNOWN_REGION = "_unknown_region";
    /** PADAN_STATUS values: the row as sent, the row with findings but unchanged, the row with corrected values. */
    static final String OK = "SESUAI", FINDING = "ADA_TEMUAN", CORRECTED = "DIKOREKSI";
    /** Why a blank or invalid value was filled in from the registry (no finding names it). */
    static final String FILLED = "KOSONG_ATAU_TIDAK_SAH";
    private final DataSource dataSource;
    private final SourceMappings mappings;
    private final DeliverySettings settings;
    private final OutputFiles outputFiles;
    private final RegionRouting routing = new RegionRouting(RegionReference.kemendagri());

    public CorrectedExtractWriter(DataSource dataSource, SourceMappings mappings, DeliverySettings settings, OutputFiles files) {
        this.outputFiles = files;
        this.dataSource = dataSource;
        this.mappings = mappings;
        this.settings = settings;
    }

    private record InputFile(String source, String fileName, String sha256, long rowsRead) {}

    @Override
    public List<WrittenFile> write(RunScope scope, Path runDir, StageProgress progress) throws Exception {
        List<WrittenFile> out = new ArrayList<>();
        List<InputFile> files = new ArrayList<>();
        for (InputFile f : loadedFiles(scope.runId())) {
            SourceMapping m = mappings.bySource(f.source()).orElse(null);
            if (m == null || m.registry()) continue;
            Path file = scope.inputDir().resolve(f.fileName());
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("cannot write corrected extracts of " + f.source() + ": " + file + " is gone; put it back to finish the run");
            }
            if (!InputFiles.sha256(file).equals(f.sha256())) {
                throw new IllegalStateException("cannot write corrected extracts of " + f.source() + ": " + file
                        + " changed since it was reconciled; put the original back to finish the run");
            }
            files.add(f);
        }
        if (files.isEmpty()) return out;
        // One cursor over every program row of the run, by source and line: the big tables are read once, not once per source.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(QUERY)) {
                ps.setFetchSize(20_000);
                String[] sources = files.stream().map(InputFile::source).toArray(String[]::new);
                int i = 1;
                ps.setLong(i++, scope.runId());
                ps.setLong(i++, scope.runId());
                ps.setLong(i++, scope.runId());
                ps.setArray(i++, c.createArrayOf("text", sources));
                ps.setLong(i++, scope.runId());
                ps.setArray(i++, c.createArrayOf("text", sources));
                try (ResultSet rs = ps.executeQuery()) {
                    Cursor cursor = new Cursor(rs);
                    for (InputFile f : files) {
                        SourceMapping m = mappings.bySource(f.source()).orElseThrow();
                        out.addAll(new SourceWriter(m, scope.inputDir().resolve(f.fileName()), runDir).write(cursor, f.rowsRead(), progress));
                    }
                }
            }
            c.commit();
        }
        return out;
    }

    /** The shared result set, read one source after the other; a row can be looked at before it is taken. */
    private static final class Cursor {
        final ResultSet rs;
        boolean pending;
        boolean done;

        Cursor(ResultSet rs) {
            this.rs = rs;
        }

        /** The next row if it belongs to {@code source} (then it is taken), else false. */
        boolean next(String source) throws Exception {
            if (!pending && !done) {
                pending = rs.next();
                done = !pending;
            }
            if (!pending || !source.equals(rs.getString("source"))) return false;
            pending = false;
            return true;
        }
    }

    private List<InputFile> loadedFiles(long runId) throws Exception {
        List<InputFile> files = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select source, file_name, sha256, rows_read from padan.input_file where run_id = ? and status = 'LOADED' order by source")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) files.add(new InputFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
        }
        return files;
    }

    /** One source's extract, split into its regions. */
    private final class SourceWriter {
        private final SourceMapping m;
        private final Path file;
        private final Path dir;
        private final Charset cs;
        private final String lineEnd;
        private final ObjectWriter csv;
        private final Map<String, RegionFile> files = new LinkedHashMap<>();
        private final RegionCodes regions = new RegionCodes(RegionReference.kemendagri());
        private final DateTimeFormatter dateFormat;
        private final Map<Character, String> sexCodes = new LinkedHashMap<>();
        private byte[] headerBytes;
        private List<String> header;
        private int nik, birthDate, sex;
        private int[] regionColumns;

        SourceWriter(SourceMapping m, Path file, Path runDir) throws IOException {
            this.m = m;
            this.file = file;
            this.dir = runDir.resolve("extracts").resolve(m.source());
            this.cs = m.encoding();
            this.dateFormat = DateTimeFormatter.ofPattern(m.dateFormat(), Locale.ROOT);
            Map<String, String> codes = m.codes().get(Field.SEX);
            if (codes != null) codes.forEach((sent, canonical) -> sexCodes.putIfAbsent(canonical.charAt(0), sent));
            try (RawLines raw = new RawLines(file)) {
                this.lineEnd = firstLineEndsWithCrlf(raw) ? "\r\n" : "\n";
            }
            CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(m.delimiter()).withLineSeparator(lineEnd);
            schema = m.quote() == null ? schema.withoutQuoteChar() : schema.withQuoteChar(m.quote());
            this.csv = ReviewCsv.CSV.writerFor(String[].class).with(schema);
        }

        private boolean firstLineEndsWithCrlf(RawLines raw) throws IOException {
            for (int i = 1; raw.seek(i); i++) {
                if (raw.length() > 0) return raw.crlf();
            }
            return false;
        }

        List<WrittenFile> write(Cursor cursor, long rowsRead, StageProgress progress) throws Exception {
            outputFiles.createDirectories(dir);
            long written = 0;
            try (ExtractReader reader = new ExtractReader(file, m);
                 RawLines raw = new RawLines(file)) {
                header = readHeader(reader);
                for (String added : settings.addedColumns().all()) {
                    if (header.contains(added)) {
                        throw new IllegalStateException("the extract " + file.getFileName() + " already has a column " + added
                                + "; choose other names under corrected-extracts.added-columns in config/reports.yml");
                    }
                }
                nik = column(reader, Field.NIK);
                birthDate = column(reader, Field.BIRTH_DATE);
                sex = column(reader, Field.SEX);
                regionColumns = regionColumns(reader);
                headerBytes = headerLine(raw);
                ResultSet rs = cursor.rs;
                ExtractRow row;
                while ((row = reader.next()) != null) {
                    if (!cursor.next(m.source()) || rs.getInt("line_no") != row.lineNo()) {
                        throw new IllegalStateException("line " + row.lineNo() + " of " + file.getFileName()
                                + " does not match what was ingested; was the file replaced?");
                    }
                    if (!raw.seek(row.lineNo())) throw new IllegalStateException("line " + row.lineNo() + " of " + file + " vanished");
                    writeRow(row, rs, raw);
                    written++;
                    progress.add(1);
                }
                if (cursor.next(m.source())) {
                    throw new IllegalStateException("line " + rs.getInt("line_no") + " of " + file.getFileName()
                            + " was ingested but is no longer in the file; was the file replaced?");
                }
            } finally {
                for (RegionFile f : files.values()) f.close();
            }
            if (written != rowsRead) {
                throw new IllegalStateException("corrected extracts of " + m.source() + " hold " + written + " lines but " + rowsRead
                        + " were read from " + file.getFileName());
            }
            List<WrittenFile> out = new ArrayList<>();
            for (RegionFile f : files.values()) {
                out.add(new WrittenFile(f.path, f.rows, "EXTRACT", m.source(), f.region));
                if (f.rejected != null) out.add(new WrittenFile(f.rejectedPath, f.rejected.rows(), "EXTRACT", m.source(), f.region));
                Path readme = ExtractReadme.write(outputFiles, f.readmePath, m, header, settings.addedColumns(), f.path.getFileName().toString(), f.rows,
                        f.rejected == null ? null : f.rejectedPath.getFileName().toString(), f.rejected == null ? 0 : f.rejected.rows());
                out.add(new WrittenFile(readme, 0, "EXTRACT", m.source(), f.region));
            }
            return out;
        }

        private List<String> readHeader(ExtractReader reader) throws IOException {
            try {
                return reader.readHeader();
            } catch (UnreadableFileException e) {
                throw new IllegalStateException("cannot read " + file.getFileName() + " again: " + e.getMessage(), e);
            }
        }

        private int column(ExtractReader reader, Field f) {
            String h = m.columns().get(f);
            return h == null ? -1 : reader.column(h);
        }

        private int[] regionColumns(ExtractReader reader) {
            var r = m.region();
            List<String> cols = new ArrayList<>(r.parts());
            if (r.desa() != null) cols.add(r.desa());
            if (r.kecamatan() != null) cols.add(r.kecamatan());
            cols.addAll(r.fallback());
            return cols.stream().mapToInt(reader::column).toArray();
        }

        /** The header as sent (a byte-order mark kept), then the added column names. */
        private byte[] headerLine(RawLines raw) throws IOException {
            int i = 1;
            while (raw.seek(i) && isBlank(raw)) i++;
            StringBuilder added = new StringBuilder();
            for (String a : settings.addedColumns().all()) added.append(m.delimiter()).append(a);
            byte[] tail = added.toString().getBytes(cs);
            byte[] out = new byte[raw.length() + tail.length];
            System.arraycopy(raw.bytes(), 0, out, 0, raw.length());
            System.arraycopy(tail, 0, out, raw.length(), tail.length);
            return out;
        }

        private void writeRow(ExtractRow row, ResultSet rs, RawLines raw) throws Exception {
            boolean rejected = rs.getBoolean("rejected");
            String codes = rs.getString("codes");
            if (rejected) {
                String region = routing.kabupaten(regionOf(row));
                file(region == null ? UNKNOWN_REGION : region).rejected(row.lineNo(), codes, row.rawText());
                return;
            }
            String regionCode = rs.getString("region_code");
            String region = routing.kabupaten(regionCode != null ? regionCode : rs.getString("region_kab"));
            RegionFile out = file(region == null ? UNKNOWN_REGION : region);
            long personId = rs.getLong("person_id");
            List<String> corrected = new ArrayList<>(3);
            List<String> sentValues = new ArrayList<>(3);
            String[] fields = certain(rs, codes) ? correct(row.fields(), rs, codes, corrected, sentValues) : null;
            String status = !corrected.isEmpty() ? CORRECTED : codes != null ? FINDING : OK;
            String shown = ReviewStatus.codes(codes, rs.getString("decided"));
            String[] added = {status, shown == null ? "" : shown, String.join(" | ", corrected), String.join(" | ", sentValues), Long.toString(personId)};
            if (corrected.isEmpty()) {
                rawRecord(out, row, raw);
                out.added(added);
            } else {
                String[] all = new String[fields.length + added.length];
                System.arraycopy(fields, 0, all, 0, fields.length);
                System.arraycopy(added, 0, all, fields.length, added.length);
                out.line(all);
            }
        }

        /** The record's bytes as sent: its first line, and any further lines of a quoted value with line breaks. */
        private void rawRecord(RegionFile out, ExtractRow row, RawLines raw) throws IOException {
            out.raw(raw.bytes(), raw.length());
            for (int i = 1; i < row.lines(); i++) {
                byte[] end = raw.crlf() ? CRLF : LF;
                if (!raw.seek(row.lineNo() + i)) throw new IllegalStateException("line " + (row.lineNo() + i) + " of " + file + " vanished");
                out.raw(end, end.length);
                out.raw(raw.bytes(), raw.length());
            }
        }

        private boolean certain(ResultSet rs, String codes) throws Exception {
            if (!rs.getBoolean("in_dukcapil")) return false;
            double score = rs.getDouble("match_score");
            if (rs.wasNull() || score < settings.minScore()) return false;
            if (settings.uncertainMethods().contains(rs.getString("match_method"))) return false;
            if (codes != null) {
                for (String code : codes.split(" ")) if (settings.uncertainCodes().contains(code)) return false;
            }
            return true;
        }

        /**
         * The row's fields with the registry's values where they differ and can be written; {@code corrected} gets
         * each column with the finding or reason ({@code NIK: NIK_CORRECTED}), {@code sent} the value it replaced.
         */
        private String[] correct(String[] sent, ResultSet rs, String codes, List<String> corrected, List<String> sentValues) throws Exception {
            String[] f = sent.clone();
            Set<String> found = codes == null ? Set.of() : Set.of(codes.split(" "));
            String regNik = rs.getString("reg_nik");
            if (nik >= 0 && regNik != null && !regNik.equals(rs.getString("nik"))) {
                String reason = found.contains("NIK_CORRECTED") ? "NIK_CORRECTED" : found.contains("NIK_MISSING") ? "NIK_MISSING"
                        : found.contains("NIK_MALFORMED") ? "NIK_MALFORMED" : found.contains("NIK_STRUCTURE") ? "NIK_STRUCTURE" : FILLED;
                set(f, nik, regNik, Field.NIK, reason, corrected, sentValues);
            }
            // Birth date and sex only where the row has none the registry could contradict: another valid value is an
            // ATTRIBUTE_MISMATCH, and such rows are not certain.
            Date regBirth = rs.getDate("reg_birth");
            if (birthDate >= 0 && regBirth != null && rs.getDate("birth_date") == null) {
                set(f, birthDate, regBirth.toLocalDate().format(dateFormat), Field.BIRTH_DATE, FILLED, corrected, sentValues);
            }
            String regSex = rs.getString("reg_sex");
            if (sex >= 0 && regSex != null && rs.getString("sex") == null) {
                String code = sexCodes.isEmpty() ? regSex : sexCodes.get(regSex.charAt(0));
                if (code != null) set(f, sex, code, Field.SEX, FILLED, corrected, sentValues);
            }
            return f;
        }

        private void set(String[] f, int i, String value, Field field, String reason, List<String> corrected, List<String> sentValues) {
            if (value.isEmpty() || !writable(value)) return;
            String column = m.columns().get(field);
            sentValues.add(column + "=" + f[i]);
            f[i] = value;
            corrected.add(column + ": " + reason);
        }

        /** A registry value the source's file can carry unchanged, and that no spreadsheet would take for a formula. */
        private boolean writable(String v) {
            char first = v.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@') return false;
            if (!cs.newEncoder().canEncode(v)) return false;
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (ch == '\n' || ch == '\r') return false;
                if (m.quote() == null && (ch == m.delimiter())) return false;
            }
            return true;
        }

        private String regionOf(ExtractRow row) {
            if (row.fields() == null) return null;
            String[] f = row.fields();
            var r = m.region();
            RegionCode code;
            if (r.parts().size() == 4) {
                code = regions.of(get(f, regionColumns[0]), get(f, regionColumns[1]), get(f, regionColumns[2]), get(f, regionColumns[3]));
            } else {
                code = regions.of(get(f, regionColumns[0]));
                for (int i = 1; code.kabupaten() == null && i < regionColumns.length; i++) code = regions.of(get(f, regionColumns[i]));
            }
            return code.finest();
        }

        private RegionFile file(String region) throws IOException {
            RegionFile f = files.get(region);
            if (f == null) {
                String original = file.getFileName().toString();
                int dot = original.lastIndexOf('.');
                String stem = dot > 0 ? original.substring(0, dot) : original;
                String ext = dot > 0 ? original.substring(dot) : "";
                String suffix = region.equals(UNKNOWN_REGION) ? UNKNOWN_REGION : "_" + region;
                f = new RegionFile(region, dir.resolve(stem + suffix + ext), dir.resolve(stem + suffix + "_DITOLAK.csv"),
                        dir.resolve(stem + suffix + "_BACA_SAYA.txt"));
                files.put(region, f);
            }
            return f;
        }

        /** One package: the extract (header first, then lines) and, once a line is rejected, its rejected-lines file. */
        private final class RegionFile {
            final String region;
            final Path path;
            final Path rejectedPath;
            final Path readmePath;
            final OutputStream out;
            final CharsetEncoder encoder = cs.newEncoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            RejectedLinesCsv rejected;
            long rows;

            RegionFile(String region, Path path, Path rejectedPath, Path readmePath) throws IOException {
                this.region = region;
                this.path = path;
                this.rejectedPath = rejectedPath;
                this.readmePath = readmePath;
                this.out = new BufferedOutputStream(outputFiles.newOutputStream(path), 1 << 16);
                out.write(headerBytes);
                out.write(lineEnd.getBytes(cs));
            }

            void raw(byte[] b, int len) throws IOException {
                out.write(b, 0, len);
            }

            /** A whole line written by Jackson CSV in the source's format. */
            void line(String[] fields) throws IOException {
                out.write(encode(csv.writeValueAsString(sanitise(fields))));
                rows++;
            }

            /** The added columns after a line given back as sent. */
            void added(String[] values) throws IOException {
                out.write(encode(m.delimiter() + csv.writeValueAsString(sanitise(values))));
                rows++;
            }

            void rejected(int lineNo, String reason, String rawText) throws IOException {
                if (rejected == null) rejected = new RejectedLinesCsv(outputFiles, rejectedPath);
                rejected.row(lineNo, reason, rawText);
            }

            private byte[] encode(CharSequence s) throws CharacterCodingException {
                ByteBuffer bb = encoder.reset().encode(CharBuffer.wrap(s));
                byte[] b = new byte[bb.remaining()];
                bb.get(b);
                return b;
            }

            void close() throws IOException {
                out.close();
                if (rejected != null) rejected.close();
            }
        }

        /** Values a source without a quote character can carry: its delimiter and line breaks become spaces. */
        private String[] sanitise(String[] values) {
            if (m.quote() != null) return values;
            String[] v = values.clone();
            for (int i = 0; i < v.length; i++) {
                if (v[i] != null) v[i] = v[i].replace(m.delimiter(), ' ').replace('\n', ' ').replace('\r', ' ');
            }
            return v;
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LF = {'\n'};

    private static boolean isBlank(RawLines raw) {
        for (int i = 0; i < raw.length(); i++) {
            byte b = raw.bytes()[i];
            if (b != ' ' && b != '\t' && b != '\r') return false;
        }
        return true;
    }

    private static String get(String[] f, int i) {
        return i < 0 || i >= f.length ? null : f[i];
    }

    /**
     * Every line of the program sources in (source, line) order: loaded rows with their person, link, registry
     * values and findings (as the findings stage recorded them) with the reviewers' held decisions on them
     * ({@code CODE=WORD}, {@link ReviewStatus}), and rejected lines with their reason. Parameters: the run (twice, for
     * the decisions), the run and its sources, the run and its sources.
     */
    private static final String QUERY = "with " + ReviewStatus.CTE + """
            select o.source, o.line_no, false as rejected, o.region_code, o.region_kab, o.person_id, o.match_method, o.match_score, o.in_dukcapil,
                   o.reg_nik, o.reg_birth, o.reg_sex, o.nik, o.birth_date, o.sex, o.codes,
                   (select string_agg(rs.code || '=' || rs.keputusan, ' ') from review_status rs
                    where rs.source = o.source and rs.record_key = o.record_key and rs.queue = 'DECIDED') as decided
            from padan.row_outcome o where o.run_id = ? and o.source = any(?)
            union all
            select source, line_no, true, null, null, null, null, null, null, null, null, null, null, null, null, reason, null
            from padan.rejected_row where run_id = ? and source = any(?)
            order by 1, 2""";
}
