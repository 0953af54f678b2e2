package id.padan.generate.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** Indonesian name elements ({@code /generate/names/}, upper case) and the vocabulary of name variants. */
final class NameBank {

    /** Batak marga among the family-name lists (the lists do not mark them). */
    private static final Set<String> MARGA = Set.of("DAMANIK", "DONGORAN", "DABUKKE", "HUTAGALUNG", "HUTAPEA",
            "HUTASOIT", "MANGUNSONG", "MANULLANG", "MARPAUNG", "MARBUN", "NAINGGOLAN", "NABABAN", "NAPITUPULU",
            "SIREGAR", "SIHOMBING", "SAMOSIR", "SARAGIH", "SIHOTANG", "SIMANJUNTAK", "SINAGA", "SIMBOLON",
            "SITOMPUL", "SITORUS", "SIRAIT", "SITUMORANG", "TAMPUBOLON", "TAMBA", "TARIHORAN", "GINTING");

    /** Given names with an apostrophe (the registry file is unquoted, so these must pass through as is). */
    static final String[] APOSTROPHE_MALE = {"MA'RUF", "SYAFI'I", "KHUZA'I", "JUM'AT", "MU'IN"};
    static final String[] APOSTROPHE_FEMALE = {"NI'MAH", "JUM'ATI", "MU'AWANAH", "RUQAYYAH", "MAS'ULAH"};

    /** Balinese birth-order names, by order 1..4 (the fifth child starts again). */
    static final String[][] BALI_ORDER = {
            {"WAYAN", "PUTU", "GEDE"}, {"MADE", "KADEK", "NENGAH"}, {"NYOMAN", "KOMANG"}, {"KETUT"}};

    static final String[] MUHAMMAD_SPELLINGS = {"MUHAMMAD", "MUHAMAD", "MOHAMMAD", "MOHAMAD", "MOCHAMMAD",
            "MOCHAMAD", "MOCH.", "MOH.", "MUH.", "M."};

    final List<String> givenMale;
    final List<String> givenFemale;
    final List<String> familyMale;
    final List<String> familyFemale;
    final List<String> marga;
    final List<String> prefixTitlesMale;
    final List<String> prefixTitlesFemale;
    final List<String> degrees;

    private NameBank(List<String> givenMale, List<String> givenFemale, List<String> familyMale,
                     List<String> familyFemale, List<String> marga, List<String> prefixTitlesMale,
                     List<String> prefixTitlesFemale, List<String> degrees) {
        this.givenMale = givenMale;
        this.givenFemale = givenFemale;
        this.familyMale = familyMale;
        this.familyFemale = familyFemale;
        this.marga = marga;
        this.prefixTitlesMale = prefixTitlesMale;
        this.prefixTitlesFemale = prefixTitlesFemale;
        this.degrees = degrees;
    }

    static NameBank load() {
        String base = "/generate/names/";
        Set<String> gm = new LinkedHashSet<>();
        Set<String> gf = new LinkedHashSet<>();
        ReferenceCsv.forEachRow(base + "given_names.csv", r -> {
            String n = r[0].trim().toUpperCase(Locale.ROOT);
            if (n.isEmpty() || n.contains(" ")) {
                return;
            }
            if ("M".equals(r[1])) {
                gm.add(n);
            } else if ("F".equals(r[1])) {
                gf.add(n);
            }
        });
        Set<String> fm = new LinkedHashSet<>();
        Set<String> ff = new LinkedHashSet<>();
        Set<String> marga = new LinkedHashSet<>();
        ReferenceCsv.forEachRow(base + "family_names.csv", r -> {
            String n = r[0].trim().toUpperCase(Locale.ROOT);
            if (n.isEmpty() || n.contains(" ")) {
                return;
            }
            if (MARGA.contains(n)) {
                marga.add(n);
            } else if ("F".equals(r[1])) {
                ff.add(n);
            } else {
                fm.add(n);
            }
        });
        Set<String> pm = new LinkedHashSet<>(List.of("H.", "KH.", "DRS.", "IR.", "DR."));
        Set<String> pf = new LinkedHashSet<>(List.of("HJ.", "DRA.", "IR.", "DR."));
        Set<String> deg = new LinkedHashSet<>(List.of("S.PD", "S.E.", "S.H.", "S.KOM", "M.PD", "A.MD.", "AMK"));
        ReferenceCsv.forEachRow(base + "name_titles.csv", r -> {
            String v = r[2].trim().toUpperCase(Locale.ROOT);
            if ("suffix".equals(r[0])) {
                deg.add(v);
            } else if ("M".equals(r[1])) {
                pm.add(v);
            } else {
                pf.add(v);
            }
        });
        return new NameBank(List.copyOf(gm), List.copyOf(gf), List.copyOf(fm), List.copyOf(ff),
                List.copyOf(marga), List.copyOf(new ArrayList<>(pm)), List.copyOf(new ArrayList<>(pf)),
                List.copyOf(deg));
    }

    String given(boolean female, SplittableRandom rnd) {
        List<String> list = female ? givenFemale : givenMale;
        return list.get(rnd.nextInt(list.size()));
    }

    String second(boolean female, SplittableRandom rnd) {
        if (rnd.nextInt(3) == 0) {
            return given(female, rnd);
        }
        List<String> list = female ? familyFemale : familyMale;
        return list.get(rnd.nextInt(list.size()));
    }

    String marga(SplittableRandom rnd) {
        return marga.get(rnd.nextInt(marga.size()));
    }

    /** A title before the name; religious and regional ones (H., HJ., KH., TGK., CUT, ...) for Muslims only. */
    String prefixTitle(boolean female, boolean muslim, SplittableRandom rnd) {
        List<String> list = female ? prefixTitlesFemale : prefixTitlesMale;
        while (true) {
            String t = list.get(rnd.nextInt(list.size()));
            if (muslim || ACADEMIC.contains(t)) {
                return t;
            }
        }
    }

    private static final Set<String> ACADEMIC = Set.of("DR.", "DRS.", "DRA.", "IR.", "DRG.");

    String degree(SplittableRandom rnd) {
        return degrees.get(rnd.nextInt(degrees.size()));
    }

    static boolean isCommonElement(String token) {
        switch (token) {
            case "MUHAMMAD", "MUHAMAD", "MOHAMMAD", "MOHAMAD", "MOCHAMMAD", "MOCHAMAD", "SITI", "NUR", "NURUL",
                 "ABDUL", "I", "NI", "IDA", "BAGUS", "AYU", "LUH", "BR", "BIN", "BINTI" -> {
                return true;
            }
            default -> {
                for (String[] order : BALI_ORDER) {
                    for (String o : order) {
                        if (o.equals(token)) {
                            return true;
                        }
                    }
                }
                return false;
            }
        }
    }
}
