package id.padan.link;

import id.padan.standardise.StagedRow;
import java.util.List;

/**
 * Decides which rows of one run belong together. Registry rows are never linked to each other;
 * a program row gets at most one link to a registry row, and may instead be linked to other
 * program rows of a person the registry lacks. Rows without a link become persons of their own.
 */
public interface Linker {
    List<RowLink> link(List<StagedRow> rows);
}
