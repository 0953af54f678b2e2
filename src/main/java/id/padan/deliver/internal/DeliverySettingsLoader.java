package id.padan.deliver.internal;

import id.padan.deliver.DeliverySettings;
import id.padan.findings.FindingCode;
import id.padan.link.MatchMethod;
import id.padan.settings.SettingsFile;
import id.padan.settings.SettingsProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code config/reports.yml} and refuses settings that cannot mean anything; the language may be overridden for one run. */
@Configuration(proxyBeanMethods = false)
public class DeliverySettingsLoader {
    static final Set<String> LANGUAGES = Set.of("id", "en");

    @Bean
    public DeliverySettings deliverySettings(@Value("${padan.config.reports-dir:${padan.config-dir:config}}") String dir,
                                             @Value("${padan.reports.language:${PADAN_REPORT_LANG:}}") String language) {
        DeliverySettings s = load(Path.of(dir).resolve("reports.yml"));
        if (language != null && !language.isBlank()) s = s.withLanguage(checkLanguage(Path.of("PADAN_REPORT_LANG"), language));
        return s;
    }

    /** {@code config/reports.yml} as written; see the comments in the shipped file for what each key means. */
    record ReportsFile(@NotNull(message = "is required: id or en") Language language,
                       @NotNull(message = "is required") @Valid Reports reports,
                       @NotNull(message = "is required") @Valid CorrectedExtracts correctedExtracts) {}

    record Reports(@NotNull(message = "is required") List<@NotNull FindingCode> decisionCodes,
                   @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more") Integer htmlMaxRows) {}

    record CorrectedExtracts(@NotNull(message = "is required") @DecimalMin(value = "0", message = "must be between 0 and 1")
                             @DecimalMax(value = "1", message = "must be between 0 and 1") Double minScore,
                             @NotNull(message = "is required") List<@NotNull MatchMethod> uncertainMethods,
                             @NotNull(message = "is required") List<@NotNull FindingCode> uncertainCodes,
                             @NotNull(message = "is required") @Valid AddedColumns addedColumns) {}

    record AddedColumns(@NotBlank(message = "is required") String status, @NotBlank(message = "is required") String codes,
                        @NotBlank(message = "is required") String corrected, @NotBlank(message = "is required") String sent,
                        @NotBlank(message = "is required") String personId) {}

    /** The languages the reports are written in. */
    enum Language { ID, EN }

    /**
     * Binds {@code config/reports.yml}: every key is required, an unknown key, a word that is no finding code or
     * match method, or a value out of range is refused with the file, the key and the reason.
     */
    public static DeliverySettings load(Path file) {
        ReportsFile f = SettingsFile.bind(file, ReportsFile.class);
        AddedColumns a = f.correctedExtracts().addedColumns();
        DeliverySettings.AddedColumns added = new DeliverySettings.AddedColumns(upper(a.status()), upper(a.codes()), upper(a.corrected()),
                upper(a.sent()), upper(a.personId()));
        if (Set.copyOf(added.all()).size() != added.all().size()) {
            throw new SettingsProblem(file, "corrected-extracts.added-columns", "must have " + added.all().size() + " different names");
        }
        CorrectedExtracts c = f.correctedExtracts();
        return new DeliverySettings(f.language().name().toLowerCase(Locale.ROOT), names(f.reports().decisionCodes()), f.reports().htmlMaxRows(),
                c.minScore(), names(c.uncertainMethods()), names(c.uncertainCodes()), added);
    }

    private static String checkLanguage(Path file, String language) {
        String l = language.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(l)) throw new SettingsProblem(file, "", "language must be 'id' (Bahasa Indonesia) or 'en' (English), not '" + language + "'");
        return l;
    }

    private static String upper(String s) {
        return s.strip().toUpperCase(Locale.ROOT);
    }

    private static List<String> names(List<? extends Enum<?>> words) {
        return words.stream().map(Enum::name).toList();
    }
}
