package id.padan.link.internal;

import id.padan.standardise.StagedRow;
import id.padan.standardise.name.NameStandardiser;
import java.time.LocalDate;

/** Rows as the linker sees them, built field by field for the tables of the link tests. */
final class Rows {
    static final String REGISTRY = "DUKCAPIL";
    private static final NameStandardiser STANDARDISER = new NameStandardiser();
    private static int next;

    private String source = "PKH";
    private String nik;
    private String nikStatus = "MISSING";
    private String kk;
    private String name = "";
    private LocalDate birthDate;
    private Character sex;
    private String relation;
    private String region;
    private String address;
    private String mother;
    private boolean pupil;

    private Rows() {}

    static Rows registry() {
        Rows r = new Rows();
        r.source = REGISTRY;
        return r;
    }

    static Rows program() {
        return new Rows();
    }

    Rows source(String source) {
        this.source = source;
        return this;
    }

    Rows nik(String digits) {
        this.nik = digits;
        this.nikStatus = digits == null ? "MISSING" : "VALID";
        return this;
    }

    Rows kk(String kk) {
        this.kk = kk;
        return this;
    }

    Rows name(String name) {
        this.name = name;
        return this;
    }

    Rows born(String isoDate) {
        this.birthDate = isoDate == null ? null : LocalDate.parse(isoDate);
        return this;
    }

    Rows sex(char sex) {
        this.sex = sex;
        return this;
    }

    Rows relation(String relation) {
        this.relation = relation;
        return this;
    }

    Rows region(String region) {
        this.region = region;
        return this;
    }

    Rows address(String address) {
        this.address = address;
        return this;
    }

    Rows pupil() {
        this.pupil = true;
        return this;
    }

    Rows mother(String mother) {
        this.mother = mother;
        return this;
    }

    LinkRow build() {
        int i = next++;
        String desa = region != null && region.length() >= 10 ? region : null;
        String kec = region != null && region.length() >= 6 ? region.substring(0, 6) : null;
        String kab = region != null && region.length() >= 4 ? region.substring(0, 4) : null;
        StagedRow row = new StagedRow(source, "R" + i, i + 2, nik, nik, nikStatus, null, kk, name, name, name, false, birthDate,
                birthDate == null ? "MISSING" : "OK", sex, relation, desa, kec, kab, region == null ? "MISSING" : "KNOWN", null, null,
                mother, null, null, null, address);
        return new LinkRow(i, row, source.equals(REGISTRY), STANDARDISER.standardise(name),
                mother == null ? null : STANDARDISER.standardise(mother), pupil);
    }
}
