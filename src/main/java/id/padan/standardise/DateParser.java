package id.padan.standardise;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses date fields written in one fixed pattern, strictly: {@link #parse(String)} never throws and
 * never returns null; null, blank or a run of dashes gives {@link ParsedDate#MISSING}, anything that is
 * not a real calendar date in the pattern (31-02-2010, 29-02-2011, 00-00-0000, year 0000, a swapped day
 * and month that does not fit, extra text) gives {@link ParsedDate#INVALID}. Thread-safe.
 *
 * <p>Surrounding whitespace is ignored. Day and month are read as written, never swapped to make a
 * date fit. The patterns {@code dd-MM-yyyy}, {@code dd/MM/yyyy}, {@code dd.MM.yyyy}, {@code yyyy-MM-dd},
 * {@code yyyy/MM/dd} and {@code yyyy.MM.dd} ({@code uuuu} too) are read by hand, without exceptions or
 * regular expressions; {@code dd/MM/yyyy}, the Excel layout, also accepts a one-digit day or month
 * ({@code 7/3/2010}). Any other pattern goes through {@link DateTimeFormatter} with
 * {@link ResolverStyle#STRICT} ({@code y} read as {@code u}), which is slower and costs an exception
 * for a well-formed but impossible date.
 */
public final class DateParser {

    private enum Layout { DAY_MONTH_YEAR, YEAR_MONTH_DAY, FORMATTER }

    private final String pattern;
    private final Layout layout;
    private final char separator;
    private final int minDayMonthDigits;
    private final DateTimeFormatter formatter;

    /**
     * A parser for {@code pattern} (a {@link DateTimeFormatter} pattern, e.g. {@code dd-MM-yyyy}).
     *
     * @throws IllegalArgumentException if the pattern is not a valid {@link DateTimeFormatter} pattern
     */
    public DateParser(String pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        String p = pattern.replace('u', 'y');
        if (p.length() == 10 && p.startsWith("dd") && p.startsWith("MM", 3) && p.endsWith("yyyy")
                && isSeparator(p.charAt(2)) && p.charAt(5) == p.charAt(2)) {
            layout = Layout.DAY_MONTH_YEAR;
            separator = p.charAt(2);
            minDayMonthDigits = separator == '/' ? 1 : 2;
            formatter = null;
        } else if (p.length() == 10 && p.startsWith("yyyy") && p.startsWith("MM", 5) && p.endsWith("dd")
                && isSeparator(p.charAt(4)) && p.charAt(7) == p.charAt(4)) {
            layout = Layout.YEAR_MONTH_DAY;
            separator = p.charAt(4);
            minDayMonthDigits = 2;
            formatter = null;
        } else {
            layout = Layout.FORMATTER;
            separator = 0;
            minDayMonthDigits = 2;
            formatter = DateTimeFormatter.ofPattern(prolepticYears(pattern), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
        }
    }

    /** The pattern this parser was built from. */
    public String pattern() {
        return pattern;
    }

    /** Parses one field; see the class contract. */
    public ParsedDate parse(String raw) {
        if (raw == null) {
            return ParsedDate.MISSING;
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isBlankChar(raw.charAt(start))) {
            start++;
        }
        while (end > start && isBlankChar(raw.charAt(end - 1))) {
            end--;
        }
        if (isDashesOnly(raw, start, end)) {
            return ParsedDate.MISSING;
        }
        return switch (layout) {
            case DAY_MONTH_YEAR -> parseDayMonthYear(raw, start, end);
            case YEAR_MONTH_DAY -> parseYearMonthDay(raw, start, end);
            case FORMATTER -> parseWithFormatter(raw.substring(start, end));
        };
    }

    /**
     * True for the dates put in when the real birth date is unknown: 1 January, 1 July and 31 December
     * of any year; false for null. Evidence only: real people are born on those days too.
     */
    public static boolean isPlaceholder(LocalDate date) {
        if (date == null) {
            return false;
        }
        int day = date.getDayOfMonth();
        int month = date.getMonthValue();
        return (day == 1 && (month == 1 || month == 7)) || (day == 31 && month == 12);
    }

    private ParsedDate parseDayMonthYear(String s, int i, int end) {
        int day = 0;
        int digits = 0;
        while (i < end && digits < 2 && isDigit(s.charAt(i))) {
            day = day * 10 + (s.charAt(i++) - '0');
            digits++;
        }
        if (digits < minDayMonthDigits || i >= end || s.charAt(i++) != separator) {
            return ParsedDate.INVALID;
        }
        int month = 0;
        digits = 0;
        while (i < end && digits < 2 && isDigit(s.charAt(i))) {
            month = month * 10 + (s.charAt(i++) - '0');
            digits++;
        }
        if (digits < minDayMonthDigits || i >= end || s.charAt(i++) != separator || end - i != 4) {
            return ParsedDate.INVALID;
        }
        int year = fixedDigits(s, i, 4);
        return date(year, month, day);
    }

    private ParsedDate parseYearMonthDay(String s, int i, int end) {
        if (end - i != 10 || s.charAt(i + 4) != separator || s.charAt(i + 7) != separator) {
            return ParsedDate.INVALID;
        }
        return date(fixedDigits(s, i, 4), fixedDigits(s, i + 5, 2), fixedDigits(s, i + 8, 2));
    }

    private ParsedDate parseWithFormatter(String text) {
        ParsePosition position = new ParsePosition(0);
        if (formatter.parseUnresolved(text, position) == null || position.getErrorIndex() >= 0
                || position.getIndex() != text.length()) {
            return ParsedDate.INVALID;
        }
        try {
            LocalDate date = formatter.parse(text, LocalDate::from);
            return date.getYear() < 1 ? ParsedDate.INVALID : ParsedDate.ok(date);
        } catch (DateTimeException impossibleOrIncomplete) {
            // well-formed text that strict resolution rejects (31 February), or a pattern without a full date
            return ParsedDate.INVALID;
        }
    }

    /** A checked date; year 0000 is rejected because no document means it. */
    private static ParsedDate date(int year, int month, int day) {
        if (year < 1 || month < 1 || month > 12 || day < 1) {
            return ParsedDate.INVALID;
        }
        return day > lastDay(year, month) ? ParsedDate.INVALID : ParsedDate.ok(LocalDate.of(year, month, day));
    }

    private static int lastDay(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The value of {@code count} ASCII digits at {@code at}, or -1 if one of them is not a digit. */
    private static int fixedDigits(String s, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDashesOnly(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (s.charAt(i) != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '/' || c == '.';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isBlankChar(char c) {
        return c <= ' ' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u3000' || c == '\uFEFF';
    }

    /** {@code y} (year of era, which STRICT cannot resolve without an era) as {@code u}, outside quoted text. */
    private static String prolepticYears(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }
}
