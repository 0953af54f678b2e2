package id.padan.generate.internal;

import java.util.ArrayList;
import java.util.List;

/** One family card (KK) and the household living at its address. */
final class Family {
    enum Style { GENERAL, BALI, BATAK }

    final int index;
    final Wilayah.Regency regency;
    final Wilayah.District district;
    final String desa;
    final Style style;
    final String religion;
    final String address;
    final String rt;
    final String rw;
    final List<Person> members = new ArrayList<>();
    long kk;
    /** Chosen for PKH (the poorest families). */
    boolean pkh;
    /** Enrolled in PBI-JKN as a family. */
    boolean pbi;

    Family(int index, Wilayah.Regency regency, Wilayah.District district, String desa, Style style,
           String religion, String address, String rt, String rw) {
        this.index = index;
        this.regency = regency;
        this.district = district;
        this.desa = desa;
        this.style = style;
        this.religion = religion;
        this.address = address;
        this.rt = rt;
        this.rw = rw;
    }
}
