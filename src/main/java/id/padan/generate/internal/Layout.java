package id.padan.generate.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The fixed shape of one extract as extracts.md gives it: columns, delimiter, encoding, quoting. */
record Layout(Source source, List<String> columns, char delimiter, Charset charset, boolean quoting, boolean bom,
              int textColumn) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static Layout of(Source source) {
        return switch (source) {
            case DUKCAPIL -> new Layout(source, List.of("NIK", "NO_KK", "NAMA_LGKP", "JENIS_KLMIN", "TMPT_LHR",
                    "TGL_LHR", "STAT_HBKEL", "NAMA_LGKP_IBU", "AGAMA", "STATUS_KAWIN", "ALAMAT", "NO_RT", "NO_RW",
                    "NO_PROP", "NO_KAB", "NO_KEC", "NO_KEL", "TGL_MATI"), '|', StandardCharsets.UTF_8, false, false, 10);
            case PKH -> new Layout(source, List.of("ID_ART", "ID_KPM", "NIK", "NO_KK", "NAMA_ART", "TGL_LAHIR",
                    "JENIS_KELAMIN", "HUB_KRT", "KOMPONEN", "KD_PROP", "KD_KAB", "KD_KEC", "KD_DESA", "ALAMAT", "TAHAP",
                    "NOMINAL"), ';', WINDOWS_1252, true, false, 13);
            case PBI_JKN -> new Layout(source, List.of("NOKA", "NIK", "NO_KK", "NAMA_PESERTA", "TGL_LAHIR",
                    "JENIS_KELAMIN", "HUBUNGAN_KELUARGA", "SEGMEN", "STATUS_PESERTA", "KODE_FASKES", "KODE_WILAYAH"),
                    ',', StandardCharsets.UTF_8, true, true, 3);
            case KIP -> new Layout(source, List.of("NISN", "NIK", "NO_KK", "NAMA_SISWA", "JK", "TEMPAT_LAHIR",
                    "TANGGAL_LAHIR", "NAMA_IBU_KANDUNG", "JENJANG", "KELAS", "NPSN", "NAMA_SEKOLAH", "NO_KIP",
                    "KODE_WILAYAH", "NOMINAL"), ',', StandardCharsets.UTF_8, true, false, 11);
        };
    }

    /** Index of the name column, where bad bytes and stray quotes are planted. */
    int nameColumn() {
        return switch (source) {
            case DUKCAPIL -> 2;
            case PKH -> 4;
            case PBI_JKN, KIP -> 3;
        };
    }
}
