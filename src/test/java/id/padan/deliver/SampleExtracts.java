package id.padan.deliver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small hand-made input with known findings: five registry persons in Kab. Tangerang (3603) and Kota
 * Tangerang (3671), and program rows covering each scored finding code, rejected lines, formula-like
 * values and names that need quoting. {@link #EXPECTED} lists the findings of each program row for
 * as-of 2026-11-23 under exact-NIK linking.
 */
final class SampleExtracts {
    static final Charset CP1252 = Charset.forName("windows-1252");

    static final String DUKCAPIL = String.join("\n",
            "NIK|NO_KK|NAMA_LGKP|JENIS_KLMIN|TMPT_LHR|TGL_LHR|STAT_HBKEL|NAMA_LGKP_IBU|AGAMA|STATUS_KAWIN|ALAMAT|NO_RT|NO_RW|NO_PROP|NO_KAB|NO_KEC|NO_KEL|TGL_MATI",
            "3603014708900001|3603010101100001|SITI AMINAH|PEREMPUAN|TANGERANG|07-08-1990|ISTRI|AMINAH|ISLAM|KAWIN|JL MAWAR|001|002|36|03|01|2003|",
            "3603011203850002|3603010101100001|BUDI SANTOSO|LAKI-LAKI|TANGERANG|12-03-1985|KEPALA KELUARGA|SARI|ISLAM|KAWIN|JL MAWAR|001|002|36|03|01|2003|",
            "3603015505150003|3603010101100001|ANI RAHMAWATI|PEREMPUAN|TANGERANG|15-05-2015|ANAK|SITI AMINAH|ISLAM|BELUM KAWIN|JL MAWAR|001|002|36|03|01|2003|",
            "3671010101500004|3671010101200004|AHMAD DAHLAN|LAKI-LAKI|JAKARTA|01-01-1950|KEPALA KELUARGA|FATIMAH|ISLAM|CERAI MATI|JL MELATI|003|004|36|71|01|1001|01-06-2026",
            "3671014502100005|3671010101200005|DEWI LESTARI|PEREMPUAN|TANGERANG|05-02-2010|ANAK|RINA|ISLAM|BELUM KAWIN|JL KENANGA|005|006|36|71|01|1001|",
            "3603016006800006|3603010101100006|O'NEIL MARIA|PEREMPUAN|TANGERANG|20-06-1980|KEPALA KELUARGA|ROSA|KATOLIK|KAWIN|JL ANGGREK|001|003|36|03|01|2003|") + "\n";

    static final String PKH_HEADER = "ID_ART;ID_KPM;NIK;NO_KK;NAMA_ART;TGL_LAHIR;JENIS_KELAMIN;HUB_KRT;KOMPONEN;KD_PROP;KD_KAB;KD_KEC;KD_DESA;ALAMAT;TAHAP;NOMINAL";

    static List<String> pkhLines(boolean withDuplicate) {
        List<String> l = new ArrayList<>();
        l.add(PKH_HEADER);
        l.add("A1;K1;3603014708900001;3603010101100001;Siti Aminah;07/08/1990;2;2;;36;3603;360301;3603012003;JL MAWAR;2026-IV;750000");
        l.add("A2;K1;'3603011203850002;3603010101100001;Budi Santoso;12/03/1985;1;1;;36;3603;360301;3603012003;JL MAWAR;2026-IV;0");
        l.add("A3;K1;3603015505150003;3603010101100001;Ani;15/05/2015;2;3;SD;36;3603;360301;3603012003;JL MAWAR;2026-IV;225000");
        l.add("A4;K2;3671010101500004;3671010101200004;ALM. Ahmad Dahlan;01/01/1950;1;1;LANSIA;36;3603;360301;3603012003;JL MELATI;2026-IV;600000");
        l.add("A5;K3;-;;Rudi Hartono;10/10/1970;1;1;;36;3603;360301;3603012003;JL SAWO;2026-IV;0");
        l.add("A6;K3;3.60301E+15;;Sri Wahyuni;11/11/1972;2;2;;36;3603;360301;3603012003;JL SAWO;2026-IV;0");
        if (withDuplicate) l.add("A7;K1;3603014708900001;3603010101100001;SITI AMINAH;07/08/1990;2;2;;36;3603;360301;3603012003;JL MAWAR;2026-IV;0");
        l.add("A8;K4;3603019999900007;;=HYPERLINK(\"http://x\");01/01/1980;1;1;;36;3603;360301;3603012003;@JL SAWO;2026-IV;0");
        // The registry has 3603016006800006 as a woman born 20-06-1980; this row has another sex and birth date:
        // the link stage reports ATTRIBUTE_MISMATCH, so the row is not corrected until someone has looked at it.
        l.add("A9;K5;3603016006800006;;\"Maria O'Neil; S.Pd\";02/06/1980;1;1;;36;3603;360301;3603012003;JL ANGGREK;2026-IV;0");
        // An address typed over two lines in one Excel cell: one record on two physical lines.
        l.add("A10;K6;3671010101200005;;Joko;01/01/1990;1;1;;36;3671;367101;3671011001;\"JL KENANGA\nRT 01\";2026-IV;0");
        l.add("BAD;K9;3603;Tono;01/01/1990;1"); // wrong column count: region unreadable
        l.add("A1;K1;3603014708900001;3603010101100001;Siti Dup Key;07/08/1990;2;2;;36;3603;360301;3603012003;JL MAWAR;2026-IV;0"); // record key repeats
        return l;
    }

    static final String PBI = "\uFEFF" + String.join("\r\n",
            "NOKA,NIK,NO_KK,NAMA_PESERTA,TGL_LAHIR,JENIS_KELAMIN,HUBUNGAN_KELUARGA,SEGMEN,STATUS_PESERTA,KODE_FASKES,KODE_WILAYAH",
            "0001000000001,3603014708900001,3603010101100001,\"SITI AMINAH, S.PD\",1990-08-07,P,ISTRI,PBI APBN,AKTIF,F001,360301",
            "0001000000002,3603011203850002,3603010101100001,BUDI SANTOSO,1985-03-12,L,PESERTA,PBI APBN,NONAKTIF,F001,360301",
            "0001000000003,3603015505150003,3603010101100001,ANI RAHMAWATI,2015-05-15,P,ANAK,PBI APBN,AKTIF,F001,360301",
            "0001000000004,3671010101500004,3671010101200004,AHMAD DAHLAN,1950-01-01,L,PESERTA,PBI APBD,AKTIF,F002,367101",
            "0001000000006,3603016006800006,,MARIA,1980-06-20,P,PESERTA,PBI APBN,AKTIF,F001,360301",
            "0001000000009,+6281234567890,,-BUDI,1999-01-01,L,PESERTA,PBI APBN,AKTIF,F001,367101") + "\r\n";

    static final String KIP = String.join("\n",
            "NISN,NIK,NO_KK,NAMA_SISWA,JK,TEMPAT_LAHIR,TANGGAL_LAHIR,NAMA_IBU_KANDUNG,JENJANG,KELAS,NPSN,NAMA_SEKOLAH,NO_KIP,KODE_WILAYAH,NOMINAL",
            "0012345678,3671014502100005,3671010101200005,Dewi Lestari,P,TANGERANG,05-02-2010,RINA,SMA,10,20600001,SMAN 1,KIP001,3671011001,1000000",
            "0012345679,3603014708900099,,@Andi,L,TANGERANG,01-01-2012,SARI,SMP,8,20600002,SMPN 2,KIP002,3603012003,750000") + "\n";

    /** Findings per program row (source:record key) for as-of 2026-11-23. */
    static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("PKH:A1", Set.of("DUPLICATE_IN_PROGRAM")),
            Map.entry("PKH:A7", Set.of("DUPLICATE_IN_PROGRAM")),
            Map.entry("PKH:A2", Set.of("GAP_PKH_NO_PBI")),
            Map.entry("PKH:A3", Set.of("GAP_PKH_CHILD_NO_KIP")),
            Map.entry("PKH:A4", Set.of("DECEASED_BENEFICIARY", "REGION_MISMATCH")),
            Map.entry("PKH:A5", Set.of("NIK_MISSING", "NOT_IN_DUKCAPIL", "GAP_PKH_NO_PBI")),
            Map.entry("PKH:A6", Set.of("NIK_MALFORMED", "NOT_IN_DUKCAPIL", "GAP_PKH_NO_PBI")),
            Map.entry("PKH:A8", Set.of("NIK_STRUCTURE", "NOT_IN_DUKCAPIL", "GAP_PKH_NO_PBI")),
            Map.entry("PKH:A9", Set.of("ATTRIBUTE_MISMATCH")),
            Map.entry("PKH:A10", Set.of("NOT_IN_DUKCAPIL", "GAP_PKH_NO_PBI")),
            Map.entry("PBI_JKN:0001000000001", Set.of()),
            Map.entry("PBI_JKN:0001000000002", Set.of()),
            Map.entry("PBI_JKN:0001000000003", Set.of()),
            Map.entry("PBI_JKN:0001000000004", Set.of("DECEASED_BENEFICIARY")),
            Map.entry("PBI_JKN:0001000000006", Set.of()),
            Map.entry("PBI_JKN:0001000000009", Set.of("NIK_MALFORMED", "NOT_IN_DUKCAPIL")),
            Map.entry("KIP:0012345678", Set.of()),
            Map.entry("KIP:0012345679", Set.of("NOT_IN_DUKCAPIL")));

    private SampleExtracts() {}

    static void write(Path dir, boolean withDuplicate) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("dukcapil_20261123.txt"), DUKCAPIL, StandardCharsets.UTF_8);
        ByteArrayOutputStream pkh = new ByteArrayOutputStream();
        pkh.write((String.join("\r\n", pkhLines(withDuplicate)) + "\r\n").getBytes(CP1252));
        Files.write(dir.resolve("pkh_20261123.csv"), pkh.toByteArray());
        Files.writeString(dir.resolve("pbi_20261123.csv"), PBI, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("kip_20261123.csv"), KIP, StandardCharsets.UTF_8);
    }
}
