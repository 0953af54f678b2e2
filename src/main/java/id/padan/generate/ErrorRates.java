package id.padan.generate;

/**
 * How often each error family is planted. Unless noted, a rate is the probability per
 * program row (PKH, PBI_JKN, KIP); all lie in 0..1.
 *
 * @param nikBlankOrPlaceholder   NIK blank, {@code -}, {@code 0} or {@code 0000000000000000}
 * @param nikExcelScientific      NIK mangled by Excel ({@code 3.60301E+15}, {@code 3,60301E+15})
 * @param nikApostropheOrSpaces   leading apostrophe or surrounding spaces (the NIK itself is right)
 * @param nikWrongLength          15 or 17 digits
 * @param nikOneDigitWrong        one digit wrong
 * @param nikAdjacentSwap         two adjacent digits swapped
 * @param nikKkNumber             the family card number in the NIK column
 * @param nikParentOnChild        per row of a child (under 18) whose parent is in the registry: the parent's NIK
 * @param nikOtherPerson          another person's NIK
 * @param nameVariant             the name carries one (sometimes two) variants of family 2
 * @param birthDateVariant        the birth date carries one variant of family 3
 * @param sexWrong                the sex is the other one
 * @param regionOldCode           per row of a person living in a kecamatan renumbered by a split: the old code
 * @param regionMoved             the row lists the person in another kabupaten/kota
 * @param duplicatePerson         per person and program: listed twice or more under other record keys
 * @param deceasedStillListed     per deceased person and program they were enrolled in: still listed
 * @param notInRegistry           per person (population): not in the registry extract; newborns are
 *                                unregistered at 30 times this rate
 * @param registryPlaceholderBirthDate per registry person aged 40 or more: the registry holds a placeholder birth date
 * @param fileFaultPerKind        per data row of a file, for each row-damaging file fault (at least one each when above 0)
 */
public record ErrorRates(
        double nikBlankOrPlaceholder,
        double nikExcelScientific,
        double nikApostropheOrSpaces,
        double nikWrongLength,
        double nikOneDigitWrong,
        double nikAdjacentSwap,
        double nikKkNumber,
        double nikParentOnChild,
        double nikOtherPerson,
        double nameVariant,
        double birthDateVariant,
        double sexWrong,
        double regionOldCode,
        double regionMoved,
        double duplicatePerson,
        double deceasedStillListed,
        double notInRegistry,
        double registryPlaceholderBirthDate,
        double fileFaultPerKind) {

    public ErrorRates {
        double[] all = {nikBlankOrPlaceholder, nikExcelScientific, nikApostropheOrSpaces, nikWrongLength,
                nikOneDigitWrong, nikAdjacentSwap, nikKkNumber, nikParentOnChild, nikOtherPerson, nameVariant,
                birthDateVariant, sexWrong, regionOldCode, regionMoved, duplicatePerson, deceasedStillListed,
                notInRegistry, registryPlaceholderBirthDate, fileFaultPerKind};
        for (double r : all) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("every error rate must lie in 0..1, got " + r);
            }
        }
    }

    /** Rates roughly as seen in real extracts: about 10-15% of program rows carry at least one error. */
    public static ErrorRates defaults() {
        return new ErrorRates(
                0.012,  // NIK blank or placeholder
                0.004,  // Excel scientific notation
                0.008,  // apostrophe or spaces
                0.004,  // 15 or 17 digits
                0.006,  // one digit wrong
                0.004,  // adjacent digits swapped
                0.006,  // KK number
                0.03,   // parent's NIK on a child
                0.002,  // another person's NIK
                0.05,   // name variant
                0.02,   // birth date variant
                0.004,  // sex wrong
                0.10,   // old region code (rows in split kecamatan only)
                0.01,   // moved to another kabupaten
                0.01,   // duplicate person
                0.5,    // deceased still listed
                0.015,  // not in the registry
                0.03,   // registry placeholder birth date
                0.0005  // per damaging file fault, per row
        );
    }

    /** Every rate multiplied by {@code factor} (capped at 1). */
    public ErrorRates scaled(double factor) {
        if (!(factor >= 0)) {
            throw new IllegalArgumentException("error-rate multiplier must be 0 or more, got " + factor);
        }
        return new ErrorRates(
                cap(nikBlankOrPlaceholder * factor), cap(nikExcelScientific * factor),
                cap(nikApostropheOrSpaces * factor), cap(nikWrongLength * factor),
                cap(nikOneDigitWrong * factor), cap(nikAdjacentSwap * factor), cap(nikKkNumber * factor),
                cap(nikParentOnChild * factor), cap(nikOtherPerson * factor), cap(nameVariant * factor),
                cap(birthDateVariant * factor), cap(sexWrong * factor), cap(regionOldCode * factor),
                cap(regionMoved * factor), cap(duplicatePerson * factor), cap(deceasedStillListed * factor),
                cap(notInRegistry * factor), cap(registryPlaceholderBirthDate * factor),
                cap(fileFaultPerKind * factor));
    }

    private static double cap(double r) {
        return Math.min(1.0, r);
    }
}
