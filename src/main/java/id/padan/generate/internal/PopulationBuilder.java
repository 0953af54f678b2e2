package id.padan.generate.internal;

import id.padan.generate.ErrorKind;
import id.padan.generate.ErrorRates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Builds a realistic population: a few kabupaten/kota with their real kecamatan and desa,
 * families of 1 to 7 with a family card, registry NIKs, names by regional naming custom,
 * deaths, placeholder birth dates and people the registry does not hold.
 */
final class PopulationBuilder {
    private static final int[] SIZE_WEIGHTS = {8, 15, 22, 25, 16, 9, 5};
    private static final String[] STREETS = {"MERDEKA", "PAHLAWAN", "DIPONEGORO", "SUDIRMAN", "GATOT SUBROTO",
            "AHMAD YANI", "MELATI", "MAWAR", "KENANGA", "CEMPAKA", "ANGGREK", "RAYA", "KARTINI",
            "IMAM BONJOL", "SISINGAMANGARAJA"};
    private static final String[] HAMLETS = {"KRAJAN", "SUKAMAJU", "SUKAMULYA", "TEGALSARI", "KARANGANYAR",
            "WONOREJO", "SIDOMULYO", "MEKARSARI", "CIBADAK", "PASIR ANGIN", "BANJAR KAUH", "LOROK"};

    private final Wilayah wilayah;
    private final NameBank names;
    private final ErrorRates rates;
    private final Tally tally;
    private final SplittableRandom rnd;
    private final LocalDate asOf;
    private final int asOfDay;
    private final int targetPersons;
    /** How many times more people share a kecamatan code than at the default spread (1 = default). */
    private final int density;
    /** Every NIK and KK number issued, so that none repeats. */
    private final Set<Long> issued;

    PopulationBuilder(Wilayah wilayah, NameBank names, ErrorRates rates, Tally tally, SplittableRandom rnd,
                      LocalDate asOf, int targetPersons, int density) {
        this.wilayah = wilayah;
        this.names = names;
        this.rates = rates;
        this.tally = tally;
        this.rnd = rnd;
        this.asOf = asOf;
        this.asOfDay = (int) asOf.toEpochDay();
        this.targetPersons = targetPersons;
        this.density = density;
        this.issued = new HashSet<>(targetPersons * 3);
    }

    Population build() {
        List<Wilayah.Regency> regencies = pickRegencies();
        double[] cumulative = new double[regencies.size()];
        double total = 0;
        for (int i = 0; i < regencies.size(); i++) {
            String prov = regencies.get(i).provinceCode();
            total += prov.compareTo("31") >= 0 && prov.compareTo("36") <= 0 ? 3 : 1;
            cumulative[i] = total;
        }
        List<Family> families = new ArrayList<>();
        List<Person> persons = new ArrayList<>(targetPersons);
        while (persons.size() < targetPersons) {
            double u = rnd.nextDouble() * total;
            int r = 0;
            while (cumulative[r] <= u) {
                r++;
            }
            int size = Math.min(drawSize(), targetPersons - persons.size());
            families.add(buildFamily(families.size(), regencies.get(r), size, persons));
        }
        // the registry extract lists families by region
        families.sort((a, b) -> a.desa.compareTo(b.desa));
        Person[] byIndex = persons.toArray(Person[]::new);
        tally.fact("kabupaten_kota", regencies.size());
        tally.fact("families", families.size());
        tally.fact("persons", persons.size());
        // NIK density: how many people share a person's kecamatan code (the NIK's first six digits), on average over persons
        java.util.Map<Long, Long> perCode = new java.util.HashMap<>();
        persons.stream().filter(p -> p.nik != 0).forEach(p -> perCode.merge(p.nik / 10_000_000_000L, 1L, Long::sum));
        long withNik = perCode.values().stream().mapToLong(Long::longValue).sum();
        tally.fact("persons_per_nik_kecamatan_code", withNik == 0 ? 0 : perCode.values().stream().mapToLong(v -> v * v).sum() / withNik);
        long inRegistry = persons.stream().filter(p -> p.inRegistry).count();
        tally.fact("persons_in_registry", inRegistry);
        tally.fact("persons_not_in_registry", persons.size() - inRegistry);
        tally.fact("registry_deaths", persons.stream().filter(p -> p.inRegistry && p.dead()).count());
        return new Population(List.copyOf(regencies), List.copyOf(families), byIndex);
    }

