package id.padan.deliver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewStatusTest {
    private final ReportText id = ReportText.of("id");

    @Test
    void aFindingADecisionCoversSaysHowItWasDecided() {
        assertThat(ReviewStatus.text(id, "DECIDED", "PINDAH", "pindah ke desa lain").toString()).isEqualTo("DIJELASKAN: PINDAH (pindah ke desa lain)");
        assertThat(ReviewStatus.text(id, "DECIDED", "BENAR", null).toString()).isEqualTo("DIKONFIRMASI: BENAR");
        assertThat(ReviewStatus.text(id, "DECIDED", "TERIMA", " ").toString()).isEqualTo("DIPUTUSKAN: TERIMA");
        assertThat(ReviewStatus.text(id, "APPROVAL", "MENINGGAL", null).toString()).isEqualTo("MENUNGGU PERSETUJUAN: MENINGGAL");
        assertThat(ReviewStatus.text(id, "STALE", "SAMA", null).toString()).startsWith("DATA BERUBAH").endsWith("keputusan lama: SAMA");
        assertThat(ReviewStatus.text(id, null, null, null).isEmpty()).isTrue();
    }

    @Test
    void aReasonIsMaskedLikeAnyTextForReviewers() {
        assertThat(ReviewStatus.text(id, "DECIDED", "LAINNYA", "NIK benar 3603014708900001").toString()).doesNotContain("3603014708900001")
                .contains("360301");
    }

    @Test
    void theFileCarriesBackTheStandingWordExceptAStaleOneOrAReplacedNik() {
        assertThat(ReviewStatus.carried("DECIDED", "PINDAH")).isEqualTo("PINDAH");
        assertThat(ReviewStatus.carried("APPROVAL", "TERIMA")).isEqualTo("TERIMA");
        assertThat(ReviewStatus.carried("STALE", "SAMA")).isNull();
        assertThat(ReviewStatus.carried("DECIDED", "GANTI")).isNull();
        assertThat(ReviewStatus.carried(null, null)).isNull();
    }

    @Test
    void theExtractsCodesCarryTheHeldDecisions() {
        assertThat(ReviewStatus.codes("ATTRIBUTE_MISMATCH GAP_PKH_NO_PBI", "ATTRIBUTE_MISMATCH=PINDAH")).isEqualTo("ATTRIBUTE_MISMATCH=PINDAH GAP_PKH_NO_PBI");
        assertThat(ReviewStatus.codes("NIK_CORRECTED", null)).isEqualTo("NIK_CORRECTED");
        assertThat(ReviewStatus.codes(null, null)).isNull();
    }

    @Test
    void aFindingExplainedByAHeldDecisionIsNeitherNewNorStillOpen() {
        assertThat(ReviewStatus.change("OPEN", "DECIDED", "PINDAH")).isEqualTo("EXPLAINED");
        assertThat(ReviewStatus.change("NEW", "DECIDED", "LAINNYA")).isEqualTo("EXPLAINED");
        assertThat(ReviewStatus.change("OPEN", "DECIDED", "BENAR")).as("confirmed: still open").isEqualTo("OPEN");
        assertThat(ReviewStatus.change("OPEN", "APPROVAL", "MENINGGAL")).as("awaiting an approver").isEqualTo("OPEN");
        assertThat(ReviewStatus.change("NEW", "STALE", "PINDAH")).as("stale").isEqualTo("NEW");
        assertThat(ReviewStatus.change("RESOLVED", "DECIDED", "PINDAH")).isEqualTo("RESOLVED");
        assertThat(ReviewStatus.change("OPEN", null, null)).isEqualTo("OPEN");
        assertThat(ReviewStatus.EXPLAINED_SQL).isEqualTo("array['LAINNYA', 'MENINGGAL', 'PINDAH', 'SUDAH_DIPERBAIKI', 'TIDAK_LAYAK']");
    }
}
