package id.padan.generate.internal;

import id.padan.generate.ErrorKind;
import id.padan.generate.ErrorRates;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Decides which errors of families 1 to 8 each program row carries, then fixes the values
 * that decide its true findings (NIK, family card number, region). With {@code guarantee}
 * every kind with a rate above zero is planted at least once, so that even a small sample
 * shows every family.
 */
final class ErrorPlanner {
    private static final ErrorKind[] KINDS = ErrorKind.values();
    private static final ErrorKind[] NIK_KINDS = {ErrorKind.NIK_BLANK, ErrorKind.NIK_PLACEHOLDER,
            ErrorKind.NIK_EXCEL_SCIENTIFIC, ErrorKind.NIK_APOSTROPHE_OR_SPACES, ErrorKind.NIK_15_DIGITS,
            ErrorKind.NIK_17_DIGITS, ErrorKind.NIK_ONE_DIGIT_WRONG, ErrorKind.NIK_ADJACENT_SWAP,
            ErrorKind.NIK_KK_NUMBER, ErrorKind.NIK_PARENT_ON_CHILD, ErrorKind.NIK_OTHER_PERSON};

    private final Population population;
    private final ErrorRates rates;
    private final Tally tally;
    private final SplittableRandom rnd;
    private final boolean guarantee;

    ErrorPlanner(Population population, ErrorRates rates, Tally tally, SplittableRandom rnd, boolean guarantee) {
        this.population = population;
        this.rates = rates;
        this.tally = tally;
        this.rnd = rnd;
        this.guarantee = guarantee;
    }

    void plan(List<ProgramRow> rows) {
        for (ProgramRow r : rows) {
            planRow(r);
        }
        if (guarantee) {
            for (ErrorKind kind : ErrorKind.values()) {
                if (kind.family() <= 5 && rateOf(kind) > 0 && !present(rows, kind)) {
                    force(rows, kind);
                }
            }
        }
        for (ProgramRow r : rows) {
            materialise(r);
            for (ErrorKind kind : KINDS) {
                if (r.has(kind) && kind != ErrorKind.DUPLICATE_ROW) {
                    tally.add(kind);
                }
            }
        }
    }

    private void planRow(ProgramRow r) {
        Person p = r.person;
        // family 1: NIK
        ErrorKind nik = null;
        if (p.nik == 0) {
            // an unregistered newborn has no NIK: the column is blank or carries a family number
            double u = rnd.nextDouble();
            nik = u < 0.45 ? ErrorKind.NIK_BLANK : u < 0.75 || !hasParentNik(p, false) ? ErrorKind.NIK_KK_NUMBER
                    : ErrorKind.NIK_PARENT_ON_CHILD;
        } else if (eligibleNik(ErrorKind.NIK_PARENT_ON_CHILD, p) && rnd.nextDouble() < rates.nikParentOnChild()) {
            nik = ErrorKind.NIK_PARENT_ON_CHILD;
        } else {
            double u = rnd.nextDouble();
            double[] cumulative = {
                    rates.nikBlankOrPlaceholder() / 2, rates.nikBlankOrPlaceholder() / 2, rates.nikExcelScientific(),
                    rates.nikApostropheOrSpaces(), rates.nikWrongLength() / 2, rates.nikWrongLength() / 2,
                    rates.nikOneDigitWrong(), rates.nikAdjacentSwap(), rates.nikKkNumber(), 0,
                    rates.nikOtherPerson()};
            double acc = 0;
            for (int i = 0; i < NIK_KINDS.length; i++) {
                acc += cumulative[i];
                if (u < acc) {
                    nik = NIK_KINDS[i];
                    break;
                }
            }
        }
        // a duplicate listing often carries a NIK or a name variant
        boolean duplicateVariant = r.duplicate && rnd.nextDouble() < 0.8;
        boolean dupNik = duplicateVariant && rnd.nextBoolean();
        if (dupNik && nik == null) {
            nik = NIK_KINDS[rnd.nextInt(NIK_KINDS.length - 2)];
        }
        if (nik != null && eligibleNik(nik, p)) {
            r.add(nik);
        }
        // family 2: name
        if (rnd.nextDouble() < rates.nameVariant() || (duplicateVariant && !dupNik)) {
            int count = rnd.nextDouble() < 0.12 ? 2 : 1;
            for (int i = 0; i < count; i++) {
                r.add(pickEligible(NameVariants.KINDS, NameVariants.WEIGHTS, k -> NameVariants.eligible(k, p),
                        ErrorKind.NAME_TYPO));
            }
        }
        if (p.dead()) {
            r.add(ErrorKind.DECEASED_LISTED);
            if (rnd.nextDouble() < 0.3) {
                r.add(ErrorKind.NAME_ALM_PREFIX);
            }
        }
        if (!p.inRegistry) {
            r.add(ErrorKind.NOT_IN_REGISTRY);
        }
        // family 3: birth date
        if (p.recordedBirthDay != p.birthDay && rnd.nextBoolean()) {
            r.trueBirth = true;
            r.add(ErrorKind.DATE_REGISTRY_PLACEHOLDER);
        }
        if (rnd.nextDouble() < rates.birthDateVariant()) {
            int base = baseBirthDay(r);
            r.add(pickEligible(DateVariants.KINDS, DateVariants.WEIGHTS, k -> DateVariants.eligible(k, base),
                    ErrorKind.DATE_YEAR_OFF));
        }
        // family 4: sex
        if (rnd.nextDouble() < rates.sexWrong()) {
            r.add(ErrorKind.SEX_WRONG);
        }
        // family 5: region
        if (p.family.district.predecessor() != null && rnd.nextDouble() < rates.regionOldCode()) {
            r.add(ErrorKind.REGION_OLD_CODE);
        } else if (rnd.nextDouble() < rates.regionMoved()) {
            r.add(ErrorKind.REGION_MOVED);
        }
    }

