package id.padan.review;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words a reviewer writes in {@code keputusan} (the decisions file, the page), by the kind of item they answer.
 * {@code BATAL} withdraws the reviewer's earlier decision on the item (undo is a new decision).
 */
public enum Keputusan {
    /** REVIEW_POSSIBLE_MATCH: the row is the candidate registry person. */
    SAMA(Kind.PAIR),
    /** REVIEW_POSSIBLE_MATCH: the row is not the candidate. */
    BERBEDA(Kind.PAIR),
    /** NIK_CORRECTED: the registry NIK padan proposes is right. */
    TERIMA(Kind.NIK),
    /** NIK_CORRECTED: the proposed NIK is wrong (the row is not that registry person). */
    TOLAK(Kind.NIK),
    /** NIK_CORRECTED: the right NIK is another one, written {@code GANTI:<16 digits>}. */
    GANTI(Kind.NIK),
    /** Any other finding: confirmed, the problem is real. */
    BENAR(Kind.FINDING),
    /** Explained: the person moved. */
    PINDAH(Kind.FINDING),
    /** Explained: already corrected at the source. */
    SUDAH_DIPERBAIKI(Kind.FINDING),
    /** Explained: the person died (handled). */
    MENINGGAL(Kind.FINDING),
    /** Explained: not eligible (handled). */
    TIDAK_LAYAK(Kind.FINDING),
    /** Explained otherwise: {@code alasan} is required. */
    LAINNYA(Kind.FINDING),
    /** Withdraws the earlier decision on this item (any kind). */
    BATAL(null);

    /** What a decision judges: a pair of rows, a NIK correction, or a finding. */
    public enum Kind {
        PAIR, NIK, FINDING;

        /** The kind of item a finding code asks a reviewer about. */
        public static Kind of(String code) {
            return switch (code) {
                case "REVIEW_POSSIBLE_MATCH" -> PAIR;
                case "NIK_CORRECTED" -> NIK;
                default -> FINDING;
            };
        }

        /** The words that answer an item of this kind, in the order the guide lists them ({@code BATAL} last). */
        public List<Keputusan> answers() {
            List<Keputusan> out = new java.util.ArrayList<>();
            for (Keputusan k : Keputusan.values()) if (k.kind == this) out.add(k);
            out.add(BATAL);
            return out;
        }
    }

    private final Kind kind;

    Keputusan(Kind kind) {
        this.kind = kind;
    }

    /** Whether this word answers an item of {@code kind}. */
    public boolean answers(Kind kind) {
        return this == BATAL || this.kind == kind;
    }

    /** Whether this word explains a finding away (the finding is shown as explained, not open). */
    public boolean explains() {
        return EXPLAINING.contains(this);
    }

    private static final Set<Keputusan> EXPLAINING = EnumSet.of(PINDAH, SUDAH_DIPERBAIKI, MENINGGAL, TIDAK_LAYAK, LAINNYA);

    /** The word as written (case and surrounding blanks ignored; {@code GANTI:<NIK>} gives GANTI), or null when unknown. */
    public static Keputusan parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        int colon = t.indexOf(':');
        if (colon >= 0) t = t.substring(0, colon).strip();
        try {
            return valueOf(t.replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
