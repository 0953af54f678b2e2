package id.padan.generate.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The findings each program row truly has under contract.md, from the generator's knowledge.
 * Counts that span rows (duplicates, coverage gaps) are over undamaged rows only: a damaged row
 * is never loaded.
 */
final class Truth {
    static final List<String> CODES = List.of("NIK_MISSING", "NIK_MALFORMED", "NIK_STRUCTURE", "NIK_CORRECTED",
            "NOT_IN_DUKCAPIL", "DUPLICATE_IN_PROGRAM", "DECEASED_BENEFICIARY", "GAP_PKH_NO_PBI",
            "GAP_PKH_CHILD_NO_KIP", "REGION_MISMATCH");

    private final int asOfDay;
    private final Set<String> provinces;
    private final int[] pkhRows;
    private final int[] pbiRows;
    private final int[] kipRows;
    private final boolean[] activePbi;

    Truth(Population population, List<ProgramRow> pkh, List<ProgramRow> pbi, List<ProgramRow> kip, LocalDate asOf,
          Set<String> provinces) {
        int n = population.persons().length;
        this.asOfDay = (int) asOf.toEpochDay();
        this.provinces = provinces;
        this.pkhRows = count(pkh, n);
        this.pbiRows = count(pbi, n);
        this.kipRows = count(kip, n);
        this.activePbi = new boolean[n];
        for (ProgramRow r : pbi) {
            if (r.damage == null && r.active) {
                activePbi[r.person.index] = true;
            }
        }
    }

    private static int[] count(List<ProgramRow> rows, int n) {
        int[] c = new int[n];
        for (ProgramRow r : rows) {
            if (r.damage == null) {
                c[r.person.index]++;
            }
        }
        return c;
    }

    /** {@code ;}-separated finding codes of the row, in the order of {@link #CODES}; empty for a damaged row. */
    String codes(ProgramRow r) {
        if (r.damage != null) {
            return "";
        }
        Person p = r.person;
        StringJoiner j = new StringJoiner(";");
        String nik = clean(r.nik);
        boolean missing = isMissing(nik);
        boolean sixteen = isSixteenDigits(nik);
        if (missing) {
            j.add("NIK_MISSING");
        } else if (!sixteen) {
            j.add("NIK_MALFORMED");
        } else if (!structureValid(nik)) {
            j.add("NIK_STRUCTURE");
        }
        if (!missing && p.inRegistry && !nik.equals(Long.toString(p.nik))) {
            j.add("NIK_CORRECTED");
        }
        if (!p.inRegistry) {
            j.add("NOT_IN_DUKCAPIL");
        }
        int[] rows = switch (r.source) {
            case PKH -> pkhRows;
            case PBI_JKN -> pbiRows;
            default -> kipRows;
        };
        if (rows[p.index] >= 2) {
            j.add("DUPLICATE_IN_PROGRAM");
        }
        if (p.inRegistry && p.dead() && p.deathDay <= asOfDay) {
            j.add("DECEASED_BENEFICIARY");
        }
        if (r.source == Source.PKH && !activePbi[p.index]) {
            j.add("GAP_PKH_NO_PBI");
        }
        if (r.source == Source.PKH && p.age >= 6 && p.age <= 21 && kipRows[p.index] == 0) {
            j.add("GAP_PKH_CHILD_NO_KIP");
        }
        // A retired code from before a split is the same kabupaten under its old number, not a move.
        if (p.inRegistry && !r.has(id.padan.generate.ErrorKind.REGION_OLD_CODE) && !r.desa.regionMatches(0, p.family.desa, 0, 4)) {
            j.add("REGION_MISMATCH");
        }
        return j.toString();
    }

    /** The NIK after trivial cleaning: surrounding spaces and apostrophes removed. */
    static String clean(String nik) {
        int from = 0;
        int to = nik.length();
        while (from < to && (nik.charAt(from) == ' ' || nik.charAt(from) == '\'')) {
            from++;
        }
        while (to > from && (nik.charAt(to - 1) == ' ' || nik.charAt(to - 1) == '\'')) {
            to--;
        }
        return nik.substring(from, to);
    }

    static boolean isMissing(String cleaned) {
        if (cleaned.isEmpty() || cleaned.equals("-")) {
            return true;
        }
        for (int i = 0; i < cleaned.length(); i++) {
            if (cleaned.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    static boolean isSixteenDigits(String s) {
        if (s.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Known province and a possible embedded date (DD or DD+40, MM, YY in either century). */
    boolean structureValid(String nik) {
        if (!provinces.contains(nik.substring(0, 2))) {
            return false;
        }
        int dd = Integer.parseInt(nik.substring(6, 8));
        int mm = Integer.parseInt(nik.substring(8, 10));
        int yy = Integer.parseInt(nik.substring(10, 12));
        int day = dd > 40 ? dd - 40 : dd;
        if (day < 1 || day > 31 || mm < 1 || mm > 12) {
            return false;
        }
        return day <= java.time.YearMonth.of(2000 + yy, mm).lengthOfMonth()
                || day <= java.time.YearMonth.of(1900 + yy, mm).lengthOfMonth();
    }
}
