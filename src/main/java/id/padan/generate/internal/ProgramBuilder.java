package id.padan.generate.internal;

import id.padan.generate.ErrorKind;
import id.padan.generate.ErrorRates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Enrols the population in the three programs as their owners would: PKH for the poorest
 * families, PBI-JKN for most PKH members and other poor families, KIP for school children
 * of PKH families and some others; then lists some people twice (family 6) and keeps some
 * deceased people listed (family 7).
 */
final class ProgramBuilder {
    private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Population population;
    private final ErrorRates rates;
    private final Tally tally;
    private final SplittableRandom rnd;
    private final LocalDate asOf;
    private final String tahap;
    private final Set<String> usedKeys = new HashSet<>();
    private final Map<String, List<School>> schools = new HashMap<>();
    private final Set<String> npsns = new HashSet<>();
    private int kpmSerial;

    final List<ProgramRow> pkh = new ArrayList<>();
    final List<ProgramRow> pbi = new ArrayList<>();
    final List<ProgramRow> kip = new ArrayList<>();

    ProgramBuilder(Population population, ErrorRates rates, Tally tally, SplittableRandom rnd, LocalDate asOf) {
        this.population = population;
        this.rates = rates;
        this.tally = tally;
        this.rnd = rnd;
        this.asOf = asOf;
        this.tahap = asOf.getYear() + "-" + new String[]{"I", "II", "III", "IV"}[(asOf.getMonthValue() - 1) / 3];
    }

    void build() {
        for (Family f : population.families()) {
            f.pkh = rnd.nextDouble() < Math.min(0.35, 0.09 + 0.03 * f.members.size());
        }
        for (Family f : population.families()) {
            if (f.pkh) {
                enrolPkh(f);
            }
        }
        for (Family f : population.families()) {
            enrolPbi(f);
        }
        for (Family f : population.families()) {
            enrolKip(f);
        }
        addDuplicates(pkh);
        addDuplicates(pbi);
        addDuplicates(kip);
    }

    /** A deceased person stays on a program's list only at the "still listed" rate. */
    private boolean listed(Person p) {
        return !p.dead() || rnd.nextDouble() < rates.deceasedStillListed();
    }

    private ProgramRow newRow(Source source, Person p) {
        ProgramRow r = new ProgramRow(source, p, rnd.nextLong());
        r.desa = p.family.desa;
        return r;
    }

    // ---- PKH -------------------------------------------------------------------------------

    private void enrolPkh(Family f) {
        String kpm = newKpm(f);
        int member = 0;
        for (Person p : f.members) {
            member++;
            if (!listed(p)) {
                continue;
            }
            ProgramRow r = newRow(Source.PKH, p);
            r.group = kpm;
            r.key = kpm + "-" + Text.pad(member, 2);
            usedKeys.add(r.key);
            r.komponen = komponen(p);
            r.nominal = nominal(r.komponen);
            pkh.add(r);
        }
    }

    private String newKpm(Family f) {
        return "KPM" + f.regency.code() + Text.pad(++kpmSerial, 7);
    }

    private String komponen(Person p) {
        int age = p.age;
        if (age < 6) {
            return "AUD";
        }
        if (age <= 12) {
            return "SD";
        }
        if (age <= 15) {
            return "SMP";
        }
        if (age <= 18) {
            return "SMA";
        }
        if (age >= 60) {
            return "LANSIA";
        }
        if (p.female && age <= 44 && (p.relation == Relation.SPOUSE || p.relation == Relation.HEAD)
                && rnd.nextDouble() < 0.1) {
            return "BUMIL";
        }
        return rnd.nextDouble() < 0.02 ? "DISABILITAS" : "";
    }

    private static int nominal(String komponen) {
        return switch (komponen) {
            case "BUMIL", "AUD" -> 750_000;
            case "SD" -> 225_000;
            case "SMP" -> 375_000;
            case "SMA" -> 500_000;
            case "LANSIA", "DISABILITAS" -> 600_000;
            default -> 0;
        };
    }

    String tahap() {
        return tahap;
    }

    // ---- PBI-JKN ---------------------------------------------------------------------------

    private void enrolPbi(Family f) {
        double memberRate;
        double activeRate;
        if (f.pkh) {
            memberRate = 0.9;
            activeRate = 0.88;
        } else if (rnd.nextDouble() < 0.13) {
            memberRate = 0.92;
            activeRate = 0.92;
        } else {
            return;
        }
        f.pbi = true;
        String segment = rnd.nextDouble() < 0.75 ? "PBI APBN" : "PBI APBD";
        String faskes = f.district.code() + "0" + (1 + rnd.nextInt(3));
        for (Person p : f.members) {
            if (rnd.nextDouble() >= memberRate || !listed(p)) {
                continue;
            }
            ProgramRow r = newRow(Source.PBI_JKN, p);
            r.key = newNoka();
            r.segment = segment;
            r.faskes = faskes;
            r.active = rnd.nextDouble() < activeRate;
            pbi.add(r);
        }
    }

    private String newNoka() {
        while (true) {
            String k = "000" + Text.pad(rnd.nextLong(10_000_000_000L), 10);
            if (usedKeys.add(k)) {
                return k;
            }
        }
    }

    // ---- KIP -------------------------------------------------------------------------------

