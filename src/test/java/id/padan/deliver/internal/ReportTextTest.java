package id.padan.deliver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The two languages of the reports say the same things: the same keys, the same placeholders in each text. */
class ReportTextTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("%[ds]");

    @Test
    void bothLanguagesHaveTheSameKeysExceptTheLevelWordsEnglishSpellsFromTheLevelName() {
        Set<String> id = ReportText.of("id").all().keySet(), en = ReportText.of("en").all().keySet();
        Set<String> idWithoutLevels = new HashSet<>(id);
        idWithoutLevels.removeIf(k -> k.startsWith("lv."));
        assertThat(en).isEqualTo(idWithoutLevels);
        assertThat(id).hasSizeGreaterThan(150);
    }

    @Test
    void everyTextHasTheSamePlaceholdersInBothLanguages() {
        ReportText id = ReportText.of("id"), en = ReportText.of("en");
        for (String key : en.all().keySet()) {
            assertThat(placeholders(en.t(key))).as(key).isEqualTo(placeholders(id.t(key)));
        }
    }

    @Test
    void textsKeepTheirSpacesAndLetters() {
        assertThat(ReportText.of("id").t("d.records")).isEqualTo("tercatat %d kali di %s: ");
        assertThat(ReportText.of("id").t("why.although")).isEqualTo(", walaupun %s");
        assertThat(ReportText.of("id").t("nd.same_other_shape")).contains("(titik, spasi, tanda petik)");
        assertThat(ReportText.of("en").lang).isEqualTo("en");
        assertThat(ReportText.of("xx").lang).isEqualTo("id");
    }

    private static String placeholders(String text) {
        StringBuilder sb = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) sb.append(m.group());
        return sb.toString();
    }
}
