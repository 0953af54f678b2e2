package id.padan.resolve;

import java.util.List;

/**
 * Reviewers' pair decisions that resolution obeys before it clusters ({@link ResolveStage#mustLink}): rows that are
 * one person (must-link) and rows that are never one person (cannot-link). Provided by the review package, which
 * decides which decisions still hold for a run.
 */
public interface ReviewerPairs {
    /** One row of a run. */
    record Row(String source, String recordKey) {}

    /** Two rows a reviewer judged: a program row and a registry row. */
    record Pair(Row row, Row other) {}

    record Constraints(List<Pair> mustLink, List<Pair> cannotLink) {
        public static final Constraints NONE = new Constraints(List.of(), List.of());

        public boolean isEmpty() {
            return mustLink.isEmpty() && cannotLink.isEmpty();
        }
    }

    /** The pairs that hold for the run (evidence unchanged, approved where needed, not in conflict). */
    Constraints forRun(long runId);
}
