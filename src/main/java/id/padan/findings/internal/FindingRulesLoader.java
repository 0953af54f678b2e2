package id.padan.findings.internal;

import id.padan.findings.FindingCode;
import id.padan.findings.FindingRules;
import id.padan.findings.Severity;
import id.padan.ingest.Field;
import id.padan.ingest.SourceMapping;
import id.padan.ingest.SourceMappings;
import id.padan.settings.SettingsFile;
import id.padan.settings.SettingsProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Binds {@code config/findings.yml}: every key is required, an unknown key, a word that is no finding code
 * or severity, or an age out of range is refused with the file, the key and the reason; then the rules are
 * judged (every code has a severity, a gap rule is on a gap code, ages in order).
 */
public final class FindingRulesLoader {
    private FindingRulesLoader() {}

    record FindingsFile(@NotNull(message = "is required") Map<FindingCode, @NotNull(message = "is required") Severity> severity,
                        @NotNull(message = "is required (an empty list for none)") List<@NotNull @Valid Gap> gaps,
                        @NotNull(message = "is required") @Valid RegionMismatch regionMismatch) {}

    record Gap(@NotNull(message = "is required") FindingCode code,
               @NotBlank(message = "is required") String in,
               @NotBlank(message = "is required") String expect,
               List<@NotBlank(message = "must not be blank") String> statuses,
               @Min(value = 0, message = "must be 0 or more") Integer minAge,
               @Min(value = 0, message = "must be 0 or more") Integer maxAge) {}

    record RegionMismatch(@NotNull(message = "is required: successor, report or skip") FindingRules.RetiredCodes retiredCodes) {}

    public static FindingRules load(Path file) {
        FindingsFile f = SettingsFile.bind(file, FindingsFile.class);
        Set<FindingCode> missing = EnumSet.allOf(FindingCode.class);
        missing.removeAll(f.severity().keySet());
        if (!missing.isEmpty()) throw new SettingsProblem(file, "severity", "no severity for " + missing.iterator().next());
        List<FindingRules.GapRule> gaps = new ArrayList<>();
        for (int i = 0; i < f.gaps().size(); i++) {
            Gap g = f.gaps().get(i);
            String key = "gaps[" + i + "]";
            if (!g.code().isGap()) throw new SettingsProblem(file, key + ".code", g.code() + " is not a gap finding code");
            if (g.minAge() != null && g.maxAge() != null && g.minAge() > g.maxAge()) {
                throw new SettingsProblem(file, key + ".min-age", g.code() + " has min-age " + g.minAge() + " above max-age " + g.maxAge());
            }
            String in = upper(g.in()), expect = upper(g.expect());
            if (in.equals(expect)) throw new SettingsProblem(file, key + ".expect", g.code() + " expects the program it starts from");
            List<String> statuses = g.statuses() == null ? List.of() : g.statuses().stream().map(FindingRulesLoader::upper).toList();
            gaps.add(new FindingRules.GapRule(g.code(), in, expect, statuses, g.minAge(), g.maxAge()));
        }
        return new FindingRules(f.severity(), gaps, f.regionMismatch().retiredCodes());
    }

    /**
     * The meaning of the rules against the configured sources: a gap rule's programs are configured sources (not
     * the registry), and each status it counts is a value of the expected source's {@code program_status} code table.
     */
    public static void checkAgainst(FindingRules rules, Path file, SourceMappings sources) {
        List<String> known = sources.all().stream().map(SourceMapping::source).sorted().toList();
        for (int i = 0; i < rules.gaps().size(); i++) {
            FindingRules.GapRule g = rules.gaps().get(i);
            String key = "gaps[" + i + "]";
            for (String[] side : List.of(new String[] {"in", g.in()}, new String[] {"expect", g.expect()})) {
                var mapping = sources.bySource(side[1]);
                if (mapping.isEmpty()) {
                    throw new SettingsProblem(file, key + "." + side[0], "'" + side[1] + "' is not a configured source (configured: "
                            + String.join(", ", known) + ")");
                }
                if (mapping.get().registry()) {
                    throw new SettingsProblem(file, key + "." + side[0], "'" + side[1] + "' is the registry; a coverage gap is between programs");
                }
            }
            if (g.statuses().isEmpty()) continue;
            SourceMapping expect = sources.bySource(g.expect()).orElseThrow();
            if (!expect.columns().containsKey(Field.PROGRAM_STATUS)) {
                throw new SettingsProblem(file, key + ".statuses", g.expect() + " maps no program_status column, so no row of it has a status");
            }
            Map<String, String> table = expect.codes().get(Field.PROGRAM_STATUS);
            if (table == null) continue; // statuses are taken as written
            Set<String> values = new java.util.TreeSet<>(table.values());
            for (String status : g.statuses()) {
                if (!values.contains(status)) {
                    throw new SettingsProblem(file, key + ".statuses", "'" + status + "' is not a status of " + g.expect()
                            + " (its code table gives " + String.join(", ", values) + ")");
                }
            }
        }
    }

    private static String upper(String s) {
        return s.strip().toUpperCase(Locale.ROOT);
    }
}
