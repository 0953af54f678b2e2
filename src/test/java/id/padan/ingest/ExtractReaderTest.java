package id.padan.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padan.ingest.internal.SourceMappingLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** File-level faults of domain.md (family 9): each bad line is rejected on its own, its neighbours load. */
class ExtractReaderTest {
    private static final Path CONFIG = Path.of("config/sources");
    private static final String PKH_HEADER = "ID_ART;ID_KPM;NIK;NO_KK;NAMA_ART;TGL_LAHIR;JENIS_KELAMIN;HUB_KRT;KOMPONEN;KD_PROP;KD_KAB;KD_KEC;KD_DESA;ALAMAT;TAHAP;NOMINAL";
    private static final String PKH_GOOD = "A1;K1;3603014708900001;3603010101100001;Siti Aminah;07/08/1990;2;2;;36;3603;360301;3603012001;JL MAWAR;2026-IV;750000";
    private static final String PKH_GOOD2 = "A2;K1;3603011203850002;3603010101100001;\"Budi; Santoso\";12/03/1985;1;1;;36;3603;360301;3603012001;JL MAWAR;2026-IV;0";

    @TempDir
    Path dir;

    static SourceMapping mapping(String file) {
        return SourceMappingLoader.load(CONFIG.resolve(file));
    }

    record Read(List<String> header, List<ExtractRow> rows) {}

    Read read(String mappingFile, byte[] content) throws Exception {
        Path f = dir.resolve("extract.csv");
        Files.write(f, content);
        try (ExtractReader r = new ExtractReader(f, mapping(mappingFile))) {
            List<String> header = r.readHeader();
            List<ExtractRow> rows = new ArrayList<>();
            ExtractRow row;
            while ((row = r.next()) != null) rows.add(row);
            return new Read(header, rows);
        }
    }

    static byte[] bytes(Charset cs, String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(cs);
    }

