package id.padan.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewEffectTest {
    @Test
    void aPairDecisionChangesTheRunOnlyWhereTheModelAloneWouldHaveDoneOtherwise() {
        assertThat(ReviewPage.Effect.of("PAIR", "SAMA", "HELD", false).changed()).isTrue();
        assertThat(ReviewPage.Effect.of("PAIR", "SAMA", "HELD", true).changed()).isFalse();
        assertThat(ReviewPage.Effect.of("PAIR", "BERBEDA", "HELD", true).changed()).isTrue();
        assertThat(ReviewPage.Effect.of("PAIR", "BERBEDA", "HELD", false).changed()).isFalse();
        assertThat(ReviewPage.Effect.of("PAIR", "SAMA", "HELD", false).words()).startsWith("ditautkan ke kandidat karena keputusan ini");
    }

    @Test
    void aDecisionNotAppliedChangesNothing() {
        for (String state : new String[] {"STALE", "CONFLICT", "PENDING_APPROVAL", "REFUSED_APPROVAL", "WITHDRAWN", "GONE"}) {
            assertThat(ReviewPage.Effect.of("PAIR", "SAMA", state, false).changed()).as(state).isFalse();
            assertThat(ReviewPage.Effect.of("FINDING", "PINDAH", state, null).changed()).as(state).isFalse();
        }
        assertThat(ReviewPage.Effect.of("PAIR", "SAMA", "STALE", false).words()).contains("data berubah");
    }

    @Test
    void anExplainedOrConfirmedFindingIsNoLongerAsked() {
        assertThat(ReviewPage.Effect.of("FINDING", "PINDAH", "HELD", null).words()).isEqualTo("temuan dijelaskan (PINDAH): tidak ditanyakan lagi");
        assertThat(ReviewPage.Effect.of("FINDING", "BENAR", "HELD", null).changed()).isTrue();
        assertThat(ReviewPage.Effect.of("NIK", "TERIMA", "HELD", null).changed()).isFalse();
        assertThat(ReviewPage.Effect.of("NIK", "GANTI", "HELD", null).changed()).isTrue();
    }
}