    static int baseBirthDay(ProgramRow r) {
        return r.trueBirth ? r.person.birthDay : r.person.recordedBirthDay;
    }

    /** A kind drawn by weight among those {@code eligible} for the row; {@code fallback} if none is. */
    private ErrorKind pickEligible(ErrorKind[] kinds, int[] weights, Predicate<ErrorKind> eligible,
                                   ErrorKind fallback) {
        int total = 0;
        for (int i = 0; i < kinds.length; i++) {
            total += eligible.test(kinds[i]) ? weights[i] : 0;
        }
        if (total == 0) {
            return fallback;
        }
        int u = rnd.nextInt(total);
        for (int i = 0; i < kinds.length; i++) {
            if (eligible.test(kinds[i])) {
                u -= weights[i];
                if (u < 0) {
                    return kinds[i];
                }
            }
        }
        return fallback;
    }

    private static boolean hasParentNik(Person p, boolean registryOnly) {
        return (p.mother != null && (registryOnly ? p.mother.hasRegistryNik() : p.mother.nik != 0))
                || (p.father != null && (registryOnly ? p.father.hasRegistryNik() : p.father.nik != 0));
    }

    private static boolean eligibleNik(ErrorKind kind, Person p) {
        if (kind == ErrorKind.NIK_PARENT_ON_CHILD) {
            return p.age < 18 && hasParentNik(p, p.nik != 0);
        }
        return !NikFaults.needsOwnNik(kind) || p.nik != 0;
    }

    private boolean eligible(ErrorKind kind, ProgramRow r) {
        Person p = r.person;
        switch (kind.family()) {
            case 1 -> {
                for (ErrorKind k : NIK_KINDS) {
                    if (r.has(k)) {
                        return false;
                    }
                }
                return eligibleNik(kind, p);
            }
            case 2 -> {
                return NameVariants.eligible(kind, p);
            }
            case 3 -> {
                for (ErrorKind k : DateVariants.KINDS) {
                    if (r.has(k)) {
                        return false;
                    }
                }
                return kind != ErrorKind.DATE_REGISTRY_PLACEHOLDER && DateVariants.eligible(kind, baseBirthDay(r));
            }
            case 5 -> {
                return !r.has(ErrorKind.REGION_OLD_CODE) && !r.has(ErrorKind.REGION_MOVED)
                        && (kind != ErrorKind.REGION_OLD_CODE || p.family.district.predecessor() != null);
            }
            default -> {
                return true;
            }
        }
    }

