package id.padan.generate.internal;

import id.padan.generate.ErrorKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Name errors (family 2) applied to a registry name (upper case); the source's letter case comes after. */
final class NameVariants {
    private NameVariants() {}

    /** The kinds a program row may draw (ALM. is planted with deaths, not drawn) and their weights. */
    static final ErrorKind[] KINDS = {ErrorKind.NAME_CASE, ErrorKind.NAME_SPACING, ErrorKind.NAME_PUNCTUATION,
            ErrorKind.NAME_TITLE, ErrorKind.NAME_BIN_BINTI, ErrorKind.NAME_MUHAMMAD_OR_INITIALS,
            ErrorKind.NAME_OLD_SPELLING, ErrorKind.NAME_TYPO, ErrorKind.NAME_TRUNCATED, ErrorKind.NAME_TOKEN_MISSING,
            ErrorKind.NAME_TOKEN_EXTRA, ErrorKind.NAME_TOKEN_ORDER};
    static final int[] WEIGHTS = {10, 8, 6, 8, 6, 8, 8, 16, 6, 8, 6, 8};

    private static final List<String> MUHAMMADS = List.of("MUHAMMAD", "MUHAMAD", "MOHAMMAD", "MOHAMAD",
            "MOCHAMMAD", "MOCHAMAD");
    private static final String[] KEYBOARD = {"QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"};

    static boolean eligible(ErrorKind kind, Person p) {
        String name = p.name;
        int tokens = name.split(" ").length;
        return switch (kind) {
            case NAME_TITLE -> p.age >= 22;
            case NAME_BIN_BINTI -> name.contains(" BIN ") || name.contains(" BINTI ")
                    || (p.family.style == Family.Style.GENERAL && p.family.religion.equals("ISLAM"));
            case NAME_ALM_PREFIX -> p.dead();
            case NAME_MUHAMMAD_OR_INITIALS, NAME_TOKEN_MISSING, NAME_TOKEN_ORDER -> tokens >= 2;
            case NAME_OLD_SPELLING -> oldSpellingApplies(name);
            case NAME_TRUNCATED -> name.length() > 21;
            default -> true;
        };
    }

    static String apply(Person p, long errors, NameBank names, SplittableRandom rnd) {
        String n = p.name;
        if (has(errors, ErrorKind.NAME_BIN_BINTI)) {
            n = binBinti(n, p, names, rnd);
        }
        if (has(errors, ErrorKind.NAME_MUHAMMAD_OR_INITIALS)) {
            n = muhammadOrInitials(n, rnd);
        }
        if (has(errors, ErrorKind.NAME_OLD_SPELLING)) {
            n = oldSpelling(n, rnd);
        }
        if (has(errors, ErrorKind.NAME_TOKEN_MISSING)) {
            List<String> t = tokens(n);
            if (t.size() >= 2) {
                t.remove(rnd.nextInt(t.size()));
                n = String.join(" ", t);
            }
        }
        if (has(errors, ErrorKind.NAME_TOKEN_EXTRA)) {
            String extra = rnd.nextBoolean() ? names.second(p.female, rnd) : names.given(p.female, rnd);
            n = rnd.nextInt(4) == 0 ? extra + " " + n : n + " " + extra;
        }
        if (has(errors, ErrorKind.NAME_TOKEN_ORDER)) {
            List<String> t = tokens(n);
            if (t.size() >= 2) {
                String first = t.remove(0);
                t.add(first);
                n = String.join(" ", t);
            }
        }
        if (has(errors, ErrorKind.NAME_TYPO)) {
            n = typo(n, rnd);
        }
        if (has(errors, ErrorKind.NAME_TITLE)) {
            n = title(n, p, names, rnd);
        }
        if (has(errors, ErrorKind.NAME_ALM_PREFIX)) {
            n = (p.female ? (rnd.nextBoolean() ? "ALMH. " : "ALM. ") : rnd.nextInt(4) == 0 ? "ALM " : "ALM. ") + n;
        }
        if (has(errors, ErrorKind.NAME_PUNCTUATION)) {
            n = punctuation(n, rnd);
        }
        if (has(errors, ErrorKind.NAME_SPACING)) {
            n = spacing(n, rnd);
        }
        if (has(errors, ErrorKind.NAME_TRUNCATED)) {
            int limit = n.length() > 21 ? 20 + rnd.nextInt(Math.min(30, n.length() - 1) - 20 + 1) : n.length() - 1;
            n = n.substring(0, Math.max(1, limit)).stripTrailing();
        }
        return n;
    }

