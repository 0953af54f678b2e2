package id.padan.link.internal;

import id.padan.link.compare.AddressLevel;
import id.padan.link.compare.DateLevel;
import id.padan.link.compare.KkLevel;
import id.padan.link.compare.NameComparator;
import id.padan.link.compare.NikLevel;
import id.padan.link.compare.RegionLevel;
import id.padan.link.compare.SexLevel;
import id.padan.link.model.Comparison;
import id.padan.link.model.MatchModel;

/**
 * Compares a program row with a registry row (or, for deduplication, with another program row)
 * field by field, giving one level per {@link Comparison}, and weighs the levels with a model.
 */
final class PairComparer {
    // Address similarity levels; addresses are long strings where Jaro-Winkler separates well at these.
    private static final double ADDRESS_HIGH = 0.92;
    private static final double ADDRESS_LOW = 0.80;
    private final NameComparator names;
    private final RegistryIndex registry;
    private final boolean tfName;
    private final boolean tfDate;

    PairComparer(NameComparator names, RegistryIndex registry, boolean tfName, boolean tfDate) {
        this.names = names;
        this.registry = registry;
        this.tfName = tfName;
        this.tfDate = tfDate;
    }

    int[] levels(LinkRow p, LinkRow r) {
        int[] l = new int[Comparison.COUNT];
        l[Comparison.NIK.ordinal()] = nik(p, r).ordinal();
        l[Comparison.NAME.ordinal()] = names.compare(p.name, r.name).ordinal();
        l[Comparison.BIRTH_DATE.ordinal()] = DateLevel.compare(p.birthDate, r.birthDate).ordinal();
        l[Comparison.SEX.ordinal()] = SexLevel.compare(p.sex, r.sex).ordinal();
        l[Comparison.KK.ordinal()] = KkLevel.compare(p.kk, r.kk).ordinal();
        l[Comparison.REGION.ordinal()] = RegionLevel.compare(p.region, r.region).ordinal();
        l[Comparison.ADDRESS.ordinal()] = AddressLevel.compare(p.address, r.address, ADDRESS_HIGH, ADDRESS_LOW).ordinal();
        return l;
    }

    private NikLevel nik(LinkRow p, LinkRow r) {
        String target = r.registry ? r.digits : r.lookupKey();
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

    /** Total weight of a level vector (prior excluded), term-frequency adjusted for exact names and dates. */
    double weight(MatchModel model, int[] levels, LinkRow p, LinkRow r) {
        double w = 0;
        for (Comparison c : Comparison.values()) w += fieldWeight(model, c, levels[c.ordinal()], p, r);
        return w;
    }

    double fieldWeight(MatchModel model, Comparison c, int level, LinkRow p, LinkRow r) {
        if (level == c.nullLevel()) return 0;
        double tf = 0;
        if (level == 0 && c == Comparison.NAME && tfName) tf = registry.nameFrequency(r.name.key());
        if (level == 0 && c == Comparison.BIRTH_DATE && tfDate) tf = registry.dateFrequency(r.birthDate);
        return model.weight(c, level, tf);
    }

    /** The candidate weighed against the row: levels, total weight and the weight of the person's own attributes. */
    ScoredCandidate score(MatchModel model, LinkRow p, LinkRow c) {
        int[] l = levels(p, c);
        return new ScoredCandidate(c, l, weight(model, l, p, c), attributeWeight(model, l, p, c));
    }

    /** Weight of name, birth date and sex together: whether the person's own attributes support the pair. */
    double attributeWeight(MatchModel model, int[] levels, LinkRow p, LinkRow r) {
        return fieldWeight(model, Comparison.NAME, levels[Comparison.NAME.ordinal()], p, r)
                + fieldWeight(model, Comparison.BIRTH_DATE, levels[Comparison.BIRTH_DATE.ordinal()], p, r)
                + fieldWeight(model, Comparison.SEX, levels[Comparison.SEX.ordinal()], p, r);
    }
}
