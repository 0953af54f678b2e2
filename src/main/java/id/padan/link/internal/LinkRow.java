package id.padan.link.internal;

import id.padan.standardise.StagedRow;
import id.padan.standardise.name.StandardName;
import java.time.LocalDate;

/**
 * A row as the linker sees it: its standardised values and comparison forms. {@code digits} is the
 * row's usable NIK digits (any length; null for a blank, placeholder or unrecoverable NIK); {@code kk}
 * is set only for a 16-digit family card number.
 */
final class LinkRow {
    final int index;
    final StagedRow row;
    final boolean registry;
    final StandardName name;
    final String digits;
    final String kk;
    final LocalDate birthDate;
    final Character sex;
    final String region;
    final String address;
    /** The relation to the head of the family as the source gave it (HEAD, SPOUSE, CHILD, ...), or null. */
    final String relation;
    /** Whether the row comes from a source of school pupils (children). */
    final boolean pupil;
    /** The mother's name, standardised, or null when the row has none. */
    final StandardName mother;
    /** Phonetic keys of the distinctive name tokens, computed once (blocking uses them for several keys). */
    final java.util.List<String> nameKeys;

    LinkRow(int index, StagedRow row, boolean registry, StandardName name) {
        this(index, row, registry, name, null, false);
    }

    LinkRow(int index, StagedRow row, boolean registry, StandardName name, StandardName mother, boolean pupil) {
        this.index = index;
        this.row = row;
        this.registry = registry;
        this.name = name;
        this.digits = "MISSING".equals(row.nikStatus()) ? null : row.nik();
        this.kk = row.kk() != null && row.kk().length() == 16 ? row.kk() : null;
        this.birthDate = "OK".equals(row.birthDateStatus()) ? row.birthDate() : null;
        this.sex = row.sex();
        this.region = row.regionCode();
        this.address = row.address();
        this.relation = row.relation();
        this.mother = mother == null || mother.isEmpty() ? null : mother;
        this.pupil = pupil;
        this.nameKeys = distinctiveKeys(name);
    }

    /** Phonetic keys of every distinctive token (the standardiser's blocking keys when all tokens are common). */
    private static java.util.List<String> distinctiveKeys(StandardName name) {
        java.util.List<String> keys = new java.util.ArrayList<>(3);
        for (int i = 0; i < name.tokens().size(); i++) {
            String t = name.tokens().get(i);
            String k = name.phoneticKeys().get(i);
            if (t.length() > 1 && !k.isEmpty() && !id.padan.standardise.name.NameStandardiser.isCommonToken(t) && !keys.contains(k)) keys.add(k);
        }
        return keys.isEmpty() ? name.blockingKeys() : keys;
    }

    /** Is the row sent as someone's child or grandchild, or as a school pupil? */
    boolean sentAsChild() {
        return pupil || "CHILD".equals(relation) || "GRANDCHILD".equals(relation);
    }

    /** Is the row sent as someone's child or grandchild by its relation to the head (a pupil's source sends none)? */
    boolean childByRelation() {
        return "CHILD".equals(relation) || "GRANDCHILD".equals(relation);
    }

    /** Is the row a head of family, a spouse or a parent in its family? */
    boolean parentGeneration() {
        return "HEAD".equals(relation) || "SPOUSE".equals(relation) || "PARENT".equals(relation);
    }

    /**
     * The identifier to look up in the registry's NIK index as it stands: the row's digits unless they
     * are 15 or 17 digits long (a NIK with a digit dropped or added, which only its variants can find).
     */
    String lookupKey() {
        return digits != null && digits.length() != 15 && digits.length() != 17 ? digits : null;
    }
}