    private static List<String> tokens(String n) {
        return new ArrayList<>(Arrays.asList(n.trim().split(" +")));
    }

    private static String binBinti(String n, Person p, NameBank names, SplittableRandom rnd) {
        int at = n.indexOf(" BIN ");
        if (at < 0) {
            at = n.indexOf(" BINTI ");
        }
        if (at > 0) {
            return n.substring(0, at);
        }
        String father = p.father != null ? PopulationBuilder.firstSignificantToken(p.father.name)
                : names.given(false, rnd);
        return n + (p.female ? " BINTI " : " BIN ") + father;
    }

    private static String muhammadOrInitials(String n, SplittableRandom rnd) {
        List<String> t = tokens(n);
        for (int i = 0; i < t.size(); i++) {
            if (MUHAMMADS.contains(t.get(i))) {
                String current = t.get(i);
                String variant;
                do {
                    variant = NameBank.MUHAMMAD_SPELLINGS[rnd.nextInt(NameBank.MUHAMMAD_SPELLINGS.length)];
                } while (variant.equals(current));
                t.set(i, variant);
                return String.join(" ", t);
            }
        }
        // initials: one token (not all of them, and not a one- or two-letter I/NI) shortened to its first letter
        List<Integer> long3 = new ArrayList<>();
        for (int k = 0; k < t.size(); k++) {
            if (t.get(k).length() >= 3) {
                long3.add(k);
            }
        }
        int i = long3.isEmpty() ? rnd.nextInt(t.size()) : long3.get(rnd.nextInt(long3.size()));
        t.set(i, t.get(i).charAt(0) + (rnd.nextInt(4) == 0 ? "" : "."));
        return String.join(" ", t);
    }

    private static final String[][] OLD_SPELLING = {{"U", "OE"}, {"J", "DJ"}, {"C", "TJ"}, {"KH", "CH"},
            {"NY", "NJ"}, {"SY", "SJ"}, {"Y", "J"}};

    static boolean oldSpellingApplies(String n) {
        for (String[] rule : OLD_SPELLING) {
            if (n.contains(rule[0])) {
                return true;
            }
        }
        return false;
    }

    /** Today's spelling back to the pre-1972 one, one rule throughout the name (SUKARNO → SOEKARNO). */
    private static String oldSpelling(String n, SplittableRandom rnd) {
        List<String[]> rules = new ArrayList<>();
        for (String[] rule : OLD_SPELLING) {
            if (n.contains(rule[0])) {
                rules.add(rule);
            }
        }
        if (rules.isEmpty()) {
            return n;
        }
        String[] rule = rules.get(rnd.nextInt(rules.size()));
        if (rule[0].equals("Y")) {
            // a modern Y after N or S belongs to NY / SY, which have their own rule
            return n.replaceAll("(?<![NS])Y", "J");
        }
        return n.replace(rule[0], rule[1]);
    }