    private double rateOf(ErrorKind kind) {
        return switch (kind) {
            case NIK_BLANK, NIK_PLACEHOLDER -> rates.nikBlankOrPlaceholder();
            case NIK_EXCEL_SCIENTIFIC -> rates.nikExcelScientific();
            case NIK_APOSTROPHE_OR_SPACES -> rates.nikApostropheOrSpaces();
            case NIK_15_DIGITS, NIK_17_DIGITS -> rates.nikWrongLength();
            case NIK_ONE_DIGIT_WRONG -> rates.nikOneDigitWrong();
            case NIK_ADJACENT_SWAP -> rates.nikAdjacentSwap();
            case NIK_KK_NUMBER -> rates.nikKkNumber();
            case NIK_PARENT_ON_CHILD -> rates.nikParentOnChild();
            case NIK_OTHER_PERSON -> rates.nikOtherPerson();
            case NAME_ALM_PREFIX -> rates.deceasedStillListed();
            case DATE_REGISTRY_PLACEHOLDER -> 0;   // follows the registry, not drawn per row
            case SEX_WRONG -> rates.sexWrong();
            case REGION_OLD_CODE -> rates.regionOldCode();
            case REGION_MOVED -> rates.regionMoved();
            default -> kind.family() == 2 ? rates.nameVariant() : kind.family() == 3 ? rates.birthDateVariant() : 0;
        };
    }

    private static boolean present(List<ProgramRow> rows, ErrorKind kind) {
        for (ProgramRow r : rows) {
            if (r.has(kind)) {
                return true;
            }
        }
        return false;
    }

    private void force(List<ProgramRow> rows, ErrorKind kind) {
        if (rows.isEmpty()) {
            return;
        }
        int start = rnd.nextInt(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            ProgramRow r = rows.get((start + k) % rows.size());
            if (eligible(kind, r)) {
                r.add(kind);
                return;
            }
        }
    }

    /** Fixes the NIK, family card number and region the row carries. */
    private void materialise(ProgramRow r) {
        Person p = r.person;
        SplittableRandom rr = new SplittableRandom(r.seed ^ 0x5DEECE66DL);
        ErrorKind nikKind = null;
        for (ErrorKind k : NIK_KINDS) {
            if (r.has(k)) {
                nikKind = k;
            }
        }
        long other = 0;
        if (nikKind == ErrorKind.NIK_PARENT_ON_CHILD) {
            Person parent = p.mother != null && p.mother.nik != 0 && (p.father == null || p.father.nik == 0
                    || rr.nextInt(3) > 0) ? p.mother : p.father;
            other = parent.nik;
        } else if (nikKind == ErrorKind.NIK_OTHER_PERSON) {
            Person[] all = population.persons();
            Person o;
            do {
                o = all[rr.nextInt(all.length)];
            } while (o == p || !o.hasRegistryNik());
            other = o.nik;
        }
        r.nik = NikFaults.render(nikKind, p, other, rr);
        String kk = Long.toString(p.family.kk);
        if (nikKind == ErrorKind.NIK_EXCEL_SCIENTIFIC) {
            r.kk = NikFaults.excel(kk, r.nik.contains(","));
        } else {
            r.kk = rr.nextDouble() < rates.nikBlankOrPlaceholder() ? "" : kk;
        }
        if (r.has(ErrorKind.REGION_OLD_CODE)) {
            r.desa = p.family.district.predecessor() + p.family.desa.substring(6);
        } else if (r.has(ErrorKind.REGION_MOVED)) {
            List<Wilayah.Regency> regencies = population.regencies();
            Wilayah.Regency other2;
            do {
                other2 = regencies.get(rr.nextInt(regencies.size()));
            } while (other2 == p.family.regency);
            Wilayah.District d = other2.districts().get(rr.nextInt(other2.districts().size()));
            r.desa = d.villages().get(rr.nextInt(d.villages().size()));
        }
    }
}