    // ---- regions -------------------------------------------------------------------------

    private List<Wilayah.Regency> pickRegencies() {
        int count = Math.max(3 + rnd.nextInt(2), (int) Math.min(60, Math.ceil(targetPersons / 60_000.0)));
        List<Predicate<Wilayah.Regency>> pools = List.of(
                r -> r.provinceCode().compareTo("31") >= 0 && r.provinceCode().compareTo("36") <= 0,
                r -> r.districts().stream().anyMatch(d -> d.predecessor() != null),
                r -> r.provinceCode().equals("51"),
                r -> r.provinceCode().equals("12"));
        Set<Wilayah.Regency> picked = new LinkedHashSet<>();
        for (int i = 0; picked.size() < count; i++) {
            Predicate<Wilayah.Regency> pool = i < pools.size() ? pools.get(i)
                    : i % 3 == 1 ? pools.get(0) : r -> true;
            List<Wilayah.Regency> candidates = wilayah.regencies.stream()
                    .filter(pool).filter(r -> !picked.contains(r)).toList();
            if (!candidates.isEmpty()) {
                picked.add(candidates.get(rnd.nextInt(candidates.size())));
            }
        }
        picked.forEach(r -> tally.fact("persons in " + r.code() + " " + r.name(), 0));
        return new ArrayList<>(picked);
    }

    /**
     * The kecamatan families of a regency live in: all of them, or at density {@code d} the first
     * 1/d of them (at least one), so that d times as many people share each kecamatan code.
     */
    private List<Wilayah.District> districtsInUse(Wilayah.Regency regency) {
        List<Wilayah.District> all = regency.districts();
        if (density == 1) return all;
        return all.subList(0, Math.max(1, (int) Math.round(all.size() / (double) density)));
    }

    // ---- families ------------------------------------------------------------------------

    private int drawSize() {
        int u = rnd.nextInt(100);
        for (int i = 0; i < SIZE_WEIGHTS.length; i++) {
            u -= SIZE_WEIGHTS[i];
            if (u < 0) {
                return i + 1;
            }
        }
        return 4;
    }

