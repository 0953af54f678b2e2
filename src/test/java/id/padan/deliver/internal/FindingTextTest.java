package id.padan.deliver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finding details from detail_json, in both languages; the link stage's review and attribute keys read as documented. */
class FindingTextTest {
    private final FindingText id = new FindingText(ReportText.of("id"));
    private final FindingText en = new FindingText(ReportText.of("en"));

    @Test
    void nikCorrectedGivesBothNiks() {
        String json = "{\"submitted\":\"3603014708900010\",\"problem\":null,\"registry_nik\":\"3603014708900001\",\"corrected\":\"3603014708900001\"}";
        assertThat(id.detail("NIK_CORRECTED", "PKH", json)).isEqualTo("NIK dikirim 3603014708900010; NIK Dukcapil 3603014708900001");
        assertThat(en.detail("NIK_CORRECTED", "PKH", json)).isEqualTo("NIK sent 3603014708900010; registry NIK 3603014708900001");
    }

    @Test
    void gapSaysWhichProgramIsMissingAndTheAge() {
        String json = "{\"missing_program\":\"KIP\",\"statuses\":\"\",\"age\":11,\"has_inactive\":false}";
        assertThat(id.detail("GAP_PKH_CHILD_NO_KIP", "PKH", json)).isEqualTo("tidak ada di KIP, umur 11 tahun");
        assertThat(en.detail("GAP_PKH_NO_PBI", "PKH", "{\"missing_program\":\"PBI_JKN\",\"has_inactive\":true}"))
                .isEqualTo("not in PBI_JKN (present but not active)");
    }

    @Test
    void reviewAndAttributeMismatchReadTheLinkExplanation() {
        String review = "{\"review\":\"name close, birth date differs\",\"candidate\":{\"source\":\"DUKCAPIL\",\"record_key\":\"3603014708900001\",\"score\":0.71}}";
        assertThat(en.detail("REVIEW_POSSIBLE_MATCH", "PBI_JKN", review))
                .isEqualTo("to be reviewed: name close, birth date differs; candidate source: DUKCAPIL; record_key: 3603014708900001; score: 0.710");
        String attr = "{\"fields\":[\"birth_date\",\"sex\"],\"row\":{\"name\":\"Ani\",\"birth_date\":\"2015-05-15\",\"sex\":\"L\"},"
                + "\"registry\":{\"name\":\"ANI\",\"birth_date\":\"2015-05-16\",\"sex\":\"P\"}}";
        assertThat(id.detail("ATTRIBUTE_MISMATCH", "PKH", attr))
                .isEqualTo("berbeda dari Dukcapil: birth_date, sex; Dikirim: nama Ani, lahir 15-05-2015, JK L; Dukcapil: nama ANI, lahir 16-05-2015, JK P");
    }

    @Test
    void evidenceShowsTheLinkAndBothSides() {
        Map<String, Object> row = new HashMap<>();
        row.put("match_method", "EXACT_NIK");
        row.put("match_score", 1.0);
        row.put("nik_raw", "3671010101500004");
        row.put("name_raw", "ALM. Ahmad");
        row.put("in_dukcapil", true);
        row.put("reg_nik", "3671010101500004");
        row.put("reg_name", "AHMAD");
        row.put("reg_death", java.sql.Date.valueOf("2026-06-01"));
        row.put("explanation", "{\"name\":\"exact\"}");
        assertThat(en.evidence(row)).isEqualTo("Link method: EXACT_NIK (score 1.000). Sent: NIK 3671010101500004, name ALM. Ahmad, born -, sex -. "
                + "Registry: NIK 3671010101500004, name AHMAD, born -, sex -, died 01-06-2026. Explanation: name: exact");
    }
}
