package id.padan.deliver;

import id.padan.store.RunScope;
import id.padan.store.StageProgress;
import java.nio.file.Path;
import java.util.List;

/**
 * Something a run hands to its users (a report, corrected extracts, the summary). Implementations
 * write only under {@code runDir}, overwrite what an earlier attempt of the same run left, and
 * return every file written; the manifest is built from what they return. The rows they handle count towards
 * {@code progress} (the deliver stage's progress line).
 */
public interface Deliverable {
    List<WrittenFile> write(RunScope scope, Path runDir, StageProgress progress) throws Exception;
}