    private Family buildFamily(int index, Wilayah.Regency regency, int size, List<Person> persons) {
        List<Wilayah.District> districts = districtsInUse(regency);
        Wilayah.District district = districts.get(rnd.nextInt(districts.size()));
        String desa = district.villages().get(rnd.nextInt(district.villages().size()));
        String prov = regency.provinceCode();
        Family.Style style = prov.equals("51") && rnd.nextDouble() < 0.95 ? Family.Style.BALI
                : prov.equals("12") && rnd.nextDouble() < 0.6 ? Family.Style.BATAK : Family.Style.GENERAL;
        Family f = new Family(index, regency, district, desa, style, religion(style, prov), address(),
                Text.pad(1 + rnd.nextInt(12), 3), Text.pad(1 + rnd.nextInt(8), 3));
        tally.facts.merge("persons in " + regency.code() + " " + regency.name(), (long) size, Long::sum);
        boolean muslim = f.religion.equals("ISLAM");
        String marga = style == Family.Style.BATAK || rnd.nextDouble() < 0.01 ? names.marga(rnd) : null;
        boolean caste = style == Family.Style.BALI && rnd.nextDouble() < 0.05;

        // who lives here
        if (size == 1) {
            boolean young = rnd.nextDouble() < 0.3;
            boolean female = rnd.nextDouble() < 0.55;
            Person p = newPerson(persons, f, Relation.HEAD, female, young ? 19 + rnd.nextInt(17) : 50 + rnd.nextInt(36));
            p.maritalStatus = young ? "BELUM KAWIN" : (rnd.nextDouble() < 0.8 ? "CERAI MATI" : "CERAI HIDUP");
            p.birthOrder = 1 + rnd.nextInt(4);
            p.name = personName(f, p.female, p.birthOrder, null, muslim, marga, caste);
        } else {
            boolean singleParent = rnd.nextDouble() < 0.12;
            int headAge;
            if (size == 2) {
                // a young couple or a parent with one child, or an older couple whose children have left
                headAge = rnd.nextDouble() < 0.45 ? 22 + rnd.nextInt(14) : 45 + rnd.nextInt(36);
            } else {
                headAge = rnd.nextDouble() < 0.88 ? 25 + 2 * (size - 3) + rnd.nextInt(33) : 58 + rnd.nextInt(18);
            }
            Person head = newPerson(persons, f, Relation.HEAD, singleParent, headAge);
            head.birthOrder = 1 + rnd.nextInt(4);
            head.name = personName(f, head.female, head.birthOrder, null, muslim, marga, caste);
            Person mother = head;
            Person father = null;
            if (singleParent) {
                head.maritalStatus = rnd.nextDouble() < 0.7 ? "CERAI MATI" : "CERAI HIDUP";
            } else {
                head.maritalStatus = "KAWIN";
                father = head;
                int wifeAge = Math.max(18, headAge - rnd.nextInt(9) + 2);
                mother = newPerson(persons, f, Relation.SPOUSE, true, wifeAge);
                mother.maritalStatus = "KAWIN";
                mother.birthOrder = 1 + rnd.nextInt(4);
                String wifeMarga = style == Family.Style.BATAK ? names.marga(rnd) : null;
                mother.name = personName(f, true, mother.birthOrder, null, muslim, wifeMarga, caste);
            }
            int remaining = size - f.members.size();
            if (remaining >= 2 && headAge <= 68 && rnd.nextDouble() < 0.15) {
                Person parent = newPerson(persons, f, Relation.PARENT, rnd.nextDouble() < 0.7,
                        Math.min(95, headAge + 22 + rnd.nextInt(9)));
                parent.maritalStatus = "CERAI MATI";
                parent.birthOrder = 1 + rnd.nextInt(4);
                parent.name = personName(f, parent.female, parent.birthOrder, null, muslim,
                        parent.female ? null : marga, caste);
                remaining--;
            }
            if (headAge >= 46 && remaining >= 2 && rnd.nextDouble() < 0.3) {
                int g = remaining >= 3 && rnd.nextDouble() < 0.3 ? 2 : 1;
                for (int i = 0; i < g; i++) {
                    Person gc = newPerson(persons, f, Relation.GRANDCHILD, rnd.nextBoolean(),
                            rnd.nextInt(Math.min(headAge - 42, 12) + 1));
                    gc.maritalStatus = "BELUM KAWIN";
                    gc.birthOrder = 1 + i;
                    gc.name = personName(f, gc.female, gc.birthOrder, null, muslim, marga, caste);
                }
                remaining -= g;
            }
            // children born while their mother was 18 to 45, still living at home up to about 30
            int maxChildAge = Math.max(0, Math.min(mother.age - 18, 30));
            int minChildAge = Math.min(maxChildAge, Math.max(0, mother.age - 45));
            int[] ages = new int[remaining];
            for (int i = 0; i < remaining; i++) {
                ages[i] = minChildAge + rnd.nextInt(maxChildAge - minChildAge + 1);
            }
            Arrays.sort(ages);
            for (int i = remaining - 1, order = 1; i >= 0; i--, order++) {
                Person c = newPerson(persons, f, Relation.CHILD, rnd.nextBoolean(), ages[i]);
                c.maritalStatus = c.age >= 20 && rnd.nextDouble() < 0.15 ? "KAWIN" : "BELUM KAWIN";
                c.father = father;
                c.mother = mother;
                c.birthOrder = order;
                c.name = personName(f, c.female, order, father, muslim, marga, caste);
                c.motherName = mother.name;
            }
        }
        for (Person p : f.members) {
            if (p.motherName == null) {
                p.motherName = personName(f, true, 1 + rnd.nextInt(4), null, muslim,
                        style == Family.Style.BATAK ? names.marga(rnd) : null, caste);
            }
            p.birthPlace = rnd.nextDouble() < 0.85 ? regency.placeName()
                    : wilayah.regencies.get(rnd.nextInt(wilayah.regencies.size())).placeName();
        }
        registryFacts(f);
        issueNumbers(f);
        return f;
    }

    private Person newPerson(List<Person> persons, Family f, Relation relation, boolean female, int age) {
        LocalDate birth = asOf.minusYears(age).minusDays(1 + rnd.nextInt(364));
        Person p = new Person(persons.size(), f, relation, female, (int) birth.toEpochDay());
        p.age = age;
        persons.add(p);
        f.members.add(p);
        return p;
    }

