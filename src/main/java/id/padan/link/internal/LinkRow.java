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
    /** Phonetic keys of the distinctive name tokens, computed once (blocking uses them for several keys). */
    final java.util.List<String> nameKeys;

    LinkRow(int index, StagedRow row, boolean registry, StandardName name) {
        this.index = index;
        this.row = row;
        this.registry = registry;
        this.name = name;
        this.digits = "MISSING".equals(row.nikStatus()) ? null : row.nik();
        this.kk = row.kk() != null && row.kk().length() == 16 ? row.kk() : null;
        this.birthDate = "OK".equals(row.birthDateStatus()) ? row.birthDate() : null;
        this.sex = row.sex();
        this.region = row.regionCode();
        this.nameKeys = name.blockingKeys();
    }

    /** A 16-digit NIK, the only kind a registry NIK index can hold. */
    String nik16() {
        return digits != null && digits.length() == 16 ? digits : null;
    }
}