    static Stream<Arguments> pkhFaults() {
        Charset w = Charset.forName("windows-1252");
        return Stream.of(
                Arguments.of("wrong column count (one missing)", PKH_GOOD.substring(0, PKH_GOOD.lastIndexOf(';')), "expected 16 fields, found 15"),
                Arguments.of("delimiter inside an unquoted field", PKH_GOOD.replace("JL MAWAR", "JL MAWAR; RT 3"), "inside an unquoted value"),
                Arguments.of("unterminated quote", PKH_GOOD.replace("Siti Aminah", "\"Siti Aminah"), "unterminated quote"),
                Arguments.of("stray quote after a quoted value", PKH_GOOD.replace("Siti Aminah", "\"Siti\" Aminah"), "stray quote"),
                Arguments.of("control character", PKH_GOOD.replace("Siti", "Si\u0000ti"), "control character"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pkhFaults")
    void aBadLineIsRejectedAndItsNeighboursLoad(String family, String badLine, String reason) throws Exception {
        Read r = read("pkh.yml", bytes(Charset.forName("windows-1252"), PKH_HEADER, PKH_GOOD, badLine, PKH_GOOD2));
        assertThat(r.rows()).hasSize(3);
        assertThat(r.rows().get(0).ok()).isTrue();
        assertThat(r.rows().get(1).ok()).as(family).isFalse();
        assertThat(r.rows().get(1).lineNo()).isEqualTo(3);
        assertThat(r.rows().get(1).problem()).contains(reason);
        assertThat(r.rows().get(2).ok()).isTrue();
        assertThat(r.rows().get(2).fields()[4]).isEqualTo("Budi; Santoso");
    }

    @Test
    void bytesUndefinedInWindows1252AreRejectedWithTheirPosition() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes(Charset.forName("windows-1252"), PKH_HEADER, PKH_GOOD));
        out.write(PKH_GOOD.replace("Siti", "Si?ti").getBytes(StandardCharsets.US_ASCII));
        byte[] all = out.toByteArray();
        for (int i = all.length - 1; i >= 0; i--) if (all[i] == '?') { all[i] = (byte) 0x81; break; }
        out.reset();
        out.write(all);
        out.write("\n".getBytes());
        out.write((PKH_GOOD2 + "\n").getBytes(StandardCharsets.US_ASCII));
        Read r = read("pkh.yml", out.toByteArray());
        assertThat(r.rows()).extracting(ExtractRow::ok).containsExactly(true, false, true);
        assertThat(r.rows().get(1).problem()).startsWith("bytes not valid in windows-1252 at byte");
    }

    @Test
    void windows1252LettersDecode() throws Exception {
        Read r = read("pkh.yml", bytes(Charset.forName("windows-1252"), PKH_HEADER, PKH_GOOD.replace("Siti Aminah", "Siti Aminah Ré")));
        assertThat(r.rows().get(0).fields()[4]).isEqualTo("Siti Aminah Ré");
    }

    @Test
    void invalidUtf8IsRejectedInAUtf8File() throws Exception {
        String header = "NISN,NIK,NO_KK,NAMA_SISWA,JK,TEMPAT_LAHIR,TANGGAL_LAHIR,NAMA_IBU_KANDUNG,JENJANG,KELAS,NPSN,NAMA_SEKOLAH,NO_KIP,KODE_WILAYAH,NOMINAL";
        String good = "0012345678,3603014708100001,3603010101100001,Siti,P,Tangerang,07-08-2010,Aminah,SD,5,20600001,SDN 1,KIP1,3603012001,450000";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes(StandardCharsets.UTF_8, header, good));
        out.write(good.replace("0012345678", "0012345679").getBytes(StandardCharsets.UTF_8));
        out.write(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
        Read r = read("kip.yml", out.toByteArray());
        assertThat(r.rows()).extracting(ExtractRow::ok).containsExactly(true, false);
        assertThat(r.rows().get(1).problem()).contains("not valid in UTF-8");
    }

    @Test
    void bomCrlfHeaderCaseSpacesBlankLinesAndExtraColumnsAreTolerated() throws Exception {
        String header = " noka , nik,NO_KK,Nama_Peserta,TGL_LAHIR,JENIS_KELAMIN,HUBUNGAN_KELUARGA,SEGMEN,STATUS_PESERTA,KODE_FASKES,KODE_WILAYAH,CATATAN";
        String row = "0001234567890,3603014708900001,3603010101100001,\"SITI AMINAH, S.PD\",1990-08-07,P,PESERTA,PBI APBN,AKTIF,0101U001,360301,x";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write((header + "\r\n" + row + "\r\n\r\n   \r\n" + row.replace("0001234567890", "0001234567891") + "\r\n").getBytes(StandardCharsets.UTF_8));
        Path f = dir.resolve("pbi.csv");
        Files.write(f, out.toByteArray());
        try (ExtractReader r = new ExtractReader(f, mapping("pbi.yml"))) {
            assertThat(r.readHeader()).startsWith("NOKA", "NIK").endsWith("CATATAN");
            ExtractRow first = r.next();
            assertThat(first.ok()).isTrue();
            assertThat(first.fields()[r.column("NAMA_PESERTA")]).isEqualTo("SITI AMINAH, S.PD");
            ExtractRow second = r.next();
            assertThat(second.ok()).isTrue();
            assertThat(second.lineNo()).isEqualTo(5);
            assertThat(r.next()).isNull();
            assertThat(r.blankLines()).isEqualTo(2);
        }
    }

    @Test
    void aFileTruncatedMidRowRejectsOnlyItsLastRow() throws Exception {
        byte[] whole = (PKH_HEADER + "\n" + PKH_GOOD + "\n" + PKH_GOOD2).getBytes(StandardCharsets.US_ASCII);
        Read cutInLastField = read("pkh.yml", java.util.Arrays.copyOf(whole, whole.length - 3));
        assertThat(cutInLastField.rows()).extracting(ExtractRow::ok).containsExactly(true, false);
        assertThat(cutInLastField.rows().get(1).problem()).contains("ends in the middle of this row");
        byte[] cutEarlier = java.util.Arrays.copyOf(whole, whole.length - 40);
        Read r2 = read("pkh.yml", cutEarlier);
        assertThat(r2.rows()).extracting(ExtractRow::ok).containsExactly(true, false);
    }

    @Test
    void dukcapilNamesWithApostrophesAndQuotesAreNotQuoting() throws Exception {
        String header = "NIK|NO_KK|NAMA_LGKP|JENIS_KLMIN|TMPT_LHR|TGL_LHR|STAT_HBKEL|NAMA_LGKP_IBU|AGAMA|STATUS_KAWIN|ALAMAT|NO_RT|NO_RW|NO_PROP|NO_KAB|NO_KEC|NO_KEL|TGL_MATI";
        String row = "3603011203850002|3603010101100001|MA'RUF \"ACUNG\"|LAKI-LAKI|TANGERANG|12-03-1985|KEPALA KELUARGA|SITI|ISLAM|KAWIN|JL MAWAR|001|002|36|03|01|2001|";
        Read r = read("dukcapil.yml", bytes(StandardCharsets.UTF_8, header, row));
        assertThat(r.rows().get(0).ok()).isTrue();
        assertThat(r.rows().get(0).fields()[2]).isEqualTo("MA'RUF \"ACUNG\"");
        assertThat(r.rows().get(0).fields()).hasSize(18);
    }

    @Test
    void aFileWithoutItsRequiredColumnsCannotBeRead() throws Exception {
        Path f = dir.resolve("pkh.csv");
        Files.writeString(f, PKH_HEADER.replace("NAMA_ART", "NAMA") + "\n" + PKH_GOOD + "\n");
        try (ExtractReader r = new ExtractReader(f, mapping("pkh.yml"))) {
            assertThatThrownBy(r::readHeader).isInstanceOf(UnreadableFileException.class)
                    .hasMessageContaining("pkh.csv").hasMessageContaining("missing required column(s) NAMA_ART");
        }
    }

    /** A file without its header: the first line is a person's row, and the reason must quote none of it. */
    @Test
    void aFileWithoutAHeaderIsRefusedWithoutQuotingTheRowItTookForOne() throws Exception {
        Path f = dir.resolve("pkh.csv");
        Files.writeString(f, PKH_GOOD + "\n" + PKH_GOOD.replace("A1;", "A3;") + "\n");
        try (ExtractReader r = new ExtractReader(f, mapping("pkh.yml"))) {
            assertThatThrownBy(r::readHeader).isInstanceOf(UnreadableFileException.class)
                    .hasMessageContaining("pkh.csv").hasMessageContaining("missing required column(s) ID_ART")
                    .hasMessageContaining("header row missing")
                    .satisfies(e -> {
                        for (String value : PKH_GOOD.split(";")) {
                            if (!value.isEmpty()) assertThat(e.getMessage()).as("names no value of the row").doesNotContain(value);
                        }
                    });
        }
    }

    static Stream<Arguments> utf16() {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] le = bytes(StandardCharsets.UTF_16LE, PKH_HEADER, PKH_GOOD);
        byte[] withBom = new byte[le.length + 2];
        System.arraycopy(bom, 0, withBom, 0, 2);
        System.arraycopy(le, 0, withBom, 2, le.length);
        return Stream.of(
                Arguments.of("little-endian with a byte-order mark (Excel's Unicode Text)", withBom, "FF FE"),
                Arguments.of("big-endian with a byte-order mark", bytes(StandardCharsets.UTF_16, PKH_HEADER, PKH_GOOD), "FE FF"),
                Arguments.of("little-endian without a mark", le, "little-endian"),
                Arguments.of("big-endian without a mark", bytes(StandardCharsets.UTF_16BE, PKH_HEADER, PKH_GOOD), "big-endian"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("utf16")
    void aUtf16FileIsRefusedByNameWithTheReason(String kind, byte[] content, String detail) throws Exception {
        for (String mapping : List.of("pkh.yml", "dukcapil.yml")) {
            Path f = dir.resolve("pkh_utf16.csv");
            Files.write(f, content);
            try (ExtractReader r = new ExtractReader(f, mapping(mapping))) {
                assertThatThrownBy(r::readHeader).isInstanceOf(UnreadableFileException.class)
                        .hasMessageContaining("pkh_utf16.csv").hasMessageContaining("UTF-16").hasMessageContaining(detail);
            }
        }
    }

    @Test
    void aNulByteRejectsItsLineOnly() throws Exception {
        Read r = read("pkh.yml", bytes(StandardCharsets.UTF_8, PKH_HEADER, PKH_GOOD.replace("Siti", "Si\u0000ti"), PKH_GOOD2));
        assertThat(r.rows()).hasSize(2);
        assertThat(r.rows().get(0).ok()).isFalse();
        assertThat(r.rows().get(0).lineNo()).isEqualTo(2);
        assertThat(r.rows().get(0).problem()).contains("control character 0x0");
        assertThat(r.rows().get(1).ok()).isTrue();
        assertThat(id.padan.ingest.internal.SourceIngest.visible(r.rows().get(0).rawText())).contains("Si\\x00ti").doesNotContain("\u0000");
    }

    @Test
    void utf8SurrogatesAreInvalidBytesOfTheirLine() throws Exception {
        // ED A0 80 is a UTF-16 surrogate written as UTF-8 (CESU-8): not valid UTF-8, and not storable as text.
        String header = "NISN,NIK,NO_KK,NAMA_SISWA,JK,TEMPAT_LAHIR,TANGGAL_LAHIR,NAMA_IBU_KANDUNG,JENJANG,KELAS,NPSN,NAMA_SEKOLAH,NO_KIP,KODE_WILAYAH,NOMINAL";
        String good = "0012345678,3603014708100001,3603010101100001,Siti,P,Tangerang,07-08-2010,Aminah,SD,5,20600001,SDN 1,KIP1,3603012001,450000";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes(StandardCharsets.UTF_8, header));
        int at = good.indexOf("Siti") + 2;
        out.write(good.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.write(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        out.write((good.substring(at) + "\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes(StandardCharsets.UTF_8, good.replace("0012345678", "0012345679")));
        Read r = read("kip.yml", out.toByteArray());
        assertThat(r.rows()).extracting(ExtractRow::ok).containsExactly(false, true);
        assertThat(r.rows().get(0).problem()).contains("not valid in UTF-8");
        assertThat(id.padan.ingest.internal.SourceIngest.visible(r.rows().get(0).rawText())).doesNotContain("\u0000");
    }

    @Test
    void anEmptyFileCannotBeRead() throws Exception {
        Path f = dir.resolve("kip.csv");
        Files.writeString(f, "\n\n");
        try (ExtractReader r = new ExtractReader(f, mapping("kip.yml"))) {
            assertThatThrownBy(r::readHeader).isInstanceOf(UnreadableFileException.class).hasMessageContaining("empty");
        }
    }

    /** Lines cut straight from their bytes (ASCII, no quote) and lines that go the general way give the same fields and raw text. */
    @Test
    void everyKindOfGoodLineGivesJacksonsFieldsAndItsOwnText() throws Exception {
        List<String> lines = List.of(
                PKH_GOOD,                                                  // ASCII, no quote: cut from the bytes
                PKH_GOOD.replace("JL MAWAR;2026-IV;750000", ";;"),        // empty fields at the end
                PKH_GOOD.replace("JL MAWAR", "JL\tMAWAR"),                 // a tab inside a value is text
                PKH_GOOD.replace("A1;", ";"),                              // an empty first field
                PKH_GOOD2,                                                 // quoted: the general way
                PKH_GOOD.replace("Siti Aminah", "Siti Aminah Ré"));        // not ASCII: decoded first
        Read r = read("pkh.yml", bytes(Charset.forName("windows-1252"), Stream.concat(Stream.of(PKH_HEADER), lines.stream()).toArray(String[]::new)));
        var schema = tools.jackson.dataformat.csv.CsvSchema.emptySchema().withColumnSeparator(';').withQuoteChar('"');
        var jackson = tools.jackson.dataformat.csv.CsvMapper.builder().build().readerFor(String[].class).with(schema);
        assertThat(r.rows()).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ExtractRow row = r.rows().get(i);
            assertThat(row.ok()).as(lines.get(i)).isTrue();
            assertThat(row.fields()).as(lines.get(i)).containsExactly((String[]) jackson.readValue(lines.get(i)));
            assertThat(row.rawText()).isEqualTo(lines.get(i));
            assertThat(row.lineNo()).isEqualTo(i + 2);
        }
    }

    /** The quote-free fast path cuts a line exactly as Jackson CSV does. */
    @ParameterizedTest(name = "[{0}]")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"a|b|c", "a||c", "|b|", "abc", "|", "||", "a b |  c  | d'e", "  ",
            "SITI|3603014708900001|", "x|y|z|"})
    void aLineWithoutQuotesSplitsAsJacksonSplitsIt(String line) throws Exception {
        var schema = tools.jackson.dataformat.csv.CsvSchema.emptySchema().withColumnSeparator('|').withoutQuoteChar();
        String[] jackson = tools.jackson.dataformat.csv.CsvMapper.builder().build().readerFor(String[].class).with(schema).readValue(line);
        assertThat(ExtractReader.splitPlain(line, '|')).containsExactly(jackson);
    }

    @Test
    void aQuotedValueWithLineBreaksIsOneRecordAndTheLinesAfterItKeepTheirNumbers() throws Exception {
        Charset w = Charset.forName("windows-1252");
        String multi = PKH_GOOD.replace("JL MAWAR", "\"JL MAWAR\nRT 03\r\nRW 01\"");
        Read r = read("pkh.yml", bytes(w, PKH_HEADER, PKH_GOOD, multi, PKH_GOOD2));
        assertThat(r.rows()).extracting(ExtractRow::ok).containsExactly(true, true, true);
        ExtractRow row = r.rows().get(1);
        assertThat(row.lineNo()).isEqualTo(3);
        assertThat(row.lines()).isEqualTo(3);
        assertThat(row.fields()[13]).isEqualTo("JL MAWAR\nRT 03\nRW 01");
        assertThat(r.rows().get(2).lineNo()).isEqualTo(6);
    }

    @Test
    void anUnterminatedQuoteDoesNotSwallowTheRowsAfterIt() throws Exception {
        // Line 4 closes the quote, but lines 2-4 joined are no row: the first line alone is the fault.
        String open = PKH_GOOD.replace("Siti Aminah", "\"Siti Aminah");
        String closing = PKH_GOOD.replace("A1;", "A3;").replace("Siti Aminah", "Siti\" Aminah");
        Read r = read("pkh.yml", bytes(Charset.forName("windows-1252"), PKH_HEADER, open, PKH_GOOD2, closing, PKH_GOOD));
        assertThat(r.rows()).extracting(ExtractRow::lineNo).containsExactly(2, 3, 4, 5);
        assertThat(r.rows()).extracting(ExtractRow::ok).containsExactly(false, true, true, true);
        assertThat(r.rows().get(0).problem()).contains("unterminated quote");
        assertThat(r.rows().get(1).fields()[4]).isEqualTo("Budi; Santoso");
        // A quote inside an unquoted value is text (as Jackson CSV reads it), so line 4 is a row of its own.
        assertThat(r.rows().get(2).fields()[0]).isEqualTo("A3");
        assertThat(r.rows()).extracting(ExtractRow::lines).containsOnly(1);
    }

    @Test
    void aQuoteOpenAtTheEndOfTheFileIsRejectedAlone() throws Exception {
        String open = PKH_GOOD.replace("Siti Aminah", "\"Siti Aminah");
        Read r = read("pkh.yml", bytes(Charset.forName("windows-1252"), PKH_HEADER, PKH_GOOD, PKH_GOOD2, open));
        assertThat(r.rows()).extracting(ExtractRow::ok).containsExactly(true, true, false);
        assertThat(r.rows().get(2).lineNo()).isEqualTo(4);
    }
}
