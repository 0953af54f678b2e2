package id.padan.generate.internal;

import id.padan.generate.ErrorKind;

/**
 * One row of a program extract (PKH, PBI_JKN or KIP) before it is written: who it is, its key,
 * the values that decide its true findings, and the errors planted in it. The remaining fields
 * (name, birth date, sex) are rendered when written, from {@code seed}, so that a million rows
 * need not hold their text.
 */
final class ProgramRow {
    final Source source;
    final Person person;
    final long seed;
    String key;
    /** PKH: ID_KPM. */
    String group;
    /** Planted errors, one bit per {@link ErrorKind}. */
    long errors;
    boolean duplicate;
    /** Values as written. */
    String nik;
    String kk;
    /** 10-digit desa code the row carries (PBI writes its first 6 digits). */
    String desa;
    /** The row carries the true birth date where the registry holds a placeholder. */
    boolean trueBirth;
    /** PKH */
    String komponen;
    int nominal;
    /** PBI */
    boolean active;
    String segment;
    String faskes;
    /** KIP */
    int kelas;
    String jenjang;
    School school;
    String noKip;
    /** Set when a file-level fault makes the row unloadable. */
    ErrorKind damage;

    ProgramRow(Source source, Person person, long seed) {
        this.source = source;
        this.person = person;
        this.seed = seed;
    }

    boolean has(ErrorKind kind) {
        return (errors & (1L << kind.ordinal())) != 0;
    }

    void add(ErrorKind kind) {
        errors |= 1L << kind.ordinal();
    }

    /** A copy for a duplicate listing: same person and values, new seed; key and errors are the caller's. */
    ProgramRow copy(long newSeed) {
        ProgramRow r = new ProgramRow(source, person, newSeed);
        r.group = group;
        r.desa = desa;
        r.kk = kk;
        r.komponen = komponen;
        r.nominal = nominal;
        r.active = active;
        r.segment = segment;
        r.faskes = faskes;
        r.kelas = kelas;
        r.jenjang = jenjang;
        r.school = school;
        r.noKip = noKip;
        r.trueBirth = trueBirth;
        return r;
    }
}
