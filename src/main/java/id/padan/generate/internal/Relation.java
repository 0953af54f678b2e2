package id.padan.generate.internal;

/** A person's place in the family, with each source's coding of it. */
enum Relation {
    HEAD("KEPALA KELUARGA", "1", "PESERTA"),
    SPOUSE(null, "2", null),
    CHILD("ANAK", "3", "ANAK"),
    GRANDCHILD("CUCU", "5", "TAMBAHAN"),
    PARENT("ORANG TUA", "6", "TAMBAHAN"),
    OTHER("FAMILI LAIN", "7", "TAMBAHAN");

    private final String dukcapil;
    private final String pkh;
    private final String pbi;

    Relation(String dukcapil, String pkh, String pbi) {
        this.dukcapil = dukcapil;
        this.pkh = pkh;
        this.pbi = pbi;
    }

    String dukcapil(boolean female) {
        return this == SPOUSE ? (female ? "ISTRI" : "SUAMI") : dukcapil;
    }

    String pkh() {
        return pkh;
    }

    String pbi(boolean female) {
        return this == SPOUSE ? (female ? "ISTRI" : "SUAMI") : pbi;
    }
}
