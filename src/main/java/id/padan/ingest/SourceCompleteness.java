package id.padan.ingest;

import id.padan.store.RunChecks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a run has the sources its checks need, and the one-line reason when it may not go on. A source is usable
 * when its file loaded with at least one row; it is unusable when its file is missing ({@code MISSING}), could not
 * be read ({@code FAILED}) or gave no row ({@code EMPTY}: only a header, or every row rejected).
 *
 * <p>Policy: without a usable registry a run is always refused (no row can be checked against it, and persons
 * would be made of program rows alone). With the registry but an unusable program source the run is partial: it
 * is refused unless partial runs are allowed ({@code padan run --allow-partial}, a job's {@code allow-partial}),
 * and then published with the checks it could not make named as not run. A run without any usable program source
 * has nothing to check and is refused.
 */
public final class SourceCompleteness {
    /** One source as a run found it: its status in {@code padan.input_file} and the problem when it is not usable. */
    public record SourceState(String source, String status, String problem) {
        public boolean usable() {
            return "LOADED".equals(status);
        }

        String describe() {
            return source + " (" + (problem == null ? status.toLowerCase(java.util.Locale.ROOT) : problem) + ")";
        }
    }

    private SourceCompleteness() {}

    /** The usable sources among {@code states}. */
    public static Set<String> usable(List<SourceState> states) {
        return states.stream().filter(SourceState::usable).map(SourceState::source).collect(Collectors.toSet());
    }

    /**
     * Why the run may not go on (one line, naming each unusable source and its file or problem), or null.
     *
     * @param registry the registry source, null when none is configured
     */
    public static String refusal(List<SourceState> states, RunChecks checks, String registry, boolean allowPartial) {
        Map<String, SourceState> bySource = states.stream().collect(Collectors.toMap(SourceState::source, s -> s));
        SourceState reg = registry == null ? null : bySource.get(registry);
        if (reg != null && !reg.usable()) {
            return "refused: the registry source " + reg.describe() + "; without the registry no row can be checked, so nothing is "
                    + "published (not even with --allow-partial)";
        }
        List<SourceState> unusable = states.stream().filter(s -> !s.usable()).toList();
        if (unusable.isEmpty()) return null;
        String which = unusable.stream().map(SourceState::describe).collect(Collectors.joining(", "));
        if (states.stream().noneMatch(s -> s.usable() && !s.source().equals(registry))) {
            return "refused: no program source can be used: " + which + "; there is nothing to check, so nothing is published";
        }
        if (allowPartial) return null;
        return "refused: source " + which + " cannot be used; not run without it: " + checks.describeNotRun()
                + "; nothing is published (padan run --allow-partial publishes a partial run that says so)";
    }
}