    private void enrolKip(Family f) {
        double rate = f.pkh ? 0.85 : f.pbi ? 0.25 : 0.03;
        int schoolYear = asOf.getMonthValue() >= 7 ? asOf.getYear() : asOf.getYear() - 1;
        for (Person p : f.members) {
            if (p.age < 6 || p.age > 21) {
                continue;
            }
            int kelas = schoolYear - LocalDate.ofEpochDay(p.birthDay).getYear() - 6;
            if (rnd.nextDouble() < 0.12) {
                kelas--;   // repeated a year
            }
            if (kelas == 13 && rnd.nextDouble() < 0.3) {
                kelas = 12;
            }
            if (kelas < 1 || kelas > 12 || rnd.nextDouble() >= rate || !listed(p)) {
                continue;
            }
            ProgramRow r = newRow(Source.KIP, p);
            r.kelas = kelas;
            r.jenjang = kelas <= 6 ? "SD" : kelas <= 9 ? "SMP" : rnd.nextDouble() < 0.55 ? "SMA" : "SMK";
            r.school = school(f.district, r.jenjang);
            r.nominal = switch (r.jenjang) {
                case "SD" -> 450_000;
                case "SMP" -> 750_000;
                default -> 1_000_000;
            };
            r.key = newNisn(p);
            r.noKip = newNoKip();
            kip.add(r);
        }
    }

    private String newNisn(Person p) {
        int yy = LocalDate.ofEpochDay(p.birthDay).getYear() % 100;
        while (true) {
            String k = "0" + Text.pad(yy, 2) + Text.pad(rnd.nextInt(10_000_000), 7);
            if (usedKeys.add(k)) {
                return k;
            }
        }
    }

    private String newNoKip() {
        while (true) {
            char[] c = new char[6];
            for (int i = 0; i < c.length; i++) {
                c[i] = ALNUM.charAt(rnd.nextInt(ALNUM.length()));
            }
            String k = new String(c);
            if (usedKeys.add("KIP:" + k)) {
                return k;
            }
        }
    }

    private School school(Wilayah.District d, String jenjang) {
        List<School> list = schools.computeIfAbsent(d.code() + jenjang, k -> new ArrayList<>());
        int wanted = jenjang.equals("SD") ? 4 : 2;
        if (list.size() < wanted && (list.isEmpty() || rnd.nextDouble() < 0.3)) {
            String kec = d.name().toUpperCase(Locale.ROOT);
            int n = list.size() + 1;
            String name = switch (jenjang) {
                case "SD" -> rnd.nextDouble() < 0.2 ? "SD INPRES " + n + " " + kec : "SD NEGERI " + n + " " + kec;
                case "SMP" -> rnd.nextDouble() < 0.2 ? "MTS NEGERI " + n + " " + kec : "SMP NEGERI " + n + " " + kec;
                case "SMA" -> rnd.nextDouble() < 0.1 ? "SMA PGRI " + n + ", " + kec : "SMA NEGERI " + n + " " + kec;
                default -> rnd.nextDouble() < 0.2 ? "SMK KESEHATAN BAKTI HUSADA, " + kec : "SMK NEGERI " + n + " " + kec;
            };
            String npsn;
            do {
                npsn = "1236".charAt(rnd.nextInt(4)) + Text.pad(rnd.nextInt(10_000_000), 7);
            } while (!npsns.add(npsn));
            list.add(new School(npsn, name));
        }
        return list.get(rnd.nextInt(list.size()));
    }

    // ---- duplicates -------------------------------------------------------------------------

    private void addDuplicates(List<ProgramRow> rows) {
        List<ProgramRow> extra = new ArrayList<>();
        for (ProgramRow r : rows) {
            if (rnd.nextDouble() >= rates.duplicatePerson()) {
                continue;
            }
            int copies = rnd.nextDouble() < 0.85 ? 1 : 2;
            for (int i = 0; i < copies; i++) {
                ProgramRow d = r.copy(rnd.nextLong());
                d.duplicate = true;
                switch (r.source) {
                    case PKH -> {
                        if (rnd.nextDouble() < 0.6) {
                            int member = 11 + i;
                            d.key = r.group + "-" + Text.pad(member, 2);
                        } else {
                            d.group = newKpm(r.person.family);
                            d.key = d.group + "-01";
                        }
                        if (!usedKeys.add(d.key)) {
                            d.group = newKpm(r.person.family);
                            d.key = d.group + "-01";
                            usedKeys.add(d.key);
                        }
                    }
                    case PBI_JKN -> d.key = newNoka();
                    default -> {
                        d.key = newNisn(r.person);
                        d.noKip = newNoKip();
                    }
                }
                d.add(ErrorKind.DUPLICATE_ROW);
                tally.add(ErrorKind.DUPLICATE_ROW);
                extra.add(d);
            }
        }
        if (extra.isEmpty()) {
            return;
        }
        // insert the extra rows at random places, in one pass
        int n = rows.size();
        long[] slots = new long[extra.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = ((long) rnd.nextInt(n + 1) << 32) | i;
        }
        java.util.Arrays.sort(slots);
        List<ProgramRow> merged = new ArrayList<>(n + extra.size());
        int s = 0;
        for (int i = 0; i <= n; i++) {
            while (s < slots.length && (int) (slots[s] >>> 32) == i) {
                merged.add(extra.get((int) slots[s]));
                s++;
            }
            if (i < n) {
                merged.add(rows.get(i));
            }
        }
        rows.clear();
        rows.addAll(merged);
    }
}
