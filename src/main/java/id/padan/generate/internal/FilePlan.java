package id.padan.generate.internal;

import id.padan.generate.ErrorKind;

/** The file-level faults (family 9) planned for one extract. */
final class FilePlan {
    final Source source;
    /** Per data row, in writing order: the fault that damages it, or null. */
    final ErrorKind[] damage;
    /** Per data row: blank lines written after it. */
    final int[] blankLinesAfter;
    /** Per data row: whether its quoted free-text value holds a line break. */
    final boolean[] multiLine;
    boolean crlf;
    /** 0: as specified; 1: lower case; 2: title case. */
    int headerCase;
    boolean headerSpaces;
    /** Position of an extra unknown column, or -1. */
    int extraColumn = -1;
    String extraColumnName;
    boolean truncateLast;

    FilePlan(Source source, int rows) {
        this.source = source;
        this.damage = new ErrorKind[rows];
        this.blankLinesAfter = new int[rows];
        this.multiLine = new boolean[rows];
    }
}
