package id.padan.link;

import java.util.List;

/**
 * What the link stage hands to resolve: the links it decided for a run, as stored in the database,
 * so a resolve restarted in a new process sees exactly what the first attempt would have.
 */
public interface RunLinks {
    /**
     * Every link of the run (review candidates included, method {@code REVIEW}), without explanations
     * (null): resolution does not need them and they stay with the stored link. Empty when the run has none.
     */
    List<RowLink> links(long runId);
}
