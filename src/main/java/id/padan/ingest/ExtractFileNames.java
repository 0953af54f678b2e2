package id.padan.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file name in an input directory says: whether it can be an extract at all, and its date. Shared by
 * {@code padan run} ({@link InputFiles}) and the nightly schedule's choice of files, so that both read a folder
 * the same way.
 */
public final class ExtractFileNames {
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{4})-?(\\d{2})-?(\\d{2})(?!\\d)");
    /** Readiness markers and files still being copied (browsers, WinSCP, rsync and curl name them so). */
    private static final List<String> IN_TRANSIT = List.of(".done", ".part", ".tmp", ".partial", ".filepart", ".crdownload");
    /** Copies someone set aside next to the real file: never read, but named, so that nobody wonders where they went. */
    private static final List<String> SET_ASIDE = List.of(".bak", ".old", ".orig", ".backup", ".save", ".sav", ".swp", ".prev", "~");

    private ExtractFileNames() {}

    /** Hidden files, readiness markers ({@code *.done}) and files still being copied: skipped without a word. */
    public static boolean inTransit(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || IN_TRANSIT.stream().anyMatch(lower::endsWith);
    }

    /** The ending that marks a set-aside copy ({@code pkh_20261123.csv.bak}, {@code ...csv~}), if the name has one. */
    public static Optional<String> setAside(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SET_ASIDE.stream().filter(lower::endsWith).findFirst();
    }

    /** The first {@code yyyyMMdd} or {@code yyyy-MM-dd} date in a file name, or null when it has none. */
    public static LocalDate dateIn(String name) {
        Matcher m = DATE.matcher(name);
        while (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException notADate) {
                // digits that are not a date (e.g. a serial number): look further
            }
        }
        return null;
    }
}
