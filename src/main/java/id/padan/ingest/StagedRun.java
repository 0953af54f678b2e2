package id.padan.ingest;

import id.padan.standardise.StagedRow;
import java.util.List;

/**
 * What ingest hands to the stages after it: the standardised rows of a run, as loaded into staging.
 * Nothing is kept in a heap between stages; every call reads the rows from the database, so a stage
 * restarted in a new process sees exactly what the first attempt saw.
 */
public interface StagedRun {
    /**
     * Every loaded row of the run with all its values, by source (names in {@link String#compareTo}
     * order), then by line; empty for a run that loaded nothing. Rejected rows are not among them.
     */
    List<StagedRow> rows(long runId);
}