    private String religion(Family.Style style, String prov) {
        double u = rnd.nextDouble();
        if (style == Family.Style.BALI) {
            return u < 0.93 ? "HINDU" : "ISLAM";
        }
        if (style == Family.Style.BATAK) {
            return u < 0.75 ? "KRISTEN" : u < 0.9 ? "KATHOLIK" : "ISLAM";
        }
        if (prov.startsWith("9")) {
            return u < 0.6 ? "KRISTEN" : u < 0.8 ? "KATHOLIK" : "ISLAM";
        }
        return u < 0.9 ? "ISLAM" : u < 0.95 ? "KRISTEN" : u < 0.98 ? "KATHOLIK" : u < 0.99 ? "BUDHA" : "HINDU";
    }

    private String address() {
        int kind = rnd.nextInt(10);
        if (kind < 5) {
            // one street in ten carries a character outside ASCII (’), which the encodings write differently
            String street = rnd.nextInt(10) == 0 ? "K.H. HASYIM ASY’ARI" : STREETS[rnd.nextInt(STREETS.length)];
            String a = "JL. " + street + " NO. " + (1 + rnd.nextInt(120));
            // a few addresses carry the PKH delimiter, which that file must quote
            return rnd.nextDouble() < 0.03 ? a + "; GG. " + (1 + rnd.nextInt(9)) : a;
        }
        if (kind < 8) {
            return "DUSUN " + HAMLETS[rnd.nextInt(HAMLETS.length)];
        }
        return "PERUM GRIYA " + HAMLETS[rnd.nextInt(HAMLETS.length)] + " BLOK " + (char) ('A' + rnd.nextInt(8))
                + " NO. " + (1 + rnd.nextInt(40));
    }

    // ---- names ---------------------------------------------------------------------------

    private String personName(Family f, boolean female, int birthOrder, Person father, boolean muslim,
                              String marga, boolean caste) {
        StringBuilder b = new StringBuilder(32);
        switch (f.style) {
            case BALI -> {
                if (caste) {
                    b.append(female ? "IDA AYU " : "IDA BAGUS ");
                } else {
                    b.append(female ? "NI " : "I ");
                    if (female && rnd.nextDouble() < 0.3) {
                        b.append("LUH ");
                    }
                    String[] order = NameBank.BALI_ORDER[(Math.max(1, birthOrder) - 1) % 4];
                    String o = order[rnd.nextInt(order.length)];
                    b.append(female && o.equals("GEDE") ? "PUTU" : o).append(' ');
                }
                b.append(names.given(female, rnd));
                if (rnd.nextDouble() < 0.4) {
                    b.append(' ').append(names.given(female, rnd));
                }
            }
            case BATAK -> {
                b.append(names.given(female, rnd));
                if (rnd.nextDouble() < 0.3) {
                    b.append(' ').append(names.given(female, rnd));
                }
                if (marga != null) {
                    b.append(female && rnd.nextDouble() < 0.5 ? " BR " : " ").append(marga);
                }
            }
            default -> {
                if (muslim) {
                    double u = rnd.nextDouble();
                    if (!female && u < 0.12) {
                        b.append(rnd.nextDouble() < 0.8 ? "MUHAMMAD"
                                : NameBank.MUHAMMAD_SPELLINGS[1 + rnd.nextInt(5)]).append(' ');
                    } else if (!female && u < 0.15) {
                        b.append("ABDUL ");
                    } else if (female && u < 0.10) {
                        b.append("SITI ");
                    } else if (female && u < 0.15) {
                        b.append("NUR ");
                    } else if (female && u < 0.17) {
                        b.append("NURUL ");
                    }
                }
                if (rnd.nextDouble() < 0.004) {
                    String[] ap = female ? NameBank.APOSTROPHE_FEMALE : NameBank.APOSTROPHE_MALE;
                    b.append(ap[rnd.nextInt(ap.length)]);
                } else {
                    b.append(names.given(female, rnd));
                }
                if (rnd.nextDouble() < 0.5) {
                    b.append(' ').append(names.second(female, rnd));
                    if (rnd.nextDouble() < 0.08) {
                        b.append(' ').append(names.given(female, rnd));
                    }
                }
                if (marga != null && !female) {
                    b.append(' ').append(marga);
                } else if (muslim && father != null && rnd.nextDouble() < 0.04) {
                    b.append(female ? " BINTI " : " BIN ").append(firstSignificantToken(father.name));
                }
            }
        }
        return b.toString();
    }

