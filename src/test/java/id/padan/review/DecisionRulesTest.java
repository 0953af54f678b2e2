package id.padan.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words a reviewer writes, the lines a file holds, and which decisions contradict each other. */
class DecisionRulesTest {
    private static DecisionChecks.Asked asked(String code, String keputusan, String alasan) {
        return new DecisionChecks.Asked(2, "PKH", "KPM1-01", code, "17", keputusan, alasan);
    }

    @Test
    void eachFindingTakesItsOwnWords() {
        assertThat(DecisionChecks.wordProblem(asked("REVIEW_POSSIBLE_MATCH", " sama ", ""))).isNull();
        assertThat(DecisionChecks.wordProblem(asked("REVIEW_POSSIBLE_MATCH", "BENAR", "")))
                .isEqualTo("keputusan 'BENAR' tidak berlaku untuk REVIEW_POSSIBLE_MATCH; yang berlaku: SAMA, BERBEDA, BATAL");
        assertThat(DecisionChecks.wordProblem(asked("NIK_CORRECTED", "GANTI:3603014708900001", ""))).isNull();
        assertThat(DecisionChecks.wordProblem(asked("NIK_CORRECTED", "GANTI: 3603.0147.0890.0001", ""))).isNull();
        assertThat(DecisionChecks.wordProblem(asked("NIK_CORRECTED", "GANTI:36030147089000", ""))).startsWith("GANTI perlu NIK 16 digit");
        assertThat(DecisionChecks.wordProblem(asked("NIK_CORRECTED", "GANTI", ""))).startsWith("GANTI perlu NIK 16 digit");
        assertThat(DecisionChecks.wordProblem(asked("NIK_CORRECTED", "SAMA", ""))).contains("yang berlaku: TERIMA, TOLAK, GANTI:<NIK>, BATAL");
        assertThat(DecisionChecks.wordProblem(asked("DECEASED_BENEFICIARY", "tidak layak", ""))).isNull();
        assertThat(DecisionChecks.wordProblem(asked("DECEASED_BENEFICIARY", "BENAR:1", ""))).contains("hanya GANTI yang diikuti nilai");
        assertThat(DecisionChecks.wordProblem(asked("ATTRIBUTE_MISMATCH", "LAINNYA", " "))).isEqualTo("LAINNYA perlu alasan (kolom alasan kosong)");
        assertThat(DecisionChecks.wordProblem(asked("ATTRIBUTE_MISMATCH", "LAINNYA", "salah ketik di dinas"))).isNull();
        assertThat(DecisionChecks.wordProblem(new DecisionChecks.Asked(3, "DUKCAPIL", "360301**********", "NIK_CORRECTED", "", "TERIMA", "")))
                .startsWith("kunci_baris disamarkan");
    }

    @Test
    void approvalIsNeededForNikCorrectionsAndAnExplainedDeath() {
        ReviewSettings s = new ReviewSettings("NIK,DECEASED_EXPLAINED");
        assertThat(s.needsApproval("NIK_CORRECTED", Keputusan.TERIMA)).isTrue();
        assertThat(s.needsApproval("NIK_CORRECTED", Keputusan.BATAL)).isFalse();
        assertThat(s.needsApproval("DECEASED_BENEFICIARY", Keputusan.MENINGGAL)).isTrue();
        assertThat(s.needsApproval("DECEASED_BENEFICIARY", Keputusan.BENAR)).as("confirming a death is no explanation").isFalse();
        assertThat(s.needsApproval("REVIEW_POSSIBLE_MATCH", Keputusan.SAMA)).isFalse();
        assertThat(new ReviewSettings("").needsApproval("NIK_CORRECTED", Keputusan.TERIMA)).isFalse();
        assertThat(new ReviewSettings("pair").needsApproval("REVIEW_POSSIBLE_MATCH", Keputusan.BERBEDA)).isTrue();
        assertThatThrownBy(() -> new ReviewSettings("NIK,DEATH")).hasMessageContaining("'DEATH' is not one of");
    }

