package id.padan.standardise.name;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The words that surround Indonesian names on documents, keyed by their letters-only upper-case form
 * ({@code "S.Pd."} is looked up as {@code "SPD"}); never returns null, 0 means "not a known word".
 *
 * <p>Written from general knowledge of Indonesian naming, with {@code shared/data/names/name_titles.csv}
 * (faker, MIT) as a checklist; no rows were copied, so no licence file travels with it.
 */
final class NameVocabulary {

    /** Honorific, religious or academic title written before the name: removed everywhere. */
    static final int PREFIX_TITLE = 1;
    /** Degree written after the name: removed everywhere. */
    static final int SUFFIX_DEGREE = 1 << 1;
    /** A degree that is a degree even when written without dots at the end of the name. */
    static final int UNDOTTED_OK = 1 << 2;
    /** Marks the person as deceased (almarhum/almarhumah). */
    static final int DECEASED = 1 << 3;
    /** Hereditary title (Raden, Teuku...): kept in the display form, left out of the comparison tokens. */
    static final int NOBLE = 1 << 4;
    /** BIN/BINTI and abbreviations: what follows is the father's name. */
    static final int PATRONYMIC_MARKER = 1 << 5;
    /** Second word of a two-word Javanese noble title, only after RADEN (RADEN AYU, RADEN MAS). */
    static final int RADEN_FOLLOWER = 1 << 6;

    private static final Map<String, Integer> WORDS = new HashMap<>(256);

    static {
        add(PREFIX_TITLE,
                // religious / pilgrimage
                "H", "HJ", "HJH", "HAJI", "HAJJAH", "HAJAH", "KH", "KYAI", "KIAI",
                "USTADZ", "USTAZ", "USTADZAH", "USTAZAH",
                // academic and professional, written before the name
                "DRS", "DRA", "IR", "DR", "DRG", "DRH", "PROF", "NS", "BC",
                // forms of address found on health and social-welfare records
                "BPK", "BAPAK", "IBU", "NY", "TN", "SDR", "SDRI");
        add(SUFFIX_DEGREE | UNDOTTED_OK,
                "SPD", "SPDI", "SPDSD", "SE", "SEI", "SH", "SHI", "SKOM", "ST", "SSOS", "SAG", "SKEP",
                "SKED", "SGZ", "SPT", "SIP", "SPSI", "SIKOM", "SFARM", "SKM", "SSI", "SP", "STP", "SSTP",
                "SKEB", "SHUT", "STR", "SAP", "SKG", "SS",
                "MPD", "MPDI", "MSI", "MM", "MKOM", "MTI", "MFARM", "MAK", "MAG", "MH", "MT", "MKES",
                "MSC", "MBA", "MHUM", "MKEB", "MKEP",
                "AMD", "AMK", "AMKEB", "AMKEP", "AMG", "AMF", "AMAK", "AMPD", "AMKL", "AMRAD",
                "BSC", "PHD");
        // Degrees that could be a name part when written bare: degrees only with a dot or after a comma.
        // SP.x are medical specialists (Sp.A paediatrics, Sp.OG obstetrics...).
        add(SUFFIX_DEGREE, "MA", "BA", "SPA", "SPOG", "SPPD", "SPB", "SPM", "SPKK", "SPJP", "SPS", "SPTHT",
                "SPKJ", "SPRAD", "SPAN", "SPU", "SPOT", "SPBS", "SPKG", "SPGK");
        // Ners is written before (Ns. AMINAH) or after (AMINAH, S.Kep., Ns.) the name.
        add(SUFFIX_DEGREE | UNDOTTED_OK, "NS");
        add(DECEASED, "ALM", "ALMH", "ALHM", "ALMRH", "ALMRHM", "ALMARHUM", "ALMARHUMAH");
        add(NOBLE,
                "RADEN", "RA", "RM", "RR", "RAY", "RAJ",     // Javanese/Sundanese: Raden (Ayu, Mas, Roro, Ajeng)
                "TEUKU", "TENGKU", "TGK", "CUT",              // Aceh and Malay
                "TUBAGUS", "TB", "DATUK", "DT");              // Banten, Minangkabau
        add(RADEN_FOLLOWER, "MAS", "AYU", "AJENG", "RORO", "RARA", "AJ");
        add(PATRONYMIC_MARKER, "BIN", "BINTI", "BT", "BN", "BINT");
    }

    private NameVocabulary() {}

    private static void add(int flags, String... words) {
        for (String w : words) {
            WORDS.merge(w, flags, (a, b) -> a | b);
        }
    }

    /** Flags of a letters-only upper-case word; 0 for an unknown word or null. */
    static int flags(String word) {
        Integer f = word == null ? null : WORDS.get(word);
        return f == null ? 0 : f;
    }

    /**
     * Canonical tokens that carry little evidence because very many people have them: Islamic and Javanese
     * name elements, Balinese birth-order and caste names; values are canonical forms (see {@link TokenCanon}).
     */
    static final Set<String> COMMON_TOKENS = Set.of(
            "MUHAMMAD", "SITI", "NUR", "ABDUL", "SRI", "DWI", "TRI", "EKA",
            "I", "NI", "LUH", "PUTU", "WAYAN", "GEDE", "MADE", "KADEK", "NENGAH", "NYOMAN", "KOMANG", "KETUT",
            "ANAK", "AGUNG", "IDA", "BAGUS", "AYU", "DEWA", "GUSTI", "DESAK", "NGAKAN", "COKORDA");
}
