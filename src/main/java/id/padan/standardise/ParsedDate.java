package id.padan.standardise;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A parsed date field: {@code date} is non-null exactly when {@code status} is {@link DateStatus#OK}.
 */
public record ParsedDate(LocalDate date, DateStatus status) {

    /** The shared result for a blank field. */
    public static final ParsedDate MISSING = new ParsedDate(null, DateStatus.MISSING);
    /** The shared result for a field that is not a real date in the expected pattern. */
    public static final ParsedDate INVALID = new ParsedDate(null, DateStatus.INVALID);

    public ParsedDate {
        Objects.requireNonNull(status, "status");
        if ((date != null) != (status == DateStatus.OK)) {
            throw new IllegalArgumentException("date must be present exactly when status is OK: " + date + ", " + status);
        }
    }

    /** A successfully parsed date (not null). */
    public static ParsedDate ok(LocalDate date) {
        return new ParsedDate(Objects.requireNonNull(date, "date"), DateStatus.OK);
    }

    /** True if {@code date} is set. */
    public boolean isOk() {
        return status == DateStatus.OK;
    }
}
