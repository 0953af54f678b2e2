package id.padan.deliver;

/**
 * One cell of a file meant for reviewers (CSV, XLSX, HTML): masked text ({@link ReviewText}), a masked
 * identifier ({@link MaskedNik}) or a count ({@link Count}). The reviewer writers take nothing else, so no
 * unmasked string can reach a reviewer's file.
 */
public sealed interface ReviewCell permits MaskedText, ReviewCell.Count {
    /** A count, written as a number (in an XLSX a number cell). */
    record Count(long value) implements ReviewCell {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    static Count count(long value) {
        return new Count(value);
    }

    /** Whether a spreadsheet must keep the cell as text (an identifier: record key, person id, code). */
    default boolean identifier() {
        return false;
    }
}
