package id.padan.generate.internal;

import id.padan.generate.ErrorKind;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** The field values of one data row, in the column order of its {@link Layout}. */
final class RowRenderer {
    private final NameBank names;
    private final String tahap;

    RowRenderer(NameBank names, String tahap) {
        this.names = names;
        this.tahap = tahap;
    }

    String[] dukcapil(Person p) {
        Family f = p.family;
        String desa = f.desa;
        return new String[]{
                Long.toString(p.nik),
                Long.toString(f.kk),
                p.name,
                p.female ? "PEREMPUAN" : "LAKI-LAKI",
                p.birthPlace,
                Text.dmy(p.recordedBirthDay, '-'),
                p.relation.dukcapil(p.female),
                p.motherName,
                f.religion,
                p.maritalStatus,
                f.address,
                f.rt,
                f.rw,
                desa.substring(0, 2),
                desa.substring(2, 4),
                desa.substring(4, 6),
                desa.substring(6, 10),
                p.dead() ? Text.dmy(p.deathDay, '-') : ""};
    }

    String[] program(ProgramRow r) {
        SplittableRandom rnd = new SplittableRandom(r.seed);
        Person p = r.person;
        String name = NameVariants.letterCase(NameVariants.apply(p, r.errors, names, rnd),
                r.source == Source.PBI_JKN, r.has(ErrorKind.NAME_CASE), rnd);
        DateVariants.Dmy birth = DateVariants.render(ErrorPlanner.baseBirthDay(r), r.errors, rnd);
        boolean female = p.female ^ r.has(ErrorKind.SEX_WRONG);
        return switch (r.source) {
            case PKH -> new String[]{
                    r.key, r.group, r.nik, r.kk, name,
                    birth == null ? "" : birth.dmy('/'),
                    female ? "2" : "1",
                    p.relation.pkh(),
                    r.komponen,
                    r.desa.substring(0, 2), r.desa.substring(0, 4), r.desa.substring(0, 6), r.desa,
                    p.family.address,
                    tahap,
                    Integer.toString(r.nominal)};
            case PBI_JKN -> new String[]{
                    r.key, r.nik, r.kk, name,
                    birth == null ? "" : birth.ymd(),
                    female ? "P" : "L",
                    p.relation.pbi(p.female),
                    r.segment,
                    r.active ? "AKTIF" : "NONAKTIF",
                    r.faskes,
                    r.desa.substring(0, 6)};
            case KIP -> new String[]{
                    r.key, r.nik, r.kk, name,
                    female ? "P" : "L",
                    Text.titleCase(p.birthPlace),
                    birth == null ? "" : birth.dmy('-'),
                    Text.titleCase(p.motherName),
                    r.jenjang,
                    Integer.toString(r.kelas),
                    r.school.npsn(),
                    r.school.name(),
                    r.noKip,
                    r.desa,
                    Integer.toString(r.nominal)};
            default -> throw new IllegalArgumentException("not a program row: " + r.source);
        };
    }

    /** A value for the extra unknown column. */
    static String extraValue(SplittableRandom rnd, LocalDate asOf) {
        return switch (rnd.nextInt(6)) {
            case 0 -> "SUDAH VERIFIKASI";
            case 1 -> "DATA LAMA";
            case 2 -> "PINDAH " + asOf.getYear();
            default -> "";
        };
    }
}
