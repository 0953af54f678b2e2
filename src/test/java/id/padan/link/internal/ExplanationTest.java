package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/** The explanation stored with every link is valid JSON whatever text it carries, with its numbers rounded. */
class ExplanationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void methodProbabilityWeightsAndFieldsAreWrittenAsJson() {
        Explanation e = new Explanation("NIK_EXACT", 0.998, 21.456, -20.004, 3);
        e.field("NIK", "EXACT", 9.876);
        e.field("NAME", "SIMILAR", -1.234);
        e.number("runner_up_weight", 2.345);
        JsonNode j = JSON.readTree(e.json());
        assertThat(j.get("method").asString()).isEqualTo("NIK_EXACT");
        assertThat(j.get("probability").asDouble()).isEqualTo(0.998);
        assertThat(j.get("match_weight").asDouble()).as("rounded to two decimals").isEqualTo(21.46);
        assertThat(j.get("prior_weight").asDouble()).isEqualTo(-20.0);
        assertThat(j.get("candidates").asInt()).isEqualTo(3);
        assertThat(j.get("fields").get("NIK").get("level").asString()).isEqualTo("EXACT");
        assertThat(j.get("fields").get("NIK").get("weight").asDouble()).isEqualTo(9.88);
        assertThat(j.get("fields").get("NAME").get("weight").asDouble()).isEqualTo(-1.23);
        assertThat(j.get("runner_up_weight").asDouble()).isEqualTo(2.35);
    }

    @Test
    void textWithQuotesBackslashesAndControlCharactersStaysValidJson() {
        String awkward = "nama \"SITI\" \\ baris\nbaru\ttab\u0001";
        Explanation e = new Explanation("REVIEW", 0.5, 0, 0, 2);
        e.text("review", awkward);
        e.candidate("DUKCAPIL", "K\"1\\", 0.51);
        JsonNode j = JSON.readTree(e.json());
        assertThat(j.get("review").asString()).isEqualTo(awkward);
        assertThat(j.get("review_candidate").get("source").asString()).isEqualTo("DUKCAPIL");
        assertThat(j.get("review_candidate").get("record_key").asString()).isEqualTo("K\"1\\");
        assertThat(j.get("review_candidate").get("probability").asDouble()).isEqualTo(0.51);
        assertThat(j.get("fields").size()).as("no field compared").isZero();
    }
}
