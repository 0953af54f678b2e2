package id.padan.standardise;

import id.padan.reference.DistrictStatus;
import id.padan.reference.RegionReference;

import java.util.Objects;

/**
 * Builds a {@link RegionCode} from what a source gives, judged against a {@link RegionReference}; never
 * throws and never returns null: null, blank or all-zero input is {@link RegionStatus#MISSING},
 * anything else that cannot be read as a code is {@link RegionStatus#UNKNOWN}. Thread-safe.
 *
 * <p>Whitespace, dots and dashes inside a code are ignored ({@code 36.71.01.1001} is {@code 3671011001}).
 * The status is judged at the most detailed level given: a desa code is {@code KNOWN} if the desa is
 * current, {@code RETIRED} if its kecamatan is a retired one, else {@code UNKNOWN}.
 */
public final class RegionCodes {

    private static final int[] PART_WIDTH = {2, 2, 2, 4};
    private static final int[] CODE_WIDTH = {2, 4, 6, 10};
    private static final RegionCode MISSING = new RegionCode(null, null, null, null, RegionStatus.MISSING);
    private static final RegionCode MALFORMED = new RegionCode(null, null, null, null, RegionStatus.UNKNOWN);

    /** Codes are few (some 84,000 desa) and rows many: each code is judged once and its result shared. Bounded, as bad input could hold any number of codes. */
    private static final int MAX_REMEMBERED = 250_000;

    private final RegionReference reference;
    private final java.util.concurrent.ConcurrentHashMap<String, RegionCode> judged = new java.util.concurrent.ConcurrentHashMap<>();

    /** Codes judged against {@code reference} (not null). */
    public RegionCodes(RegionReference reference) {
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    /**
     * A region from one code of 2, 4, 6 or 10 digits (province, kabupaten, kecamatan or desa, e.g. PBI's
     * 6-digit {@code KODE_WILAYAH} or KIP's 10-digit one); other lengths or non-digits are {@code UNKNOWN}
     * with every level null.
     */
    public RegionCode of(String code) {
        String digits = cleanDigits(code);
        if (digits == null) {
            return MALFORMED;
        }
        if (digits.isEmpty() || isZeros(digits)) {
            return MISSING;
        }
        int n = digits.length();
        if (n != 2 && n != 4 && n != 6 && n != 10) {
            return MALFORMED;
        }
        return resolve(digits, false);
    }

    /**
     * A region from one part per level, as Dukcapil gives it ({@code NO_PROP} 2, {@code NO_KAB} 2,
     * {@code NO_KEC} 2, {@code NO_KEL} 4 digits, concatenated into the desa code). A part shorter than its
     * width lost its leading zeros and is left-padded ({@code 1} is {@code 01}); a part may also be the
     * cumulative code of its level ({@code 3603} for the kabupaten, as PKH writes them) if it extends the
     * parts before it. Blank or all-zero parts end the code at the level before them; a part that fits
     * neither way, or a part after a blank one, makes the result {@code UNKNOWN}, keeping the levels
     * read before it.
     */
    public RegionCode of(String province, String regency, String district, String village) {
        String[] parts = {province, regency, district, village};
        StringBuilder code = new StringBuilder(10);
        boolean ended = false;
        for (int level = 0; level < parts.length; level++) {
            String part = cleanDigits(parts[level]);
            if (part != null && (part.isEmpty() || isZeros(part))) {
                ended = true;
                continue;
            }
            if (part == null || ended) {
                return malformedAfter(code);
            }
            if (part.length() <= PART_WIDTH[level]) {
                code.append("0".repeat(PART_WIDTH[level] - part.length())).append(part);
            } else if (part.length() == CODE_WIDTH[level] && part.startsWith(code.toString())) {
                code.append(part, code.length(), part.length());
            } else {
                return malformedAfter(code);
            }
        }
        return code.isEmpty() ? MISSING : resolve(code.toString(), false);
    }

    private RegionCode malformedAfter(CharSequence code) {
        return code.isEmpty() ? MALFORMED : resolve(code.toString(), true);
    }

    /** The judgement of {@code code}, from those already made when there is one (a code malformed below its last level is rare and judged each time). */
    private RegionCode resolve(String code, boolean malformedBelow) {
        if (malformedBelow) {
            return judge(code, true);
        }
        RegionCode known = judged.get(code);
        if (known != null) {
            return known;
        }
        RegionCode judgement = judge(code, false);
        if (judged.size() < MAX_REMEMBERED) {
            judged.putIfAbsent(code, judgement);
        }
        return judgement;
    }

    /** Cuts a 2, 4, 6 or 10 digit code into its levels and judges the most detailed one. */
    private RegionCode judge(String code, boolean malformedBelow) {
        int n = code.length();
        String province = n == 2 ? code : code.substring(0, 2);
        String kabupaten = n < 4 ? null : n == 4 ? code : code.substring(0, 4);
        String kecamatan = n < 6 ? null : n == 6 ? code : code.substring(0, 6);
        String desa = n == 10 ? code : null;
        RegionStatus status;
        if (malformedBelow) {
            status = RegionStatus.UNKNOWN;
        } else if (desa != null) {
            status = reference.isVillage(desa) ? RegionStatus.KNOWN
                    : reference.district(kecamatan) == DistrictStatus.RETIRED ? RegionStatus.RETIRED
                    : RegionStatus.UNKNOWN;
        } else if (kecamatan != null) {
            status = switch (reference.district(kecamatan)) {
                case CURRENT -> RegionStatus.KNOWN;
                case RETIRED -> RegionStatus.RETIRED;
                case UNKNOWN -> RegionStatus.UNKNOWN;
            };
        } else if (kabupaten != null) {
            status = reference.isRegency(kabupaten) ? RegionStatus.KNOWN
                    : reference.isRetiredRegency(kabupaten) ? RegionStatus.RETIRED
                    : RegionStatus.UNKNOWN;
        } else {
            status = reference.isProvince(province) ? RegionStatus.KNOWN : RegionStatus.UNKNOWN;
        }
        return new RegionCode(desa, kecamatan, kabupaten, province, status);
    }

    /** The digits of {@code raw} without whitespace, dots and dashes; "" for null or blank; null if anything else is in it. */
    private static String cleanDigits(String raw) {
        if (raw == null) {
            return "";
        }
        int n = raw.length();
        StringBuilder digits = null;
        boolean clean = true;
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!clean) {
                    digits.append(c);
                }
            } else if (c <= ' ' || c == '.' || c == '-' || c == '\u00A0' || c == '\u202F' || c == '\uFEFF') {
                if (clean) {
                    clean = false;
                    digits = new StringBuilder(n).append(raw, 0, i);
                }
            } else {
                return null;
            }
        }
        return clean ? raw : digits.toString();
    }

    private static boolean isZeros(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
