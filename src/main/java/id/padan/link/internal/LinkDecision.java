package id.padan.link.internal;

import id.padan.link.MatchSettings;
import id.padan.link.compare.AddressLevel;
import id.padan.link.compare.DateLevel;
import id.padan.link.compare.KkLevel;
import id.padan.link.compare.NameLevel;
import id.padan.link.compare.NikLevel;
import id.padan.link.compare.SexLevel;
import id.padan.link.model.Comparison;
import id.padan.link.model.MatchModel;
import java.time.LocalDate;
import java.util.Collection;

/**
 * The link decision, a pure function of a row's scored candidates and the settings: link the best
 * candidate, send it to a reviewer, or leave the row to become a person of its own.
 *
 * <p>The owner of the row's exact NIK is taken without a search only when the pair reaches
 * {@code accept}, the person's own attributes weigh at least {@code exact-nik-min-attribute-bits}, and
 * nothing contradicts it: not the birth date, not the family card, not the mother's name, not the
 * generation (a row sent as a pupil, or as a child, is not a registry person of its parents' generation:
 * see {@link #otherGeneration}), and the name is theirs (a NIK mistyped one serial digit onto a stranger born the
 * same day agrees on the date because the NIK does). Otherwise every candidate is weighed alike: a candidate is linked when its match probability reaches {@code accept}, it beats
 * every rival by {@code min-margin-bits} (see {@link #rivals}), the person's own attributes (name, birth
 * date, sex) weigh at least {@code min-attribute-bits} (a family card, a region or a relative's NIK in
 * common never link people on their own) or the row carries the person's own NIK with the same family
 * card and nothing contradicting, and a repaired NIK has support from a field the NIK does not encode.
 * A candidate the row cannot be ({@link #impossible}: of its parents' generation, or of its family and
 * born a generation apart under another name) is neither linked, nor a rival, nor sent to review. Otherwise the best
 * possible candidate goes to review when its probability reaches {@code review}. A row that would still become a person
 * of its own goes to review with its best {@linkplain #plausible plausible} candidate, one whose probability reaches
 * {@code review-unlinked} and which two independent pieces of evidence point to: a reviewer is asked about every row
 * the run is unsure about, instead of the row silently becoming a person the registry lacks.
 */
final class LinkDecision {
    /** What becomes of a row. */
    enum Kind { LINK, REVIEW, NEW_PERSON }

    /**
     * The decision about one row: {@code chosen} is the linked or reviewed candidate (null for a new
     * person), {@code runnerUp} the best other candidate's weight (NaN when not computed, minus
     * infinity when there was none), {@code candidates} how many were weighed.
     */
    record Outcome(Kind kind, ScoredCandidate chosen, double runnerUp, int candidates) {
        static Outcome newPerson(int candidates) {
            return new Outcome(Kind.NEW_PERSON, null, Double.NaN, candidates);
        }
    }

    private final double priorWeight;
    private final double accept;
    private final double review;
    private final double reviewUnlinked;
    private final double minMarginBits;
    private final double minAttributeBits;
    private final double exactNikMinAttributeBits;
    /** The run's as-of date, for ages (null: no age is known and no row is of another generation). */
    private final LocalDate asOf;

    /** A person at least this old on the as-of date is of the generation of a pupil's or a child's parents. */
    static final int PARENT_GENERATION_AGE = 30;

    LinkDecision(MatchSettings settings, double priorWeight, LocalDate asOf) {
        this(priorWeight, settings.accept(), settings.review(), settings.reviewUnlinked(), settings.minMarginBits(), settings.minAttributeBits(),
                settings.exactNikMinAttributeBits(), asOf);
    }

    /** Without {@code review-unlinked}: a row that neither links nor reaches {@code review} is a person of its own. */
    LinkDecision(double priorWeight, double accept, double review, double minMarginBits, double minAttributeBits,
                 double exactNikMinAttributeBits, LocalDate asOf) {
        this(priorWeight, accept, review, Double.POSITIVE_INFINITY, minMarginBits, minAttributeBits, exactNikMinAttributeBits, asOf);
    }

