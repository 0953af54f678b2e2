package id.padan.deliver;

import id.padan.store.RunScope;
import java.nio.file.Path;
import java.util.List;

/**
 * Something a run hands to its users (a report, corrected extracts, the summary). Implementations
 * write only under {@code runDir}, overwrite what an earlier attempt of the same run left, and
 * return every file written; the manifest is built from what they return.
 */
public interface Deliverable {
    List<WrittenFile> write(RunScope scope, Path runDir) throws Exception;
}
