package id.padan.ingest;

import java.nio.file.Path;

/** A whole extract cannot be read (empty, undecodable header, missing required columns): the source fails, the run goes on. */
public final class UnreadableFileException extends Exception {
    public UnreadableFileException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
    }
}