    LinkDecision(double priorWeight, double accept, double review, double reviewUnlinked, double minMarginBits, double minAttributeBits,
                 double exactNikMinAttributeBits, LocalDate asOf) {
        this.reviewUnlinked = reviewUnlinked;
        this.asOf = asOf;
        this.priorWeight = priorWeight;
        this.accept = accept;
        this.review = review;
        this.minMarginBits = minMarginBits;
        this.minAttributeBits = minAttributeBits;
        this.exactNikMinAttributeBits = exactNikMinAttributeBits;
    }

    /** The match probability of a candidate's weight with this decision's prior. */
    double probability(ScoredCandidate s) {
        return MatchModel.probability(priorWeight + s.weight());
    }

    /** Whether the owner of the row's exact NIK may be taken without a search (see the class comment). */
    boolean takesExactNikWithoutSearch(LinkRow row, ScoredCandidate owner) {
        return probability(owner) >= accept && owner.attributeWeight() >= exactNikMinAttributeBits
                && (owner.sameName() || notANik(owner)) && !contradicted(row, owner) && !impossible(row, owner);
    }

    /** Does anything the NIK does not settle contradict the pair: birth date, family card, generation? */
    boolean contradicted(LinkRow row, ScoredCandidate s) {
        int[] l = s.levels();
        int date = l[Comparison.BIRTH_DATE.ordinal()];
        if (date == DateLevel.DIFFERENT.ordinal() || date == DateLevel.GENERATION_APART.ordinal()) return true;
        if (l[Comparison.KK.ordinal()] == KkLevel.DIFFERENT.ordinal()) return true;
        if (s.motherDiffers()) return true;
        return otherGeneration(row, s);
    }

    /**
     * A row sent as a pupil is not a person {@value #PARENT_GENERATION_AGE} or older on the as-of date; a
     * row sent as a child or grandchild is not a registry head of family, spouse or parent that old.
     */
    boolean otherGeneration(LinkRow row, ScoredCandidate s) {
        LocalDate born = s.candidate().birthDate;
        if (!row.sentAsChild() || asOf == null || born == null || born.plusYears(PARENT_GENERATION_AGE).isAfter(asOf)) return false;
        return row.pupil || s.candidate().parentGeneration();
    }

    /**
     * A candidate the row cannot be, whatever its weight: one of its parents' generation ({@link #otherGeneration}),
     * or a member of the row's family born a generation apart ({@link DateLevel#GENERATION_APART}) under a name
     * that is not the row's (a son named like his father, carrying his father's NIK). The family is the same family
     * card, or a NIK the row carries that is the candidate's own, a relative's or their family card number. The same
     * name a generation apart may be a mistyped year, when day and month agree (a baby named like her sister, born
     * 13 years and six months later, is the sister's namesake); outside a family, so may any birth date. On one family
     * card, another birthday (not a typing error of the date: {@link DateLevel#DIFFERENT}) is another member, unless the
     * row carries the person's own NIK: a baby missing from the registry given her registered sister's name. On one
     * family card, the same birthday under another name altogether (not a variation of the name: {@link
     * ScoredCandidate#sameName}) is another member too, a twin, unless the row carries the person's own NIK: twins'
     * NIKs are one serial apart, so a twin missing from the registry carries what looks like a mistyped NIK of the
     * registered one, with the same card, mother, kecamatan and birth date, and only the name tells them apart.
     */
    boolean impossible(LinkRow row, ScoredCandidate s) {
        int[] l = s.levels();
        boolean generationApart = l[Comparison.BIRTH_DATE.ordinal()] == DateLevel.GENERATION_APART.ordinal()
                && (l[Comparison.NAME.ordinal()] > NameLevel.PHONETIC.ordinal() || !onlyTheYearDiffers(row, s.candidate()))
                && sameFamily(row, s);
        boolean sameCard = l[Comparison.KK.ordinal()] == KkLevel.EXACT.ordinal();
        boolean otherPlace = sameCard && otherPlaceInTheFamily(row, s.candidate());
        boolean otherBirthday = sameCard && l[Comparison.BIRTH_DATE.ordinal()] == DateLevel.DIFFERENT.ordinal()
                && l[Comparison.NIK.ordinal()] != NikLevel.EXACT.ordinal();
        boolean twin = sameCard && l[Comparison.BIRTH_DATE.ordinal()] == DateLevel.EXACT.ordinal() && l[Comparison.NIK.ordinal()] != NikLevel.EXACT.ordinal()
                && l[Comparison.NAME.ordinal()] > NameLevel.FUZZY_HIGH.ordinal() && l[Comparison.NAME.ordinal()] != NameLevel.NULL.ordinal() && !s.sameName();
        return generationApart || otherPlace || otherBirthday || twin || otherGeneration(row, s);
    }

