package id.padan.link.internal;

import id.padan.link.compare.AddressLevel;
import id.padan.link.compare.DateLevel;
import id.padan.link.compare.KkLevel;
import id.padan.link.compare.NameComparator;
import id.padan.link.compare.NameLevel;
import id.padan.link.compare.NikLevel;
import id.padan.link.compare.RegionLevel;
import id.padan.link.compare.SexLevel;
import id.padan.link.model.Comparison;
import id.padan.link.model.MatchModel;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Compares a program row with a registry row (or, for deduplication, with another program row)
 * field by field, giving one level per {@link Comparison}, and weighs the levels with a model.
 *
 * <p>A NIK encodes its holder's kecamatan of issue (digits 1-6) and birth date and sex (digits 7-12,
 * day + 40 for women): a stranger whose NIK is one edit from the row's, outside those digits, agrees
 * on them too. So a repaired NIK needs support from a field the NIK does not encode ({@link
 * #supportsNikRepair}); {@link #impliedByNik} says which agreements the compared NIKs already imply.
 */
final class PairComparer {
    // Address similarity levels; addresses are long strings where Jaro-Winkler separates well at these.
    private static final double ADDRESS_HIGH = 0.92;
    private static final double ADDRESS_LOW = 0.80;
    private final NameComparator names;
    private final RegistryIndex registry;
    private final boolean tfName;
    private final boolean tfDate;
    private final Predicate<LocalDate> placeholder;

    PairComparer(NameComparator names, RegistryIndex registry, boolean tfName, boolean tfDate) {
        this(names, registry, tfName, tfDate, id.padan.standardise.DateParser::isPlaceholder);
    }

    PairComparer(NameComparator names, RegistryIndex registry, boolean tfName, boolean tfDate, Predicate<LocalDate> placeholder) {
        this.names = names;
        this.registry = registry;
        this.tfName = tfName;
        this.tfDate = tfDate;
        this.placeholder = placeholder;
    }

    int[] levels(LinkRow p, LinkRow r) {
        int[] l = new int[Comparison.COUNT];
        l[Comparison.NIK.ordinal()] = nik(p, r).ordinal();
        l[Comparison.NAME.ordinal()] = names.compare(p.name, r.name).ordinal();
        l[Comparison.BIRTH_DATE.ordinal()] = DateLevel.compare(p.birthDate, r.birthDate, placeholder).ordinal();
        l[Comparison.SEX.ordinal()] = SexLevel.compare(p.sex, r.sex).ordinal();
        l[Comparison.KK.ordinal()] = KkLevel.compare(p.kk, r.kk).ordinal();
        l[Comparison.REGION.ordinal()] = region(p, r).ordinal();
        l[Comparison.ADDRESS.ordinal()] = AddressLevel.compare(p.address, r.address, ADDRESS_HIGH, ADDRESS_LOW).ordinal();
        return l;
    }

    /**
     * Where the row places the person against where the registry knows them: the domicile, or the kecamatan their NIK
     * was issued in (its first six digits: where they lived when registered). A program lists a person who moved where
     * they were, so the row's region agreeing with the kecamatan of issue is the same person's place, not a stranger's.
     */
    static RegionLevel region(LinkRow p, LinkRow r) {
        RegionLevel domicile = RegionLevel.compare(p.region, r.region);
        if (!r.registry || domicile == RegionLevel.SAME_DESA || domicile == RegionLevel.SAME_KECAMATAN) return domicile;
        String issued = RegistryPlaces.issueKecamatan(r);
        if (issued == null) return domicile;
        RegionLevel issue = RegionLevel.compare(p.region, issued);
        boolean agrees = issue == RegionLevel.SAME_KECAMATAN || issue == RegionLevel.SAME_KABUPATEN;
        return agrees && (domicile == RegionLevel.NULL || issue.ordinal() < domicile.ordinal()) ? issue : domicile;
    }

    private NikLevel nik(LinkRow p, LinkRow r) {
        String target = target(r);
        if (p.digits == null || target == null) return NikLevel.NULL;
        NikLevel level = NikLevel.ofDigits(p.digits, target);
        if (!r.registry || (level != NikLevel.DIFFERENT && level != NikLevel.SAME_REGION_AND_DATE)) return level;
        if (p.digits.length() == 16) {
            if (p.digits.equals(r.kk)) return NikLevel.KK_IN_NIK_FIELD;
            LinkRow owner = registry.byNik.get(p.digits);
            if (owner != null && owner != r && r.kk != null && r.kk.equals(owner.kk)) return NikLevel.FAMILY_MEMBER_NIK;
        }
        return level;
    }

    private static String target(LinkRow r) {
        return r.registry ? r.digits : r.lookupKey();
    }

    /** The candidate weighed against the row: levels, total weight, the person's own attributes, and support of a repair. */
    ScoredCandidate score(MatchModel model, LinkRow p, LinkRow c) {
        int[] l = levels(p, c);
        NameLevel mother = motherLevel(p, c);
        boolean motherAgrees = mother != NameLevel.NULL && mother.ordinal() <= NameLevel.PHONETIC.ordinal();
        boolean dateImplied = impliedByNik(Comparison.BIRTH_DATE, l[Comparison.NIK.ordinal()], p, c);
        // Only a NIK encodes other fields; a repaired identifier of another kind (a benchmark's ID number)
        // is weighed with every other field as independent evidence, as before.
        boolean sameName = sameName(l, p, c);
        boolean supported = !isNik(p.digits) || supportsNikRepair(l, sameName, motherAgrees, dateImplied);
        return new ScoredCandidate(c, l, weight(model, l, p, c), attributeWeight(model, l, p, c), supported,
                mother == NameLevel.DIFFERENT, sameName, motherAgrees ? Math.max(0, model.weight(Comparison.NAME, mother.ordinal(), 0)) : 0);
    }

    /**
     * Whether the names are one name written two ways: alike at a fuzzy-high level or better, or variations of one
     * name (a typing slip in a short name, TNA / TINA; a common token mistyped, NI WYAN ARI / NI WAYAN ARI), not
     * another name. The second question is asked only where the answer is used: of an exact or repaired NIK, or of
     * one family card.
     */
    private boolean sameName(int[] l, LinkRow p, LinkRow c) {
        int name = l[Comparison.NAME.ordinal()];
        if (name == NameLevel.NULL.ordinal()) return false;
        if (name <= NameLevel.FUZZY_HIGH.ordinal()) return true;
        NikLevel nik = NikLevel.values()[l[Comparison.NIK.ordinal()]];
        boolean sameCard = l[Comparison.KK.ordinal()] == KkLevel.EXACT.ordinal();
        return (nik == NikLevel.EXACT || nik.isRepair() || sameCard) && !names.anotherName(p.name, c.name);
    }

    /** Whether the two rows' names are another name altogether, not a variation of one name. */
    boolean anotherName(LinkRow p, LinkRow r) {
        return names.anotherName(p.name, r.name);
    }

    /** How the mothers' names of two rows compare (NULL when either has none). */
    NameLevel motherLevel(LinkRow p, LinkRow r) {
        if (p.mother == null || r.mother == null) return NameLevel.NULL;
        return names.compare(p.mother, r.mother);
    }

    /** Total weight of a level vector (prior excluded), term-frequency adjusted. */
    double weight(MatchModel model, int[] levels, LinkRow p, LinkRow r) {
        double w = 0;
        for (double f : fieldWeights(model, levels, p, r)) w += f;
        return w;
    }

    /** The weight of one comparison of a pair, as {@link #fieldWeights} counts it. */
    double fieldWeight(MatchModel model, Comparison c, int[] levels, LinkRow p, LinkRow r) {
        return fieldWeights(model, levels, p, r)[c.ordinal()];
    }

    /** The weight of every comparison of a pair. */
    double[] fieldWeights(MatchModel model, int[] levels, LinkRow p, LinkRow r) {
        double[] w = new double[Comparison.COUNT];
        for (Comparison c : Comparison.values()) w[c.ordinal()] = fieldWeight(model, c, levels[c.ordinal()], p, r);
        return w;
    }

    private double fieldWeight(MatchModel model, Comparison c, int level, LinkRow p, LinkRow r) {
        if (level == c.nullLevel()) return 0;
        double tf = 0;
        if (level == 0 && c == Comparison.NAME && tfName) tf = registry.nameFrequency(r.name.key());
        if (level == 0 && c == Comparison.BIRTH_DATE && tfDate) tf = registry.dateFrequency(r.birthDate);
        return model.weight(c, level, tf);
    }

    /**
     * Whether the NIK comparison already implies this field's agreement: both are NIKs (15 to 17
     * digits) at a level that shares the digits encoding it (kecamatan: 1-6; birth date and sex: 7-12).
     */
    static boolean impliedByNik(Comparison c, int nikLevel, LinkRow p, LinkRow r) {
        NikLevel family = NikLevel.values()[nikLevel];
        if (family == NikLevel.FAMILY_MEMBER_NIK || family == NikLevel.KK_IN_NIK_FIELD) return c == Comparison.KK || c == Comparison.REGION;
        if (c != Comparison.BIRTH_DATE && c != Comparison.SEX && c != Comparison.REGION) return false;
        String target = target(r);
        if (p.digits == null || target == null || p.digits.length() < 15 || p.digits.length() > 17 || target.length() != 16) return false;
        NikLevel level = NikLevel.values()[nikLevel];
        return switch (level) {
            case EXACT, SAME_REGION_AND_DATE -> true;
            // a dropped or added digit shifts every later digit: the part before it is shared for certain
            case ONE_INSERTED_OR_DROPPED -> true;
            case ONE_DIGIT, ADJACENT_SWAP -> c == Comparison.REGION ? p.digits.regionMatches(0, target, 0, 6)
                    : p.digits.regionMatches(6, target, 6, 6);
            default -> false;
        };
    }

    /** Whether submitted digits are a NIK (16 digits, or 15/17 with one dropped or added). */
    static boolean isNik(String digits) {
        return digits != null && digits.length() >= 15 && digits.length() <= 17;
    }

    /**
     * Weight of name, birth date and sex together, each in full (not conditioned on the NIK): whether
     * the person's own attributes support the pair.
     */
    double attributeWeight(MatchModel model, int[] levels, LinkRow p, LinkRow r) {
        return fieldWeight(model, Comparison.NAME, levels[Comparison.NAME.ordinal()], p, r)
                + fieldWeight(model, Comparison.BIRTH_DATE, levels[Comparison.BIRTH_DATE.ordinal()], p, r)
                + fieldWeight(model, Comparison.SEX, levels[Comparison.SEX.ordinal()], p, r);
    }

    /**
     * Whether a repaired NIK has support from a field the NIK does not encode: a name that agrees ({@link #sameName}), the
     * same family card (for a repair of the digits), the same mother's name, or the same birth date when
     * the compared identifiers do not encode it (an identifier that is not a NIK, or a repair of the
     * NIK's date digits). A NIK sharing the kecamatan and the date with the person's (same region and date) needs it
     * like a repair. True for a pair whose NIK is not a repair.
     */
    static boolean supportsNikRepair(int[] levels, boolean nameAgrees, boolean motherAgrees, boolean dateImplied) {
        NikLevel nik = NikLevel.values()[levels[Comparison.NIK.ordinal()]];
        if (!nik.isRepair()) return true;
        if (nameAgrees) return true;
        if (motherAgrees) return true;
        if (!dateImplied && levels[Comparison.BIRTH_DATE.ordinal()] == DateLevel.EXACT.ordinal()) return true;
        // another NIK issued the same day in the same kecamatan (a serial the registry does not know, or mistyped
        // beyond one edit) shares the date, sex and kecamatan and nothing else: like a repair of the digits, the
        // same family card supports it
        boolean digitRepair = nik == NikLevel.ONE_DIGIT || nik == NikLevel.ADJACENT_SWAP || nik == NikLevel.ONE_INSERTED_OR_DROPPED
                || nik == NikLevel.SAME_REGION_AND_DATE;
        return digitRepair && levels[Comparison.KK.ordinal()] == KkLevel.EXACT.ordinal();
    }
}