    private static String typo(String n, SplittableRandom rnd) {
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < n.length(); i++) {
            if (n.charAt(i) >= 'A' && n.charAt(i) <= 'Z') {
                letters.add(i);
            }
        }
        if (letters.isEmpty()) {
            return n + "X";
        }
        int i = letters.get(rnd.nextInt(letters.size()));
        char c = n.charAt(i);
        switch (rnd.nextInt(4)) {
            case 0 -> {
                return n.substring(0, i) + neighbour(c, rnd) + n.substring(i + 1);
            }
            case 1 -> {
                if (letters.size() > 2) {
                    return n.substring(0, i) + n.substring(i + 1);
                }
                return n.substring(0, i + 1) + c + n.substring(i + 1);
            }
            case 2 -> {
                return n.substring(0, i + 1) + c + n.substring(i + 1);
            }
            default -> {
                if (i + 1 < n.length() && n.charAt(i + 1) != c && Character.isLetter(n.charAt(i + 1))) {
                    return n.substring(0, i) + n.charAt(i + 1) + c + n.substring(i + 2);
                }
                return n.substring(0, i) + neighbour(c, rnd) + n.substring(i + 1);
            }
        }
    }

    private static char neighbour(char c, SplittableRandom rnd) {
        for (String row : KEYBOARD) {
            int at = row.indexOf(c);
            if (at >= 0) {
                if (at == 0) {
                    return row.charAt(1);
                }
                if (at == row.length() - 1) {
                    return row.charAt(at - 1);
                }
                return row.charAt(rnd.nextBoolean() ? at - 1 : at + 1);
            }
        }
        return c == 'A' ? 'S' : 'A';
    }

    private static String title(String n, Person p, NameBank names, SplittableRandom rnd) {
        boolean muslim = p.family.religion.equals("ISLAM");
        String hajj = p.female ? "HJ. " : "H. ";
        String academic = p.female ? "DRA. " : "DRS. ";
        return switch (rnd.nextInt(5)) {
            case 0 -> names.prefixTitle(p.female, muslim, rnd) + " " + n;
            case 1 -> academic + (muslim ? hajj : "") + n;
            case 2 -> n + ", " + names.degree(rnd);
            case 3 -> n + " " + names.degree(rnd);
            default -> (muslim ? hajj : academic) + n + ", " + names.degree(rnd);
        };
    }

    private static String punctuation(String n, SplittableRandom rnd) {
        if (n.indexOf('\'') >= 0 && rnd.nextBoolean()) {
            return n.replace("'", "");
        }
        List<String> t = tokens(n);
        if (t.size() < 2) {
            return n + ".";
        }
        int i = rnd.nextInt(t.size() - 1);
        return switch (rnd.nextInt(3)) {
            case 0 -> joinAt(t, i, "-");
            case 1 -> joinAt(t, i, ", ");
            default -> n + ".";
        };
    }

    private static String spacing(String n, SplittableRandom rnd) {
        List<String> t = tokens(n);
        int kind = t.size() < 2 ? 2 + rnd.nextInt(2) : rnd.nextInt(4);
        int i = t.size() < 2 ? 0 : rnd.nextInt(t.size() - 1);
        return switch (kind) {
            case 0 -> joinAt(t, i, "  ");
            case 1 -> joinAt(t, i, "");
            case 2 -> " " + n;
            default -> n + " ";
        };
    }

    /** The tokens joined by spaces, except between token {@code i} and {@code i + 1}. */
    private static String joinAt(List<String> t, int i, String sep) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < t.size(); k++) {
            if (k > 0) {
                b.append(k == i + 1 ? sep : " ");
            }
            b.append(t.get(k));
        }
        return b.toString();
    }

    /** The source's own letter case, or (with {@link ErrorKind#NAME_CASE}) another one. */
    static String letterCase(String n, boolean sourceUsesUpper, boolean caseError, SplittableRandom rnd) {
        if (!caseError) {
            return sourceUsesUpper ? n : Text.titleCase(n);
        }
        if (sourceUsesUpper) {
            return rnd.nextBoolean() ? Text.titleCase(n) : n.toLowerCase(Locale.ROOT);
        }
        return rnd.nextBoolean() ? n : n.toLowerCase(Locale.ROOT);
    }

    private static boolean has(long errors, ErrorKind kind) {
        return (errors & (1L << kind.ordinal())) != 0;
    }
}