    /**
     * The row and the registry person hold different places in a family: one is sent as a child or grandchild,
     * the other is a head, spouse or parent. A pupil is a child by age only ({@link #otherGeneration}): a pupil of
     * eighteen may be a spouse on her own family card. On one family card the places are the card's own, so a
     * row sent as a child of a family card is not the registry's head, spouse or parent on that card, at any age.
     */
    static boolean otherPlaceInTheFamily(LinkRow row, LinkRow c) {
        return (row.childByRelation() && c.parentGeneration()) || (row.parentGeneration() && c.childByRelation());
    }

    /** Whether two birth dates share day and month (a year mistyped, not another birthday), or cannot be told apart. */
    private static boolean onlyTheYearDiffers(LinkRow row, LinkRow c) {
        return row.birthDate == null || c.birthDate == null || (row.birthDate.getDayOfMonth() == c.birthDate.getDayOfMonth()
                && row.birthDate.getMonthValue() == c.birthDate.getMonthValue());
    }

    private static boolean sameFamily(LinkRow row, ScoredCandidate s) {
        int[] l = s.levels();
        if (l[Comparison.KK.ordinal()] == KkLevel.EXACT.ordinal()) return true;
        int nik = l[Comparison.NIK.ordinal()];
        boolean familyNik = nik == NikLevel.EXACT.ordinal() || nik == NikLevel.FAMILY_MEMBER_NIK.ordinal() || nik == NikLevel.KK_IN_NIK_FIELD.ordinal();
        return familyNik && PairComparer.isNik(row.digits);
    }

    /**
     * The row carries the candidate's own NIK, their family cards are the same, and nothing contradicts the pair
     * (birth date, mother, generation, sex, the place in the family: a row sent as a child is not the registry's
     * head, spouse or parent, nor the reverse, at any age): the person's own attributes need not weigh on their
     * own, the NIK and the family card are two independent pieces of evidence (a name sent differently, a date
     * missing).
     */
    boolean ownNikInItsFamily(LinkRow row, ScoredCandidate s) {
        int[] l = s.levels();
        return l[Comparison.NIK.ordinal()] == NikLevel.EXACT.ordinal() && l[Comparison.KK.ordinal()] == KkLevel.EXACT.ordinal()
                && l[Comparison.SEX.ordinal()] != SexLevel.DIFFERENT.ordinal() && !otherPlaceInTheFamily(row, s.candidate())
                && !contradicted(row, s);
    }

    /**
     * The sexes agree, or the row's differs from what its NIK encodes while the registry person's agrees with it (the
     * row's NIK is the person's own: a sex contradicting the row's own NIK is a slip in the sex field, not another
     * person). A NIK encodes the sex in its day of birth: 41 to 71 for a woman.
     */
    boolean sexAsTheNikSays(LinkRow row, ScoredCandidate s) {
        if (s.levels()[Comparison.SEX.ordinal()] != SexLevel.DIFFERENT.ordinal()) return true;
        LinkRow c = s.candidate();
        if (c.digits == null || c.digits.length() != 16 || !c.digits.equals(row.digits) || c.sex == null) return false;
        int day = (c.digits.charAt(6) - '0') * 10 + (c.digits.charAt(7) - '0');
        return c.sex == (day > 40 ? 'P' : 'L');
    }

