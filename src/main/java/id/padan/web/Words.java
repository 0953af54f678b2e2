package id.padan.web;

import id.padan.review.Keputusan;
import java.util.Map;

/** The page's words for finding codes and the key that gives each decision. */
final class Words {
    private Words() {}

    private static final Map<String, String> CODES = Map.of(
            "DECEASED_BENEFICIARY", "penerima manfaat tercatat meninggal di Dukcapil",
            "REVIEW_POSSIBLE_MATCH", "mungkin orang yang sama dengan kandidat di Dukcapil",
            "DUPLICATE_IN_PROGRAM", "orang yang sama tercatat lebih dari sekali dalam program",
            "NIK_CORRECTED", "NIK yang dikirim berbeda dengan NIK Dukcapil orang ini",
            "ATTRIBUTE_MISMATCH", "nama, tanggal lahir atau jenis kelamin berbeda dengan Dukcapil");

    static String code(String code) {
        return CODES.getOrDefault(code, code);
    }

    private static final Map<Keputusan, String> KEYS = Map.ofEntries(Map.entry(Keputusan.SAMA, "s"), Map.entry(Keputusan.BERBEDA, "b"),
            Map.entry(Keputusan.TERIMA, "t"), Map.entry(Keputusan.TOLAK, "o"), Map.entry(Keputusan.BENAR, "n"), Map.entry(Keputusan.PINDAH, "p"),
            Map.entry(Keputusan.SUDAH_DIPERBAIKI, "d"), Map.entry(Keputusan.MENINGGAL, "m"), Map.entry(Keputusan.TIDAK_LAYAK, "l"),
            Map.entry(Keputusan.LAINNYA, "y"), Map.entry(Keputusan.BATAL, "x"));

    /** The key that gives {@code k} on an item page. */
    static String key(Keputusan k) {
        return KEYS.getOrDefault(k, "");
    }
}
