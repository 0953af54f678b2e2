package id.padan.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * One scheduled reconciliation, as an operator writes it in {@code jobs/NAME.yml}: when it fires, where the
 * night's extracts are and how to choose them, when a file counts as completely delivered, how the as-of
 * date is set and where the output goes. Paths are absolute (resolved against the daemon's working directory).
 *
 * @param cron            a Quartz cron expression (seconds minutes hours day-of-month month day-of-week), read in {@code timeZone}
 * @param requiredSources sources without which no run starts (the fire is reported as MISSING_SOURCE); other
 *                        configured sources may be missing, and the run then reports them itself
 * @param settle          for {@link Readiness#STABLE}: how long a file's size and time must stay unchanged
 * @param maxAge          for {@link Pick#NEWEST_PER_SOURCE}: a source whose newest file is older than this (days
 *                        before the newest file of the drop) counts as missing; null means no limit
 * @param waitForInputs   how long a fire waits for files to become ready, for required sources to arrive and for
 *                        another run to finish, before it gives up and reports why
 * @param allowPartial    whether a run missing a program source (or one that does not load) is published as a partial
 *                        run; when false (the default) such a run is refused and nothing is published
 */
public record JobDefinition(String name, Path file, String description, String cron, ZoneId timeZone,
                            Path inputDirectory, Pick pick, Readiness readiness, Duration settle, Integer maxAge,
                            Set<String> requiredSources, Duration waitForInputs, AsOf asOf, Path outputDirectory,
                            Misfire misfire, boolean allowPartial) {

    /** A definition that refuses partial runs. */
    public JobDefinition(String name, Path file, String description, String cron, ZoneId timeZone,
                         Path inputDirectory, Pick pick, Readiness readiness, Duration settle, Integer maxAge,
                         Set<String> requiredSources, Duration waitForInputs, AsOf asOf, Path outputDirectory, Misfire misfire) {
        this(name, file, description, cron, timeZone, inputDirectory, pick, readiness, settle, maxAge, requiredSources, waitForInputs,
                asOf, outputDirectory, misfire, false);
    }

    /** How the night's files are chosen from the input directory. */
    public enum Pick {
        /** Exactly one file per source is in the directory (no dates needed); two for one source is an error. */
        ONLY("only"),
        /** The newest date found in the file names is the night's date; each source's file of that date is used,
         *  and a source without one is missing (an older file is never used in its place). */
        NEWEST_DATE("newest-date"),
        /** Each source's newest dated file, whatever its date (sources delivered on different days). */
        NEWEST_PER_SOURCE("newest-per-source");

        public final String word;

        Pick(String word) {
            this.word = word;
        }
    }

    /** When a file counts as completely delivered. */
    public enum Readiness {
        /** Its size and modification time have not changed for {@code settle-seconds} (plain file copy). */
        STABLE("stable"),
        /** A marker file {@code NAME.done} exists next to it (the producer writes it after the copy). */
        MARKER("marker");

        public final String word;

        Readiness(String word) {
            this.word = word;
        }
    }

    /** How the as-of date of a scheduled run is set. */
    public enum AsOf {
        /** The date in the night's file names (the newest one). */
        FILE_DATE("file-date"),
        /** The day the trigger fires, in the job's time zone. */
        FIRE_DATE("fire-date"),
        /** The day before the trigger fires (a run after midnight for the day that ended). */
        PREVIOUS_DAY("previous-day");

        public final String word;

        AsOf(String word) {
            this.word = word;
        }

        /** The as-of date for a fire at {@code fireTime} whose files are dated {@code fileDate} (null when undated). */
        public LocalDate dateFor(ZonedDateTime fireTime, LocalDate fileDate) {
            return switch (this) {
                case FILE_DATE -> fileDate;
                case FIRE_DATE -> fireTime.toLocalDate();
                case PREVIOUS_DAY -> fireTime.toLocalDate().minusDays(1);
            };
        }
    }

    /** What happens to a fire that was due while no daemon was running (Quartz's misfire instruction). */
    public enum Misfire {
        /** It fires once as soon as a daemon is back, however many fires were missed. */
        RUN_ONCE("run-once"),
        /** Missed fires are dropped; the next one is at the next scheduled time. */
        SKIP("skip");

        public final String word;

        Misfire(String word) {
            this.word = word;
        }
    }

    /** A short description of what makes this definition's trigger, to tell whether a stored trigger is still current. */
    public String triggerSignature() {
        return cron + " " + timeZone.getId() + " " + misfire.word;
    }
}