    /**
     * The row carries the candidate's own NIK under the candidate's name (written the same or varied: reordered, the
     * same sounds, cut short, a typing slip, not another name), and nothing contradicts the pair (birth date, family
     * card, mother, generation, sex ({@link #sexAsTheNikSays}), the place in the family). The NIK encodes the
     * kecamatan, the birth date and the sex, not the name: the NIK and the name are two independent pieces of
     * evidence, enough to link without the accept
     * probability, which an exact NIK alone reaches only barely at national density (one NIK among millions weighs
     * about as much as the prior against any one pair). Rivals still count: the margin rule applies.
     */
    boolean ownNikUnderItsName(LinkRow row, ScoredCandidate s) {
        int[] l = s.levels();
        int name = l[Comparison.NAME.ordinal()];
        boolean sameName = name != NameLevel.NULL.ordinal() && (name <= NameLevel.FUZZY_HIGH.ordinal() || s.sameName());
        return l[Comparison.NIK.ordinal()] == NikLevel.EXACT.ordinal() && PairComparer.isNik(row.digits) && sameName
                && sexAsTheNikSays(row, s) && !otherPlaceInTheFamily(row, s.candidate()) && !contradicted(row, s);
    }

    /**
     * The row names the candidate's family card (its own family card, or a relative's NIK or the card's number in the
     * NIK field, which name the card too) and the candidate's name (written the same or varied, not another name),
     * the sexes agree, the place in the family is the candidate's and nothing contradicts the pair (birth date,
     * mother, generation): the family card and the name are two independent pieces of evidence, as the own NIK and
     * the family card are. A pair the model places at least in the review band is then linked under the margin
     * rule: the card's other members are the rivals (two sisters given one name stay a reviewer's call).
     */
    boolean familyCardUnderItsName(LinkRow row, ScoredCandidate s) {
        int[] l = s.levels();
        int nik = l[Comparison.NIK.ordinal()];
        boolean card = l[Comparison.KK.ordinal()] == KkLevel.EXACT.ordinal()
                || ((nik == NikLevel.FAMILY_MEMBER_NIK.ordinal() || nik == NikLevel.KK_IN_NIK_FIELD.ordinal()) && PairComparer.isNik(row.digits));
        return card && s.sameName() && s.supported() && l[Comparison.SEX.ordinal()] == SexLevel.SAME.ordinal()
                && !otherPlaceInTheFamily(row, s.candidate()) && !contradicted(row, s) && probability(s) >= review;
    }

    /**
     * The row names the candidate's mother (both name a mother, and the names are one name: alike, reordered or the same
     * sounds) and the candidate's own name (written the same or varied, not another name), the sexes agree, the place in
     * the family is the candidate's, nothing contradicts the pair (birth date, family card, generation) and the pair,
     * with the mother's name weighed as a name is, reaches {@code accept}. The mother's name is evidence the model's
     * fields do not hold: a pupil's row (KIP sends the mother's name, no family card) without NIK or birth date, or
     * registered in another kecamatan, names its person through the mother and the name. Siblings share the mother,
     * not the name; two siblings given one name are each other's rivals under the margin rule.
     */
    boolean motherUnderItsName(LinkRow row, ScoredCandidate s) {
        int[] l = s.levels();
        return s.motherWeight() > 0 && s.sameName() && s.supported() && l[Comparison.SEX.ordinal()] == SexLevel.SAME.ordinal()
                && !otherPlaceInTheFamily(row, s.candidate()) && !contradicted(row, s)
                && MatchModel.probability(priorWeight + s.weight() + s.motherWeight()) >= accept;
    }

