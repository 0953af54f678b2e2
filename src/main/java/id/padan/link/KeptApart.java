package id.padan.link;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The registry rows reviewers decided a program row is not (a possible match judged {@code BERBEDA}, a NIK correction
 * refused or replaced), as they hold for a run: the link stage removes them from the row's candidates before it
 * decides, so the row's other candidates are weighed under the same rules (the next one linked when it passes, or sent
 * to review). Provided by the review package, which decides which decisions hold.
 */
public interface KeptApart {
    /** The held cannot-link pairs of run {@code runId}, by program row. */
    Pairs apartFor(long runId);

    /** Program row (source, record key) to the registry record keys it is kept apart from. */
    final class Pairs {
        private final Map<String, Set<String>> byRow = new HashMap<>();

        /** No row kept apart from any. */
        public static Pairs none() {
            return new Pairs();
        }

        /** Keeps the program row apart from the registry row {@code registryKey}. */
        public Pairs add(String source, String recordKey, String registryKey) {
            byRow.computeIfAbsent(key(source, recordKey), k -> new HashSet<>()).add(registryKey);
            return this;
        }

        /** The registry record keys the row is kept apart from (empty for most rows). */
        public Set<String> of(String source, String recordKey) {
            return byRow.getOrDefault(key(source, recordKey), Set.of());
        }

        public int rows() {
            return byRow.size();
        }

        private static String key(String source, String recordKey) {
            return source + '\u0000' + recordKey;
        }
    }
}
