package id.padan.deliver.internal;

import id.padan.deliver.OutputFiles;

import id.padan.deliver.DeliverySettings;
import id.padan.ingest.Field;
import id.padan.ingest.SourceMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The readme of one corrected-extract package, in Bahasa Indonesia for the dinas clerk who loads it back: what the
 * files are, what each PADAN column and value means, and how to open the CSV with its identifiers (NIK, KK, NISN,
 * NOKA, region codes) as text, so that a spreadsheet keeps their leading zeros and all sixteen digits.
 */
final class ExtractReadme {
    private ExtractReadme() {}

    /** The columns of {@code header} a spreadsheet must read as text: record key, NIK, KK and region codes. */
    static List<String> identifierColumns(SourceMapping m, List<String> header) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(m.recordKey());
        for (Field f : List.of(Field.NIK, Field.KK, Field.FAMILY_ID)) {
            String c = m.columns().get(f);
            if (c != null) ids.add(c);
        }
        ids.addAll(m.region().parts());
        if (m.region().desa() != null) ids.add(m.region().desa());
        if (m.region().kecamatan() != null) ids.add(m.region().kecamatan());
        ids.addAll(m.region().fallback());
        List<String> out = new ArrayList<>();
        for (String h : header) if (ids.contains(h)) out.add(h);
        return out;
    }

    static Path write(OutputFiles files, Path file, SourceMapping m, List<String> header, DeliverySettings.AddedColumns added, String extract, long rows,
                      String rejected, long rejectedRows) throws IOException {
        List<String> ids = identifierColumns(m, header);
        ids.add(added.personId());
        String delimiter = switch (m.delimiter()) {
            case ';' -> "titik koma (;)";
            case ',' -> "koma (,)";
            case '|' -> "garis tegak (|)";
            case '\t' -> "tab";
            default -> "'" + m.delimiter() + "'";
        };
        ReportText t = ReportText.of("id");
        StringBuilder sb = new StringBuilder();
        sb.append("BACA SAYA - data ").append(m.source()).append(" yang dikembalikan oleh padan\n");
        sb.append("=".repeat(60)).append("\n\n");
        sb.append("Berkas dalam paket ini:\n");
        sb.append("- ").append(extract).append(": ").append(HtmlReport.number("id", rows))
                .append(" baris yang dikirim dinas untuk wilayah ini, dalam format aslinya (kolom, pemisah ").append(delimiter)
                .append(", encoding ").append(m.encoding().name()).append(", format tanggal ").append(m.dateFormat())
                .append("). Baris yang tidak diubah sama persis dengan yang dikirim; di akhir setiap baris ada ")
                .append(added.all().size()).append(" kolom tambahan PADAN_*.\n");
        if (rejected != null) {
            sb.append("- ").append(rejected).append(": ").append(HtmlReport.number("id", rejectedRows))
                    .append(" baris yang tidak dapat dibaca padan (UTF-8, dipisah koma): nomor_baris = nomor baris di berkas yang dikirim, ")
                    .append("alasan = mengapa ditolak, baris_asli = baris seperti yang dikirim. Perbaiki di sumber dan kirim lagi.\n");
        }
        sb.append("- berkas ini.\n\n");
        sb.append("Kolom tambahan:\n");
        sb.append("- ").append(added.status()).append(": ").append(CorrectedExtractWriter.OK).append(" = sesuai dengan Dukcapil, tidak ada temuan; ")
                .append(CorrectedExtractWriter.FINDING).append(" = ada temuan (lihat ").append(added.codes()).append("), nilai tidak diubah; ")
                .append(CorrectedExtractWriter.CORRECTED).append(" = padan mengganti nilai di kolom yang disebut ").append(added.corrected())
                .append(" dengan nilai Dukcapil, karena tautan ke penduduk Dukcapil pasti.\n");
        sb.append("- ").append(added.codes()).append(": kode temuan baris ini, dipisah spasi (artinya di bawah); kode yang sudah diputuskan")
                .append(" peninjau diikuti = dan keputusannya (misalnya ATTRIBUTE_MISMATCH=PINDAH: dijelaskan, pindah; BENAR: dikonfirmasi).\n");
        sb.append("- ").append(added.corrected()).append(": kolom yang dikoreksi dan alasannya, mis. \"NIK: NIK_CORRECTED\"; ")
                .append(CorrectedExtractWriter.FILLED).append(" = nilai yang dikirim kosong atau tidak sah, diisi dari Dukcapil. ")
                .append("Nama tidak pernah diubah.\n");
        sb.append("- ").append(added.sent()).append(": nilai yang dikirim dinas di kolom yang dikoreksi, mis. \"NIK=3603...\", ")
                .append("agar tidak ada nilai yang hilang.\n");
        sb.append("- ").append(added.personId()).append(": nomor orang di padan (sama untuk orang yang sama di setiap program dan setiap proses).\n\n");
        sb.append("Kode temuan:\n");
        for (String code : id.padan.findings.FindingRules.CODES) sb.append("- ").append(code).append(": ").append(t.code(code)).append('\n');
        sb.append('\n');
        sb.append("Membuka berkas CSV tanpa merusak NIK dan kode:\n");
        sb.append("Kolom berikut adalah nomor identitas, bukan angka: ").append(String.join(", ", ids)).append(".\n");
        sb.append("Jika berkas dibuka langsung dengan klik ganda, Excel membaca kolom itu sebagai angka: NIK 16 digit menjadi 3,60301E+15 ")
                .append("(digit terakhir hilang) dan angka nol di depan NISN atau kode hilang. Impor sebagai teks:\n");
        sb.append("- Excel: Data > Dari Teks/CSV (From Text/CSV) > pilih berkas > Asal berkas: ").append(m.encoding().name())
                .append(", Pemisah: ").append(delimiter).append(" > Ubah Data (Transform Data) > pilih kolom di atas > Tipe Data: Teks > Tutup & Muat.\n");
        sb.append("  Di Excel lama: Data > Dari Teks > Dibatasi (Delimited) > pemisah ").append(delimiter)
                .append(" > pada langkah 3 pilih setiap kolom di atas dan tandai Format data kolom: Teks.\n");
        sb.append("- LibreOffice Calc: buka berkas > Set karakter: ").append(m.encoding().name()).append(", Pisahkan dengan: ").append(delimiter)
                .append(" > pilih kolom di atas > Tipe kolom: Teks > OK.\n");
        sb.append("- Sistem dinas / basis data: muat berkas dengan kolom di atas bertipe teks (VARCHAR), bukan angka.\n");
        sb.append("Simpan kembali sebagai CSV dengan pemisah dan encoding yang sama.\n");
        // CRLF, so that Notepad on an old Windows shows the lines too.
        files.writeString(file, sb.toString().replace("\n", "\r\n"));
        return file;
    }
}