    /**
     * The row carries a NIK issued the same day in the same kecamatan as the candidate's but with another serial (one
     * the registry does not know), and a family card that is not the candidate's: two identifiers of another person,
     * a namesake born the same day in the same kecamatan. Name and birth date agreeing are what namesakes share; such
     * a candidate is neither linked nor sent to review (it stays a rival of the others).
     */
    boolean namesakeOfAnotherFamily(ScoredCandidate s) {
        int[] l = s.levels();
        return l[Comparison.NIK.ordinal()] == NikLevel.SAME_REGION_AND_DATE.ordinal() && l[Comparison.KK.ordinal()] == KkLevel.DIFFERENT.ordinal();
    }

    /**
     * Whether {@code other} is a rival of the {@code eligible} candidate in the margin test: any candidate the row
     * can be whose repaired NIK has support (without it, its weight is the NIK's own date and kecamatan counted again:
     * a stranger born the same day in the same kecamatan, one serial away), except, against the owner of the NIK the row carries, a member of the owner's family whose own
     * attributes do not support it (a relative's NIK on a row is evidence for the relative only when name, birth
     * date and sex point to them).
     */
    boolean rivals(LinkRow row, ScoredCandidate eligible, ScoredCandidate other) {
        if (impossible(row, other) || !other.supported()) return false;
        boolean ownerAgainstRelative = eligible.levels()[Comparison.NIK.ordinal()] == NikLevel.EXACT.ordinal()
                && other.levels()[Comparison.NIK.ordinal()] == NikLevel.FAMILY_MEMBER_NIK.ordinal();
        return !ownerAgainstRelative || (other.attributeWeight() >= minAttributeBits && other.supported());
    }

    /**
     * Whether a candidate the row is not linked to may be sent to a reviewer: the row can be them, any repaired NIK
     * has support, and either the person's own attributes support the pair or the row carries their own NIK. A
     * family card, desa, address or a relative's NIK in common, against the person's own name, birth date and sex,
     * is a household, not a possible match: such a row is not undecided, it is a person the registry does not hold.
     */
    boolean reviewable(LinkRow row, ScoredCandidate s) {
        if (impossible(row, s) || !s.supported() || namesakeOfAnotherFamily(s)) return false;
        return s.attributeWeight() >= minAttributeBits || s.levels()[Comparison.NIK.ordinal()] == NikLevel.EXACT.ordinal();
    }

    /**
     * The person's own attributes support the pair: name, birth date and sex weigh at least {@code min-attribute-bits},
     * and the name is not a different name unless the birth date is the person's own ({@link #ownBirthDate}: a
     * placeholder date and the sex agreeing under another name are what two members of one household share) and the
     * address is not another address (another name at another address leaves the birth date alone, and a NIK mistyped
     * one serial digit onto a stranger born the same day in the same kecamatan agrees on it because the NIK does). An
     * identifier that is not a NIK (a benchmark's ID number, carried by people without households) is independent
     * evidence weighed with the rest, as {@code min-attribute-bits} says.
     */
    boolean ownAttributes(LinkRow row, ScoredCandidate s) {
        int[] l = s.levels();
        return s.attributeWeight() >= minAttributeBits && (notANik(s) || l[Comparison.NAME.ordinal()] != NameLevel.DIFFERENT.ordinal()
                || (ownBirthDate(l[Comparison.BIRTH_DATE.ordinal()]) && l[Comparison.ADDRESS.ordinal()] != AddressLevel.DIFFERENT.ordinal()));
    }

    /** The registry person's identifier is not a NIK (a benchmark's ID number): it encodes nothing of the person. */
    private static boolean notANik(ScoredCandidate s) {
        String id = s.candidate().digits;
        return id != null && !PairComparer.isNik(id);
    }

    /**
     * Whether two birth dates are one person's birth date, written the same or with a typing slip (day and month
     * swapped, the year off by one, one part differing), not a placeholder for an unknown day, not missing.
     */
    static boolean ownBirthDate(int dateLevel) {
        return dateLevel == DateLevel.EXACT.ordinal() || dateLevel == DateLevel.DAY_MONTH_SWAPPED.ordinal()
                || dateLevel == DateLevel.YEAR_OFF_BY_ONE.ordinal() || dateLevel == DateLevel.ONE_PART_DIFFERS.ordinal();
    }