    @Test
    void aFileIsReadByColumnNameWithItsPhysicalLineNumbers() throws Exception {
        String csv = "\uFEFFprogram,kunci_baris,penjelasan,kode_temuan,kandidat_person_id,keputusan,alasan\r\n"
                + "PKH,K1,\"dua\r\nbaris\",REVIEW_POSSIBLE_MATCH,17,SAMA,\r\n"
                + "\r\n"
                + "KIP,K2,x,ATTRIBUTE_MISMATCH,,PINDAH,pindah\r\n";
        List<DecisionFile.Line> lines = DecisionFile.read(Path.of("d.csv"), new StringReader(csv));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).lineNo()).isEqualTo(2);
        assertThat(lines.get(0).get(DecisionFile.Column.CANDIDATE)).isEqualTo("17");
        assertThat(lines.get(1).lineNo()).as("after a two-line cell and a blank line").isEqualTo(5);
        assertThat(lines.get(1).get(DecisionFile.Column.KEPUTUSAN)).isEqualTo("PINDAH");

        String english = "program,record_key,finding_code,kandidat_person_id,keputusan,alasan\nPKH,K1,NIK_CORRECTED,,TERIMA,\n";
        assertThat(DecisionFile.read(Path.of("e.csv"), new StringReader(english)).get(0).get(DecisionFile.Column.RECORD_KEY)).isEqualTo("K1");

        assertThatThrownBy(() -> DecisionFile.read(Path.of("x.csv"), new StringReader("program,kunci_baris,keputusan\n")))
                .hasMessage("x.csv:1: the header lacks the column(s) kode_temuan (import the decisions.csv or report.xlsx "
                        + "padan delivered, with keputusan and alasan filled in)");
    }

    private static DecisionBook.Standing held(long id, Keputusan k, String key, String other, String newKey) {
        Keputusan.Kind kind = k == Keputusan.SAMA || k == Keputusan.BERBEDA ? Keputusan.Kind.PAIR : Keputusan.Kind.NIK;
        return new DecisionBook.Standing(id, kind, k, "PKH", key, kind == Keputusan.Kind.PAIR ? "REVIEW_POSSIBLE_MATCH" : "NIK_CORRECTED",
                "DUKCAPIL", other, newKey, "HELD");
    }

    @Test
    void contradictingDecisionsAreAConflictAndTheOthersAreNot() {
        // A = B (SAMA), A ≠ B (TOLAK of the same pair): a conflict of the two
        var c = DecisionBook.conflicts(List.of(held(1, Keputusan.SAMA, "A", "B", null), held(2, Keputusan.TOLAK, "A", "B", null),
                held(3, Keputusan.SAMA, "X", "Y", null), held(4, Keputusan.BERBEDA, "X", "Z", null)));
        assertThat(c).hasSize(1);
        assertThat(c.get(0).decisionIds()).containsExactly(1L, 2L);
        // one row the same as two registry persons (SAMA one candidate, GANTI to another NIK)
        c = DecisionBook.conflicts(List.of(held(5, Keputusan.SAMA, "A", "B", null), held(6, Keputusan.GANTI, "A", "C", "D")));
        assertThat(c).hasSize(1);
        assertThat(c.get(0).decisionIds()).containsExactly(5L, 6L);
        assertThat(c.get(0).reason()).contains("dua orang Dukcapil");
        // stale decisions contradict nothing
        var stale = new DecisionBook.Standing(8, Keputusan.Kind.NIK, Keputusan.TOLAK, "PKH", "A", "NIK_CORRECTED", "DUKCAPIL", "B", null, "STALE");
        assertThat(DecisionBook.conflicts(List.of(held(7, Keputusan.SAMA, "A", "B", null), stale))).isEmpty();
    }
}
