package id.padan.standardise;

/**
 * Outcome of parsing a date field: {@code OK} (a real calendar date), {@code MISSING} (blank or a
 * run of dashes) or {@code INVALID} (anything else, including impossible dates such as 31-02-2010).
 */
public enum DateStatus {
    OK,
    MISSING,
    INVALID
}