    /** Link, review or new person, from every candidate weighed for the row. */
    Outcome decide(LinkRow row, Collection<ScoredCandidate> candidates) {
        if (candidates.isEmpty()) return Outcome.newPerson(0);
        // The best possible candidate, and the best one whose own attributes support the link.
        ScoredCandidate best = null, eligible = null;
        for (ScoredCandidate s : candidates) {
            if (impossible(row, s)) continue;
            if (reviewable(row, s) && (best == null || s.weight() > best.weight())) best = s;
            boolean attributes = ownAttributes(row, s) || ownNikInItsFamily(row, s) || ownNikUnderItsName(row, s) || familyCardUnderItsName(row, s)
                    || motherUnderItsName(row, s);
            if (attributes && s.supported() && !namesakeOfAnotherFamily(s) && (eligible == null || s.weight() > eligible.weight())) eligible = s;
        }
        if (eligible != null) {
            double rival = Double.NEGATIVE_INFINITY;
            for (ScoredCandidate s : candidates) if (s != eligible && rivals(row, eligible, s)) rival = Math.max(rival, s.weight());
            boolean probable = probability(eligible) >= accept || ownNikUnderItsName(row, eligible) || familyCardUnderItsName(row, eligible)
                    || motherUnderItsName(row, eligible);
            if (probable && eligible.weight() - rival >= minMarginBits) {
                return new Outcome(Kind.LINK, eligible, rival, candidates.size());
            }
        }
        if (best != null && probability(best) >= review) return new Outcome(Kind.REVIEW, best, Double.NaN, candidates.size());
        ScoredCandidate asked = null;
        for (ScoredCandidate s : candidates) if (plausible(row, s) && (asked == null || s.weight() > asked.weight())) asked = s;
        if (asked != null) return new Outcome(Kind.REVIEW, asked, Double.NaN, candidates.size());
        return Outcome.newPerson(candidates.size());
    }

    /**
     * Whether a candidate of a row that neither links nor reaches {@code review} is still a reviewer's question: the row
     * can be them (not {@link #impossible}, not a {@linkplain #namesakeOfAnotherFamily namesake of another family}), the
     * pair's probability reaches {@code review-unlinked}, and at least two independent pieces of evidence point to the
     * candidate, one of them the person's own: the name (written the same or varied), the birth date (the same or with a
     * typing slip, see {@link #ownBirthDate}), the candidate's own NIK or a supported repair of it; the others are the
     * family card and the address. Two such pieces are what the link's own rules take as evidence; here the model weighs
     * them too little (another name on the family card, a birth date missing, a NIK of an impossible province), so the
     * reviewer decides. The family card and the address alone are a household, never a question.
     */
    boolean plausible(LinkRow row, ScoredCandidate s) {
        if (probability(s) < reviewUnlinked || impossible(row, s) || namesakeOfAnotherFamily(s)) return false;
        int[] l = s.levels();
        int nik = l[Comparison.NIK.ordinal()];
        boolean ownNik = s.supported() && (nik == NikLevel.EXACT.ordinal() || nik == NikLevel.ONE_DIGIT.ordinal()
                || nik == NikLevel.ADJACENT_SWAP.ordinal() || nik == NikLevel.ONE_INSERTED_OR_DROPPED.ordinal());
        int name = l[Comparison.NAME.ordinal()];
        boolean sameName = s.sameName() || name <= NameLevel.FUZZY_HIGH.ordinal();
        boolean born = ownBirthDate(l[Comparison.BIRTH_DATE.ordinal()]);
        int own = (ownNik ? 1 : 0) + (sameName ? 1 : 0) + (born ? 1 : 0);
        int household = (l[Comparison.KK.ordinal()] == KkLevel.EXACT.ordinal() ? 1 : 0)
                + (l[Comparison.ADDRESS.ordinal()] == AddressLevel.EXACT.ordinal() ? 1 : 0);
        return own >= 1 && own + household >= 2;
    }
}