    static String firstSignificantToken(String name) {
        for (String t : name.split(" ")) {
            if (!NameBank.isCommonElement(t) && !t.endsWith(".")) {
                return t;
            }
        }
        String[] t = name.split(" ");
        return t[t.length - 1];
    }

    // ---- registry facts and numbers ------------------------------------------------------

    private void registryFacts(Family f) {
        for (Person p : f.members) {
            if (p.age == 0) {
                p.inRegistry = rnd.nextDouble() >= Math.min(1.0, rates.notInRegistry() * 30);
            } else {
                p.inRegistry = rnd.nextDouble() >= rates.notInRegistry();
            }
            if (p.inRegistry && p.age >= 40 && rnd.nextDouble() < rates.registryPlaceholderBirthDate()) {
                LocalDate b = LocalDate.ofEpochDay(p.birthDay);
                LocalDate[] placeholders = {LocalDate.of(b.getYear(), 1, 1), LocalDate.of(b.getYear(), 7, 1),
                        LocalDate.of(b.getYear(), 12, 31)};
                LocalDate ph = placeholders[rnd.nextInt(3)];
                if (!ph.equals(b)) {
                    p.recordedBirthDay = (int) ph.toEpochDay();
                    tally.add(ErrorKind.DATE_REGISTRY_PLACEHOLDER);
                }
            }
            if (p.inRegistry && p.age >= 1) {
                double risk = p.age < 40 ? 0.003 : p.age < 60 ? 0.013 : p.age < 70 ? 0.045 : 0.1;
                if (rnd.nextDouble() < risk) {
                    p.deathDay = Math.max(p.birthDay + 1, asOfDay - 1 - rnd.nextInt(3 * 365));
                }
            }
        }
    }

    private void issueNumbers(Family f) {
        Wilayah.District d = f.district;
        int youngest = Integer.MIN_VALUE;
        for (Person p : f.members) {
            youngest = Math.max(youngest, p.birthDay);
        }
        int from = Math.max(youngest + 1, (int) LocalDate.of(2008, 1, 1).toEpochDay());
        int issueDay = from >= asOfDay ? asOfDay - 1 : from + rnd.nextInt(asOfDay - from);
        String kkRegion = d.predecessor() != null && issueDay < LocalDate.of(2023, 1, 1).toEpochDay()
                ? d.predecessor() : d.code();
        f.kk = issue(kkRegion, LocalDate.ofEpochDay(issueDay), false);

        for (Person p : f.members) {
            if (p.age == 0 && !p.inRegistry) {
                p.nik = 0;   // a newborn not registered yet has no NIK at all
                continue;
            }
            String region = d.code();
            LocalDate birth = LocalDate.ofEpochDay(p.recordedBirthDay);
            double u = rnd.nextDouble();
            if (!p.inRegistry) {
                // registered elsewhere, outside this extract
                region = wilayah.districts.get(rnd.nextInt(wilayah.districts.size())).code();
            } else if (d.predecessor() != null && birth.getYear() < 2022 && u < 0.7) {
                region = d.predecessor();
                tally.incrementFact("registry_nik_old_region_code");
            } else if (p.age >= 17 && u < 0.04) {
                Wilayah.District other = wilayah.districts.get(rnd.nextInt(wilayah.districts.size()));
                region = other.code();
                tally.incrementFact("registry_nik_other_kabupaten");
            } else if (p.age >= 17 && u < 0.043) {
                region = wilayah.retiredDistrictCodes.get(rnd.nextInt(wilayah.retiredDistrictCodes.size()));
                tally.incrementFact("registry_nik_old_region_code");
            }
            p.nik = issue(region, birth, p.female);
        }
    }

    /** A new unique 16-digit number: 6-digit kecamatan, ddMMyy (DD+40 for women), 4-digit serial. */
    private long issue(String kecamatan, LocalDate date, boolean female) {
        long prefix = Long.parseLong(kecamatan) * 1_000_000L
                + (date.getDayOfMonth() + (female ? 40 : 0)) * 10_000L
                + date.getMonthValue() * 100L
                + date.getYear() % 100;
        for (int attempt = 0; ; attempt++) {
            int serial = attempt < 50 ? 1 + rnd.nextInt(attempt < 20 ? 2999 : 9999) : 1 + attempt % 9999;
            long number = prefix * 10_000L + serial;
            if (issued.add(number)) {
                return number;
            }
            if (attempt > 20_000) {
                throw new IllegalStateException("no free serial for " + prefix);
            }
        }
    }
}
