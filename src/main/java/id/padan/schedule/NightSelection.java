package id.padan.schedule;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The night's extracts as a job definition chooses them from its input directory, and whether they can be
 * reconciled yet.
 *
 * @param inputDate the date the chosen files carry in their names (the newest one); null when they carry none
 * @param files     the chosen file of each source that has one
 * @param missing   for each source without a usable file, why (an older file is never used in its place)
 * @param notReady  for each chosen file that is not completely delivered yet, why
 * @param problems  what waiting cannot fix (two files for one source on the same date); empty when none
 */
public record NightSelection(LocalDate inputDate, Map<String, Path> files, Map<String, String> missing,
                             Map<Path, String> notReady, List<String> problems) {

    public NightSelection {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        missing = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(missing));
        notReady = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notReady));
        problems = List.copyOf(problems);
    }

    /** The required sources that have no usable file. */
    public List<String> missingRequired(Set<String> required) {
        List<String> out = new ArrayList<>();
        for (String s : required) if (!files.containsKey(s)) out.add(s);
        return out;
    }

    /** True when every chosen file is completely delivered and nothing is wrong with the choice. */
    public boolean ready() {
        return notReady.isEmpty() && problems.isEmpty();
    }

    /** One line per chosen file and per missing source, for the schedule log (file names only, never row data). */
    public String describe() {
        List<String> parts = new ArrayList<>();
        files.forEach((s, f) -> parts.add(s + "=" + f.getFileName() + (notReady.containsKey(f) ? " (" + notReady.get(f) + ")" : "")));
        missing.forEach((s, why) -> parts.add(s + " missing: " + why));
        parts.addAll(problems);
        return String.join("; ", parts);
    }
}
