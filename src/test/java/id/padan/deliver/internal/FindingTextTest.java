package id.padan.deliver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.reference.RegionReference;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finding details and decision rows from the stored facts, in both languages: NIKs masked, differences in words. */
class FindingTextTest {
    private final FindingText id = new FindingText(ReportText.of("id"), RegionReference.kemendagri());
    private final FindingText en = new FindingText(ReportText.of("en"), RegionReference.kemendagri());

    @Test
    void nikCorrectedSaysHowTheNiksDifferAndShowsSixDigits() {
        String json = "{\"submitted\":\"3603014708900071\",\"problem\":null,\"registry_nik\":\"3603014708900001\",\"corrected\":\"3603014708900001\"}";
        assertThat(id.detail("NIK_CORRECTED", "PKH", json).toString())
                .isEqualTo("NIK dikirim 360301**********; NIK Dukcapil 360301**********: beda 1 digit: digit ke-15 (bagian nomor urut)".replace("beda 1 digit", "beda satu digit"));
        assertThat(en.detail("NIK_CORRECTED", "PKH", json).toString())
                .isEqualTo("NIK sent 360301**********; registry NIK 360301**********: one digit differs: digit 15 (serial part)");
    }

    @Test
    void gapSaysWhichProgramIsMissingAndTheAge() {
        String json = "{\"missing_program\":\"KIP\",\"statuses\":\"\",\"age\":11,\"has_inactive\":false}";
        assertThat(id.detail("GAP_PKH_CHILD_NO_KIP", "PKH", json).toString()).isEqualTo("tidak ada di KIP, umur 11 tahun");
        assertThat(en.detail("GAP_PKH_NO_PBI", "PKH", "{\"missing_program\":\"PBI_JKN\",\"has_inactive\":true}").toString())
                .isEqualTo("not in PBI_JKN (present but not active)");
    }

    @Test
    void duplicatesListTheOtherRecordKeysAsSent() {
        String json = "{\"count\":2,\"records\":[\"0001000000001\",\"0001000000002\"]}";
        assertThat(id.detail("DUPLICATE_IN_PROGRAM", "PBI_JKN", json).toString()).isEqualTo("tercatat 2 kali di PBI_JKN: 0001000000001, 0001000000002");
    }

    @Test
    void aPossibleMatchShowsTheCandidateSideBySideAndNoProbability() {
        Map<String, Object> row = new HashMap<>();
        row.put("code", "REVIEW_POSSIBLE_MATCH");
        row.put("severity", "WARNING");
        row.put("source", "PKH");
        row.put("record_key", "A9");
        row.put("kab", "3603");
        row.put("region_code", "3603012003");
        row.put("person_id", 17L);
        row.put("match_method", "LINKED_VIA_CLUSTER");
        row.put("match_score", 1.0);
        row.put("nik_raw", "3603016006800006");
        row.put("nik", "3603016006800006");
        row.put("name_raw", "Maria O'Neil");
        row.put("name", "MARIA ONEIL");
        row.put("birth_date", java.sql.Date.valueOf("1980-06-02"));
        row.put("sex", "L");
        row.put("in_dukcapil", false);
        row.put("cand_person_id", 42L);
        row.put("cand_nik", "3603016006800006");
        row.put("cand_name_raw", "O'NEIL MARIA");
        row.put("cand_name", "ONEIL MARIA");
        row.put("cand_birth", java.sql.Date.valueOf("1980-06-20"));
        row.put("cand_sex", "P");
        row.put("cand_region", "3603012003");
        row.put("explanation", "{\"method\":\"REVIEW\",\"probability\":0.964,\"match_weight\":4.76,\"fields\":{\"NIK\":{\"level\":\"EXACT\",\"weight\":14.35},"
                + "\"NAME\":{\"level\":\"SAME_TOKENS_REORDERED\",\"weight\":10.46},\"BIRTH_DATE\":{\"level\":\"DAY_MONTH_SWAPPED\",\"weight\":8.35},"
                + "\"SEX\":{\"level\":\"DIFFERENT\",\"weight\":-5.39}}}");
        DecisionRow d = id.decision(row, id.detail("REVIEW_POSSIBLE_MATCH", "PKH", "{}"));
        assertThat(d.candidatePersonId().toString()).isEqualTo("42");
        assertThat(d.candidate().name().toString()).isEqualTo("O'NEIL MARIA");
        assertThat(d.candidate().nik().toString()).isEqualTo("360301**********");
        assertThat(d.sent().born().toString()).isEqualTo("02-06-1980");
        assertThat(d.candidate().born().toString()).isEqualTo("20-06-1980");
        assertThat(d.differing()).containsExactly("name", "born", "sex");
        assertThat(d.nikDifference().toString()).isEqualTo("sama dengan NIK Dukcapil");
        assertThat(d.why().toString()).startsWith("padan ragu").contains("NIK sama").contains("jenis kelamin berbeda").contains("SAMA atau BERBEDA")
                .doesNotContain("0.964").doesNotContain("1.000").doesNotContain("peluang");
        assertThat(d.technical().toString()).contains("NIK EXACT +14,35").contains("bobot total +4,76").doesNotContain("0.964");
        assertThat(DecisionRow.header(ReportText.of("id"))).contains("kandidat_person_id", "keputusan", "alasan").hasSize(d.cells(ReportText.of("id")).size());
    }
}
