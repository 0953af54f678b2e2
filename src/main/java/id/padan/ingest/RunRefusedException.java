package id.padan.ingest;

/**
 * A run that may not go on (or not start) because a source its checks need is missing or did not load: nothing
 * is published. The message is one line naming the source and its file or problem.
 */
public final class RunRefusedException extends IllegalStateException {
    public RunRefusedException(String message) {
        super(message);
    }
}
