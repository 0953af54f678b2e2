package id.padan.findings.internal.rules;

import id.padan.findings.FindingCode;
import java.util.List;

/**
 * One finding code as set-based SQL over the run's rows ({@code run_rows r}, one row per program row with its
 * person and link): the rows it finds ({@link #condition}, with {@link #parameters} bound in order and an optional
 * {@link #join}), the Indonesian {@link #detail} text and the {@link #json} facts a report renders in either
 * language. Every fragment is an SQL expression over {@code r} (and the joined table); the as-of date is
 * {@link #AS_OF}.
 */
public interface FindingRule {
    /** The run's as-of date inside a statement (set once per transaction by the findings stage). */
    String AS_OF = "current_setting('padan.as_of')::date";

    FindingCode code();

    /** A join onto {@code run_rows r} ({@code ""} for none). */
    default String join() {
        return "";
    }

    /** A boolean SQL expression true for the rows with this finding. */
    String condition();

    /** Values of the {@code ?} in {@link #condition}, in order. */
    default List<Object> parameters() {
        return List.of();
    }

    /**
     * The finding's {@code detail}: a text expression in Bahasa Indonesia that a reviewer may read, so every NIK or
     * KK number in it goes through {@link #masked}; the full values are facts of {@link #json}.
     */
    String detail();

    /**
     * A NIK (or KK) value inside a detail text as the reports show it ({@code MaskedNik}): the first six of its digits,
     * then one {@code *} for each further digit; a value with six digits or fewer (a placeholder such as {@code -}) as
     * it is. The full value is kept in {@code detail_json} and in the row's own columns.
     */
    static String masked(String expression) {
        String digits = "regexp_replace(" + expression + ", '[^0-9]', '', 'g')";
        return "(case when length(" + digits + ") <= 6 then " + expression + " else left(" + digits + ", 6) || repeat('*', length(" + digits + ") - 6) end)";
    }

    /** The finding's {@code detail_json}: a jsonb expression with the same facts as data. */
    String json();
}
