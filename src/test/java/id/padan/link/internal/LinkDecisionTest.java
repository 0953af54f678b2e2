package id.padan.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.link.compare.AddressLevel;
import id.padan.link.compare.DateLevel;
import id.padan.link.compare.KkLevel;
import id.padan.link.compare.NameLevel;
import id.padan.link.compare.NikLevel;
import id.padan.link.compare.SexLevel;
import id.padan.link.internal.LinkDecision.Kind;
import id.padan.link.internal.LinkDecision.Outcome;
import id.padan.link.model.Comparison;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The link decision as a pure function of scored candidates: prior -14 bits, accept 0.99 (a total of
 * 6.63 bits, so a candidate weight of 20.63), review 0.5 (weight 14), margin 4 bits, own attributes
 * at least 0 bits, 4 bits for an exact NIK taken without search; as of 23 November 2026.
 */
class LinkDecisionTest {
    private static final java.time.LocalDate AS_OF = java.time.LocalDate.of(2026, 11, 23);
    private final LinkDecision decision = new LinkDecision(-14, 0.99, 0.5, 4, 0, 4, AS_OF);
    private final LinkRow row = Rows.program().nik("3201014501900001").name("SITI AMINAH").build();

    private static int[] levels(NikLevel nik, NameLevel name, DateLevel date, KkLevel kk) {
        int[] l = new int[Comparison.COUNT];
        for (Comparison c : Comparison.values()) l[c.ordinal()] = c.nullLevel();
        l[Comparison.NIK.ordinal()] = nik.ordinal();
        l[Comparison.NAME.ordinal()] = name.ordinal();
        l[Comparison.BIRTH_DATE.ordinal()] = date.ordinal();
        l[Comparison.KK.ordinal()] = kk.ordinal();
        return l;
    }

    private static ScoredCandidate candidate(double weight, double attributes) {
        return candidate(Rows.registry().build(), levels(NikLevel.NULL, NameLevel.EXACT, DateLevel.EXACT, KkLevel.NULL), weight, attributes, true);
    }

    private static ScoredCandidate candidate(LinkRow who, int[] levels, double weight, double attributes, boolean supported) {
        return new ScoredCandidate(who, levels, weight, attributes, supported);
    }

    @Test
    void noCandidateMakesANewPerson() {
        assertThat(decision.decide(row, List.of()).kind()).isEqualTo(Kind.NEW_PERSON);
    }

    @ParameterizedTest(name = "weight {0}: {1}")
    @CsvSource({"30, LINK", "20.7, LINK", "20.5, REVIEW", "14.1, REVIEW", "13.9, NEW_PERSON", "-5, NEW_PERSON"})
    void aSingleCandidateByItsProbability(double weight, Kind kind) {
        Outcome o = decision.decide(row, List.of(candidate(weight, 10)));
        assertThat(o.kind()).isEqualTo(kind);
        assertThat(o.chosen() == null).isEqualTo(kind == Kind.NEW_PERSON);
    }

    @Test
    void theLoneLinkedCandidateHasNoRunnerUp() {
        assertThat(decision.decide(row, List.of(candidate(30, 10))).runnerUp()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void twoNearEqualCandidatesAreAReviewersCall() {
        ScoredCandidate a = candidate(30, 10), b = candidate(28, 10);
        for (List<ScoredCandidate> order : List.of(List.of(a, b), List.of(b, a))) {
            Outcome o = decision.decide(row, order);
            assertThat(o.kind()).isEqualTo(Kind.REVIEW);
            assertThat(o.chosen()).isSameAs(a);
            assertThat(o.candidates()).isEqualTo(2);
        }
    }

    @Test
    void aClearWinnerIsLinkedWithItsRunnerUp() {
        ScoredCandidate a = candidate(30, 10), b = candidate(25.9, 10);
        for (List<ScoredCandidate> order : List.of(List.of(a, b), List.of(b, a))) {
            Outcome o = decision.decide(row, order);
            assertThat(o.kind()).isEqualTo(Kind.LINK);
            assertThat(o.chosen()).isSameAs(a);
            assertThat(o.runnerUp()).isEqualTo(25.9);
        }
    }

    @Test
    void familyEvidenceOnlyNeverLinksNorGoesToReview() {
        // family card, region and address agree, but name, birth date and sex weigh against the pair: a household
        // member, not a possible match (a baby missing from the registry beside its family)
        ScoredCandidate household = candidate(25, -6);
        assertThat(decision.reviewable(row, household)).isFalse();
        assertThat(decision.decide(row, List.of(household)).kind()).isEqualTo(Kind.NEW_PERSON);
        assertThat(decision.decide(row, List.of(candidate(10, -6))).kind()).isEqualTo(Kind.NEW_PERSON);
        // the same household evidence with the person's own attributes for it is a reviewer's call
        assertThat(decision.decide(row, List.of(candidate(20, 2))).kind()).isEqualTo(Kind.REVIEW);
    }

    @Test
    void aHouseholdCandidateAboveThePersonStillCountsAsARival() {
        ScoredCandidate person = candidate(30, 5), household = candidate(28, -3);
        Outcome o = decision.decide(row, List.of(person, household));
        assertThat(o.kind()).isEqualTo(Kind.REVIEW);
        assertThat(decision.decide(row, List.of(person, candidate(20, -3))).kind()).isEqualTo(Kind.LINK);
    }

    @Test
    void aRepairedNikWithoutSupportIsNotLinked() {
        LinkRow stranger = Rows.registry().build();
        ScoredCandidate unsupported = candidate(stranger, levels(NikLevel.ONE_DIGIT, NameLevel.DIFFERENT, DateLevel.EXACT, KkLevel.NULL), 30, 5, false);
        // a stranger born the same day in the same kecamatan: nothing but the NIK's own digits points to them, no review
        assertThat(decision.decide(row, List.of(unsupported)).kind()).isEqualTo(Kind.NEW_PERSON);
        ScoredCandidate supported = candidate(stranger, levels(NikLevel.ONE_DIGIT, NameLevel.EXACT, DateLevel.EXACT, KkLevel.NULL), 30, 5, true);
        assertThat(decision.decide(row, List.of(supported)).kind()).isEqualTo(Kind.LINK);
    }

    // ---- the exact NIK taken without search -------------------------------------------------------

    private ScoredCandidate owner(LinkRow owner, NameLevel name, DateLevel date, KkLevel kk, double weight, double attributes) {
        // the names are one name written two ways when alike at fuzzy-high or better
        return new ScoredCandidate(owner, levels(NikLevel.EXACT, name, date, kk), weight, attributes, true, false,
                name.ordinal() <= NameLevel.FUZZY_HIGH.ordinal());
    }

    @Test
    void anAgreeingOwnerIsTakenAtOnce() {
        LinkRow owner = Rows.registry().relation("HEAD").build();
        assertThat(decision.takesExactNikWithoutSearch(row, owner(owner, NameLevel.EXACT, DateLevel.EXACT, KkLevel.EXACT, 30, 11))).isTrue();
    }

    @Test
    void anExactNikWithAContradictingNameIsSearched() {
        LinkRow owner = Rows.registry().build();
        ScoredCandidate s = owner(owner, NameLevel.DIFFERENT, DateLevel.EXACT, KkLevel.NULL, 25, -5.9);
        assertThat(decision.takesExactNikWithoutSearch(row, s)).isFalse();
        // searched, it is not eligible on its own attributes, and no family card backs the NIK: a reviewer's call
        assertThat(decision.decide(row, List.of(s)).kind()).isEqualTo(Kind.REVIEW);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # what contradicts                      | date             | kk        | weight | attributes
            a birth date years apart                 | DIFFERENT        | EXACT     | 30     | 5
            a birth date decades apart               | GENERATION_APART | EXACT     | 30     | 5
            another family card                      | EXACT            | DIFFERENT | 30     | 11
            a pair below the accept probability      | EXACT            | NULL      | 20     | 11
            a name too weak on its own               | EXACT            | EXACT     | 30     | 3.4
            """)
    void anExactNikIsSearchedWhenSomethingContradictsIt(String what, DateLevel date, KkLevel kk, double weight, double attributes) {
        LinkRow owner = Rows.registry().build();
        assertThat(decision.takesExactNikWithoutSearch(row, owner(owner, NameLevel.EXACT, date, kk, weight, attributes))).as(what).isFalse();
    }

    @ParameterizedTest(name = "row sent as {0}, owner {1} born {2}: taken {3}")
    @CsvSource(delimiter = '|', textBlock = """
            CHILD      | HEAD   | 1970-01-05 | false
            CHILD      | SPOUSE | 1980-01-05 | false
            GRANDCHILD | PARENT | 1950-01-05 | false
            # on one family card a child is not its head at any age (both rows carry the card here)
            CHILD      | HEAD   | 1996-11-24 | false
            CHILD      | HEAD   | 1996-11-23 | false
            CHILD      | CHILD  | 1970-01-05 | true
            HEAD       | HEAD   | 1970-01-05 | true
            SPOUSE     | HEAD   | 1970-01-05 | true
            """)
    void aRowSentAsAChildIsNotTheNikOfItsParentsGeneration(String rowRelation, String ownerRelation, String born, boolean taken) {
        LinkRow child = Rows.program().relation(rowRelation).build();
        LinkRow owner = Rows.registry().relation(ownerRelation).born(born).build();
        assertThat(decision.takesExactNikWithoutSearch(child, owner(owner, NameLevel.EXACT, DateLevel.NULL, KkLevel.EXACT, 30, 11)))
                .isEqualTo(taken);
    }

    @Test
    void aPupilIsNeitherTakenNorLinkedAsTheNikOwnerOfItsParentsGeneration() {
        LinkRow pupil = Rows.program().pupil().build();
        LinkRow father = Rows.registry().relation("HEAD").born("1975-03-02").build();
        LinkRow child = Rows.registry().relation("CHILD").born("2012-06-01").build();
        ScoredCandidate owner = owner(father, NameLevel.ONE_SIDE_TRUNCATED_OR_SUBSET, DateLevel.NULL, KkLevel.EXACT, 31, 6);
        assertThat(decision.takesExactNikWithoutSearch(pupil, owner)).isFalse();
        // searched: the father can never be the pupil, so he is no rival either: the child is linked
        ScoredCandidate sibling = candidate(child, levels(NikLevel.FAMILY_MEMBER_NIK, NameLevel.EXACT, DateLevel.NULL, KkLevel.EXACT), 22, 12, true);
        Outcome o = decision.decide(pupil, List.of(owner, sibling));
        assertThat(o.kind()).isEqualTo(Kind.LINK);
        assertThat(o.chosen()).isSameAs(sibling);
        // without the child in the registry, the father is not even a reviewer's candidate
        assertThat(decision.decide(pupil, List.of(owner)).kind()).isEqualTo(Kind.NEW_PERSON);
        assertThat(decision.decide(row, List.of(owner, sibling)).kind()).as("the same pair for a row not sent as a child").isEqualTo(Kind.LINK);
        assertThat(decision.decide(row, List.of(owner, sibling)).chosen()).isSameAs(owner);
    }

    // ---- candidates the row cannot be ---------------------------------------------------------------

    @ParameterizedTest(name = "name {0}, birth dates {1}, NIK {2}, family card {3}: impossible {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # a son named like his father, carrying the father's NIK or in his family: another person
            ONE_SIDE_TRUNCATED_OR_SUBSET | GENERATION_APART | EXACT             | NULL  | true
            FUZZY_HIGH                   | GENERATION_APART | FAMILY_MEMBER_NIK | EXACT | true
            DIFFERENT                    | GENERATION_APART | NULL              | EXACT | true
            NULL                         | GENERATION_APART | KK_IN_NIK_FIELD   | NULL  | true
            # the same name a generation apart may be a mistyped year
            EXACT                        | GENERATION_APART | EXACT             | EXACT | false
            PHONETIC                     | GENERATION_APART | EXACT             | EXACT | false
            # outside a family, so may any birth date
            FUZZY_HIGH                   | GENERATION_APART | NULL              | NULL  | false
            FUZZY_HIGH                   | GENERATION_APART | ONE_DIGIT         | NULL  | false
            FUZZY_HIGH                   | DIFFERENT        | EXACT             | EXACT | false
            DIFFERENT                    | NULL             | EXACT             | EXACT | false
            """)
    void aFamilyMemberBornAGenerationApartUnderAnotherNameIsImpossible(NameLevel name, DateLevel date, NikLevel nik, KkLevel kk, boolean impossible) {
        ScoredCandidate s = candidate(Rows.registry().build(), levels(nik, name, date, kk), 30, 5, true);
        assertThat(decision.impossible(row, s)).isEqualTo(impossible);
    }

    @ParameterizedTest(name = "NIK {0}, name {1}, one name {2}, born {3}, card {4}: impossible {5}")
    @CsvSource({
            // a twin missing from the registry: the NIK one serial from the registered twin's, the card, the birthday
            "ONE_DIGIT, DIFFERENT, false, EXACT, EXACT, true",
            "NULL, DIFFERENT, false, EXACT, EXACT, true",
            // the person's own NIK under another name: not a twin
            "EXACT, DIFFERENT, false, EXACT, EXACT, false",
            // the name varied, not another name: the person
            "ONE_DIGIT, FUZZY_LOW, true, EXACT, EXACT, false",
            "ONE_DIGIT, FUZZY_HIGH, false, EXACT, EXACT, false",
            // another card, or none: nothing says they are siblings
            "ONE_DIGIT, DIFFERENT, false, EXACT, NULL, false",
            // no name to tell them apart
            "ONE_DIGIT, NULL, false, EXACT, EXACT, false"})
    void aTwinOnTheFamilyCardIsAnotherMember(NikLevel nik, NameLevel name, boolean oneName, DateLevel date, KkLevel kk, boolean impossible) {
        ScoredCandidate s = new ScoredCandidate(Rows.registry().build(), levels(nik, name, date, kk), 30, 5, true, false, oneName);
        assertThat(decision.impossible(row, s)).isEqualTo(impossible);
    }

    @Test
    void anIdentifierThatIsNotANikSaysNothingOfTheFamily() {
        // a benchmark's seven-digit ID number carried exactly, a birth date years off: a typing error, not a son
        LinkRow withId = Rows.program().nik("5827636").build();
        ScoredCandidate s = candidate(Rows.registry().build(), levels(NikLevel.EXACT, NameLevel.FUZZY_HIGH, DateLevel.GENERATION_APART, KkLevel.NULL), 30, 5, true);
        assertThat(decision.impossible(withId, s)).isFalse();
        assertThat(decision.impossible(row, s)).as("a NIK: the owner's son").isTrue();
    }

    @Test
    void anImpossibleCandidateIsNeitherLinkedNorARivalNorReviewed() {
        LinkRow father = Rows.registry().relation("HEAD").born("1990-01-01").build();
        LinkRow son = Rows.registry().relation("CHILD").born("2020-05-05").build();
        // the son's row carries the father's NIK: the father weighs more, but was born a generation before the row
        ScoredCandidate owner = owner(father, NameLevel.ONE_SIDE_TRUNCATED_OR_SUBSET, DateLevel.GENERATION_APART, KkLevel.EXACT, 33, 3);
        ScoredCandidate own = candidate(son, levels(NikLevel.FAMILY_MEMBER_NIK, NameLevel.FUZZY_HIGH, DateLevel.EXACT, KkLevel.EXACT), 31, 15, true);
        Outcome o = decision.decide(row, List.of(owner, own));
        assertThat(o.kind()).isEqualTo(Kind.LINK);
        assertThat(o.chosen()).isSameAs(own);
        assertThat(o.runnerUp()).isEqualTo(Double.NEGATIVE_INFINITY);
        // a son missing from the registry: nobody to link, nobody to review
        assertThat(decision.decide(row, List.of(owner)).kind()).isEqualTo(Kind.NEW_PERSON);
    }

    @Test
    void aRelativeWhoseOwnAttributesDoNotPointToThemIsNoRivalOfTheNikOwner() {
        LinkRow owner = Rows.registry().relation("HEAD").build();
        LinkRow wife = Rows.registry().relation("SPOUSE").build();
        // the row carries the owner's NIK; name and date tell nothing: the owner's NIK outweighs the wife's family tie by 3.5 bits
        ScoredCandidate own = owner(owner, NameLevel.DIFFERENT, DateLevel.NULL, KkLevel.EXACT, 29.3, -1.9);
        ScoredCandidate relative = candidate(wife, levels(NikLevel.FAMILY_MEMBER_NIK, NameLevel.DIFFERENT, DateLevel.NULL, KkLevel.EXACT), 25.8, -1.9, true);
        assertThat(decision.rivals(row, own, relative)).isFalse();
        Outcome o = decision.decide(row, List.of(own, relative));
        assertThat(o.kind()).isEqualTo(Kind.LINK);
        assertThat(o.chosen()).isSameAs(own);
        // a relative the row's name and date point to stays a rival
        ScoredCandidate named = candidate(wife, levels(NikLevel.FAMILY_MEMBER_NIK, NameLevel.EXACT, DateLevel.NULL, KkLevel.EXACT), 27, 8, true);
        assertThat(decision.rivals(row, own, named)).isTrue();
        // and against a candidate other than the NIK's owner, a relative is a rival as any other
        ScoredCandidate probabilistic = candidate(Rows.registry().build(), levels(NikLevel.NULL, NameLevel.EXACT, DateLevel.EXACT, KkLevel.EXACT), 30, 12, true);
        assertThat(decision.rivals(row, probabilistic, relative)).isTrue();
    }

    // ---- the row's own NIK in its own family ----------------------------------------------------------

    @ParameterizedTest(name = "row sent as {0}, registry {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            CHILD  | HEAD   | false
            CHILD  | SPOUSE | false
            HEAD   | CHILD  | false
            CHILD  | CHILD  | true
            HEAD   | HEAD   | true
            SPOUSE | HEAD   | true
            """)
    void theOwnNikWithoutANameNeedsTheSamePlaceInTheFamily(String rowRelation, String ownerRelation, boolean linked) {
        // a young mother's NIK on her baby's row (the baby missing from the registry), the date impossible, the name another
        LinkRow sent = Rows.program().relation(rowRelation).build();
        LinkRow owner = Rows.registry().relation(ownerRelation).born("2000-09-14").build();
        ScoredCandidate s = owner(owner, NameLevel.DIFFERENT, DateLevel.NULL, KkLevel.EXACT, 25, -1.9);
        assertThat(decision.ownNikInItsFamily(sent, s)).isEqualTo(linked);
    }

    @ParameterizedTest(name = "{0}: linked {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # what the pair shows besides the exact NIK              | kk        | date             | sex       | mother differs | linked
            the same family card, name sent otherwise, no date        | EXACT     | NULL             | SAME      | false          | true
            the same family card, name sent otherwise, a placeholder  | EXACT     | PLACEHOLDER      | NULL      | false          | true
            no family card to compare                                 | NULL      | NULL             | SAME      | false          | false
            another family card                                       | DIFFERENT | NULL             | SAME      | false          | false
            another sex                                               | EXACT     | NULL             | DIFFERENT | false          | false
            a birth date years apart                                  | EXACT     | DIFFERENT        | SAME      | false          | false
            another mother                                            | EXACT     | NULL             | SAME      | true           | false
            """)
    void theOwnNikWithTheSameFamilyCardNeedsNoNameWhenNothingContradictsIt(String what, KkLevel kk, DateLevel date, SexLevel sex,
                                                                           boolean motherDiffers, boolean linked) {
        int[] l = levels(NikLevel.EXACT, NameLevel.DIFFERENT, date, kk);
        l[Comparison.SEX.ordinal()] = sex.ordinal();
        // NIK and family card outweigh a name sent otherwise: probability above accept, own attributes below 0 bits
        ScoredCandidate s = new ScoredCandidate(Rows.registry().build(), l, 25, -1.9, true, motherDiffers);
        assertThat(decision.ownNikInItsFamily(row, s)).as(what).isEqualTo(linked);
        assertThat(decision.decide(row, List.of(s)).kind()).as(what).isEqualTo(linked ? Kind.LINK : Kind.REVIEW);
    }

    @ParameterizedTest(name = "a pupil and a {0} born {1}: other generation {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            SPOUSE | 2005-02-01 | false
            SPOUSE | 1990-02-01 | true
            CHILD  | 1990-02-01 | true
            HEAD   | null       | false
            """)
    void aPupilIsOfAnotherGenerationThanPeopleThirtyOrOlder(String relation, String born, boolean other) {
        LinkRow pupil = Rows.program().pupil().build();
        LinkRow person = Rows.registry().relation(relation).born(born).build();
        ScoredCandidate s = owner(person, NameLevel.EXACT, DateLevel.NULL, KkLevel.EXACT, 30, 11);
        assertThat(decision.otherGeneration(pupil, s)).isEqualTo(other);
        assertThat(new LinkDecision(-14, 0.99, 0.5, 4, 0, 4, null).otherGeneration(pupil, s)).as("no as-of date, no age").isFalse();
    }

    @Test
    void anotherMotherContradictsTheExactNik() {
        LinkRow owner = Rows.registry().build();
        ScoredCandidate s = new ScoredCandidate(owner, levels(NikLevel.EXACT, NameLevel.EXACT, DateLevel.NULL, KkLevel.EXACT), 30, 11, true, true);
        assertThat(decision.takesExactNikWithoutSearch(row, s)).isFalse();
    }

    @Test
    void aPlaceholderDateIsNotAContradiction() {
        LinkRow owner = Rows.registry().build();
        assertThat(decision.takesExactNikWithoutSearch(row, owner(owner, NameLevel.EXACT, DateLevel.PLACEHOLDER, KkLevel.EXACT, 30, 9))).isTrue();
    }

    // ---- the own NIK under its name; relatives; places in one family ----------------------------------

    @ParameterizedTest(name = "{0}: linked {6}")
    @CsvSource(delimiter = '|', textBlock = """
            # what the pair shows besides the exact NIK (no family card on the row) | name       | date             | sex       | row    | owner  | linked
            the name as registered, no birth date, moved to another kabupaten      | EXACT      | NULL             | SAME      | HEAD   | HEAD   | true
            the name reordered, a placeholder date                                 | SAME_TOKENS_REORDERED | PLACEHOLDER | SAME | CHILD | CHILD | true
            the name with a typing slip                                            | FUZZY_HIGH | NULL             | NULL      | SPOUSE | SPOUSE | true
            a name only alike                                                      | FUZZY_LOW  | NULL             | SAME      | HEAD   | HEAD   | false
            another name                                                           | DIFFERENT  | NULL             | SAME      | HEAD   | HEAD   | false
            the name, but another sex                                              | EXACT      | NULL             | DIFFERENT | HEAD   | HEAD   | false
            the name, but a birth date years apart                                 | EXACT      | DIFFERENT        | SAME      | HEAD   | HEAD   | false
            the name, but sent as the child of a registry head                     | FUZZY_HIGH | NULL             | SAME      | CHILD  | HEAD   | false
            """)
    void theOwnNikUnderItsNameIsLinkedBelowTheAcceptProbability(String what, NameLevel name, DateLevel date, SexLevel sex,
                                                                 String rowRelation, String ownerRelation, boolean linked) {
        LinkRow sent = Rows.program().nik("3201014501900001").relation(rowRelation).build();
        LinkRow owner = Rows.registry().relation(ownerRelation).build();
        int[] l = levels(NikLevel.EXACT, name, date, KkLevel.NULL);
        l[Comparison.SEX.ordinal()] = sex.ordinal();
        // p 0.98 (weight 19.6): an exact NIK among millions and a name, the kabupaten another
        ScoredCandidate s = candidate(owner, l, 19.6, 8, true);
        assertThat(decision.probability(s)).isLessThan(0.99);
        assertThat(decision.ownNikUnderItsName(sent, s)).as(what).isEqualTo(linked);
        assertThat(decision.decide(sent, List.of(s)).kind()).as(what).isEqualTo(linked ? Kind.LINK : Kind.REVIEW);
    }

    @Test
    void theOwnNikUnderItsNameStillNeedsItsMargin() {
        LinkRow sent = Rows.program().nik("3201014501900001").build();
        ScoredCandidate own = candidate(Rows.registry().build(), levels(NikLevel.EXACT, NameLevel.EXACT, DateLevel.NULL, KkLevel.NULL), 19.6, 8, true);
        // a namesake born the same day, whose NIK is one digit off, the name agreeing too
        ScoredCandidate namesake = candidate(Rows.registry().build(), levels(NikLevel.ONE_DIGIT, NameLevel.EXACT, DateLevel.NULL, KkLevel.NULL), 17, 8, true);
        assertThat(decision.decide(sent, List.of(own, namesake)).kind()).isEqualTo(Kind.REVIEW);
        assertThat(decision.decide(sent, List.of(own)).kind()).isEqualTo(Kind.LINK);
    }

    @Test
    void aRelativeWhoseNikLacksSupportIsNoRivalOfTheNikOwner() {
        // a pupil's own NIK, another name sent, a placeholder date of the year of a sibling born the year before:
        // the sibling's attributes weigh a little (the placeholder, the sex) but nothing the NIK does not encode
        // points to them
        LinkRow owner = Rows.registry().relation("CHILD").build();
        LinkRow sibling = Rows.registry().relation("CHILD").build();
        ScoredCandidate own = owner(owner, NameLevel.DIFFERENT, DateLevel.PLACEHOLDER, KkLevel.EXACT, 27.9, 0.13);
        ScoredCandidate unsupported = candidate(sibling, levels(NikLevel.FAMILY_MEMBER_NIK, NameLevel.DIFFERENT, DateLevel.PLACEHOLDER, KkLevel.EXACT),
                24.5, 0.13, false);
        assertThat(decision.rivals(row, own, unsupported)).isFalse();
        Outcome o = decision.decide(row, List.of(own, unsupported));
        assertThat(o.kind()).isEqualTo(Kind.LINK);
        assertThat(o.chosen()).isSameAs(own);
        ScoredCandidate supported = new ScoredCandidate(sibling, unsupported.levels(), 24.5, 0.13, true);
        assertThat(decision.rivals(row, own, supported)).as("a sibling with the same mother's name, say").isTrue();
        assertThat(decision.decide(row, List.of(own, supported)).kind()).isEqualTo(Kind.REVIEW);
    }

    @ParameterizedTest(name = "row sent as {0}, registry {1} on the same family card: impossible {2}")
    @CsvSource(delimiter = '|', textBlock = """
            CHILD      | HEAD   | true
            GRANDCHILD | SPOUSE | true
            HEAD       | CHILD  | true
            SPOUSE     | CHILD  | true
            CHILD      | CHILD  | false
            HEAD       | SPOUSE | false
            OTHER      | HEAD   | false
            """)
    void onOneFamilyCardAChildIsNotItsParent(String rowRelation, String registryRelation, boolean impossible) {
        // BIN PONIMAN ADI HERU, sent as a child with his own NIK, no birth date: his father PONIMAN (27) is not him
        LinkRow sent = Rows.program().relation(rowRelation).build();
        LinkRow person = Rows.registry().relation(registryRelation).born("1999-03-20").build();
        ScoredCandidate sameCard = candidate(person, levels(NikLevel.FAMILY_MEMBER_NIK, NameLevel.ONE_SIDE_TRUNCATED_OR_SUBSET, DateLevel.NULL,
                KkLevel.EXACT), 38.9, 7, true);
        assertThat(decision.impossible(sent, sameCard)).isEqualTo(impossible);
        ScoredCandidate otherCard = candidate(person, levels(NikLevel.NULL, NameLevel.ONE_SIDE_TRUNCATED_OR_SUBSET, DateLevel.NULL,
                KkLevel.NULL), 20, 7, true);
        assertThat(decision.impossible(sent, otherCard)).as("without the same family card the places say nothing").isFalse();
    }

    @ParameterizedTest(name = "{0}: linked {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # the row's own NIK of a woman (day 53), no birth date, no family card     | row sex | registry sex | one name | linked
            SIAI ZAHRA for SITI ZAHRA (a common token mistyped), sent as a man       | L       | P            | true     | true
            the registry own sex not the one its NIK encodes, sent as a woman  | P       | L            | true     | false
            another name altogether, sent as a man                                   | L       | P            | false    | false
            SIAI ZAHRA, the sexes agreeing                                           | P       | P            | true     | true
            """)
    void theOwnNikUnderItsNameOutweighsASexFieldContradictingThatNik(String what, char rowSex, char registrySex, boolean oneName,
                                                                     boolean linked) {
        LinkRow sent = Rows.program().nik("3326035308780001").sex(rowSex).relation("SPOUSE").build();
        LinkRow owner = Rows.registry().nik("3326035308780001").sex(registrySex).relation("SPOUSE").build();
        int[] l = levels(NikLevel.EXACT, NameLevel.DIFFERENT, DateLevel.NULL, KkLevel.NULL);
        l[Comparison.SEX.ordinal()] = (rowSex == registrySex ? SexLevel.SAME : SexLevel.DIFFERENT).ordinal();
        ScoredCandidate s = new ScoredCandidate(owner, l, 19, -6, true, false, oneName);
        assertThat(decision.ownNikUnderItsName(sent, s)).as(what).isEqualTo(linked);
        assertThat(decision.decide(sent, List.of(s)).kind()).as(what).isEqualTo(linked ? Kind.LINK : Kind.REVIEW);
    }

    @ParameterizedTest(name = "the same name, born {0} and {1} on one family card: impossible {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-04-03 | 2011-10-03 | true
            2024-10-03 | 2011-10-03 | false
            2024-03-10 | 2011-10-03 | true
            """)
    void theSameNameAGenerationApartIsAMistypedYearOnlyOnTheSameDayAndMonth(String rowBorn, String registryBorn, boolean impossible) {
        // SITI MAEMUNAH, a baby missing from the registry with the family card in the NIK field, and her sister SITI MAEMUNAH
        LinkRow baby = Rows.program().nik("1107030506196000").born(rowBorn).relation("CHILD").build();
        LinkRow sister = Rows.registry().born(registryBorn).relation("CHILD").build();
        ScoredCandidate s = candidate(sister, levels(NikLevel.KK_IN_NIK_FIELD, NameLevel.EXACT, DateLevel.GENERATION_APART, KkLevel.EXACT), 22, 3.6, true);
        assertThat(decision.impossible(baby, s)).isEqualTo(impossible);
    }

    // ---- the family card and the name --------------------------------------------------------------

    private static ScoredCandidate onTheCard(LinkRow who, NikLevel nik, DateLevel date, SexLevel sex, double weight, boolean oneName) {
        int[] l = levels(nik, oneName ? NameLevel.EXACT : NameLevel.DIFFERENT, date, KkLevel.EXACT);
        l[Comparison.SEX.ordinal()] = sex.ordinal();
        return new ScoredCandidate(who, l, weight, oneName ? 9.6 : -1.9, true, false, oneName);
    }

    @ParameterizedTest(name = "{0}: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # HERU, head of a family card, sent without NIK and date  | date      | sex       | weight | one name | decided
            the card and the name, in the review band                | NULL      | SAME      | 18     | true     | LINK
            the card and another name (a household)                  | NULL      | SAME      | 18     | false    | NEW_PERSON
            the card and the name, the sexes differing               | NULL      | DIFFERENT | 18     | true     | REVIEW
            the card and the name, another birthday (a sister)       | DIFFERENT | SAME      | 18     | true     | NEW_PERSON
            the card and the name, below the review band             | NULL      | SAME      | 13     | true     | NEW_PERSON
            """)
    void theFamilyCardAndTheNameAreTwoPiecesOfEvidence(String what, DateLevel date, SexLevel sex, double weight, boolean oneName, Kind decided) {
        LinkRow sent = Rows.program().kk("3276082308266000").relation("HEAD").build();
        LinkRow heru = Rows.registry().kk("3276082308266000").relation("HEAD").build();
        assertThat(decision.decide(sent, List.of(onTheCard(heru, NikLevel.NULL, date, sex, weight, oneName))).kind()).as(what).isEqualTo(decided);
    }

    @Test
    void twoSistersGivenOneNameOnOneCardStayAReviewersCall() {
        // SITI KHOIRIYAH, a pupil carrying her mother's NIK, no birth date; two sisters of that name on the card
        LinkRow pupil = Rows.program().nik("1871110101770001").pupil().build();
        LinkRow older = Rows.registry().relation("CHILD").born("2003-07-02").build();
        LinkRow younger = Rows.registry().relation("CHILD").born("2005-01-03").build();
        ScoredCandidate a = onTheCard(older, NikLevel.FAMILY_MEMBER_NIK, DateLevel.NULL, SexLevel.SAME, 19, true);
        ScoredCandidate b = onTheCard(younger, NikLevel.FAMILY_MEMBER_NIK, DateLevel.NULL, SexLevel.SAME, 19, true);
        assertThat(decision.familyCardUnderItsName(pupil, a)).isTrue();
        assertThat(decision.decide(pupil, List.of(a, b)).kind()).isEqualTo(Kind.REVIEW);
        assertThat(decision.decide(pupil, List.of(a)).kind()).as("one sister of that name").isEqualTo(Kind.LINK);
    }

    @Test
    void aChildIsNotTheHeadOfItsCardByNameEither() {
        // AHMAD FAUZI's son sent as a child under his father's name, without a birth date
        LinkRow son = Rows.program().kk("3511062806216000").relation("CHILD").build();
        LinkRow father = Rows.registry().kk("3511062806216000").relation("HEAD").born("1990-03-22").build();
        assertThat(decision.familyCardUnderItsName(son, onTheCard(father, NikLevel.NULL, DateLevel.NULL, SexLevel.SAME, 18, true))).isFalse();
    }

    // ---- a row otherwise a person of its own, with a plausible candidate: review-unlinked -------------

    /** The same thresholds, with review-unlinked 0.01 (a candidate weight of about 7.4). */
    private final LinkDecision asking = new LinkDecision(-14, 0.99, 0.5, 0.01, 4, 0, 4, AS_OF);

    @ParameterizedTest(name = "{0}: {9}")
    @CsvSource(delimiter = '|', textBlock = """
            # what the row and the candidate share (the independent hard data's rows)     | NIK            | name      | birth date      | card  | address | weight | attributes | one name | decided
            a NIK one digit off on the family card, another name, no birth date            | ONE_DIGIT      | DIFFERENT | NULL            | EXACT | EXACT   | 22.9   | -1.9       | false    | REVIEW
            a relative's NIK on the family card, another name, the birth year off by one   | FAMILY_MEMBER_NIK | DIFFERENT | YEAR_OFF_BY_ONE | EXACT | NULL | 32.5   | 4.8        | false    | REVIEW
            the name and the address, a NIK of an impossible province, a placeholder date  | DIFFERENT      | EXACT     | PLACEHOLDER     | NULL  | EXACT   | 9.1    | 12.3       | true     | REVIEW
            the name and the birth year off by one, moved away, no NIK                     | NULL           | EXACT     | YEAR_OFF_BY_ONE | NULL  | NULL    | 12.1   | 14.7       | true     | REVIEW
            the family card and the address only, another name (a household)              | NULL           | DIFFERENT | NULL            | EXACT | EXACT   | 16     | -1.9       | false    | NEW_PERSON
            the name alone                                                                 | NULL           | EXACT     | NULL            | NULL  | NULL    | 12     | 9.6        | true     | NEW_PERSON
            the name and the birth date, below review-unlinked                             | NULL           | EXACT     | EXACT           | NULL  | NULL    | 7      | 14         | true     | NEW_PERSON
            the family card and the name, another birthday (a sister)                      | NULL           | EXACT     | DIFFERENT       | EXACT | NULL    | 18     | 3          | true     | NEW_PERSON
            """)
    void aRowLeftUnlinkedWithAPlausibleCandidateIsAskedAbout(String what, NikLevel nik, NameLevel name, DateLevel date, KkLevel kk, AddressLevel address,
                                                             double weight, double attributes, boolean oneName, Kind decided) {
        LinkRow sent = Rows.program().kk("3511062806216000").relation("CHILD").build();
        LinkRow person = Rows.registry().kk("3511062806216000").relation("CHILD").build();
        int[] l = levels(nik, name, date, kk);
        l[Comparison.SEX.ordinal()] = SexLevel.SAME.ordinal();
        l[Comparison.ADDRESS.ordinal()] = address.ordinal();
        boolean supported = nik != NikLevel.FAMILY_MEMBER_NIK;
        ScoredCandidate s = new ScoredCandidate(person, l, weight, attributes, supported, false, oneName);
        assertThat(decision.decide(sent, List.of(s)).kind()).as("without review-unlinked: " + what).isEqualTo(Kind.NEW_PERSON);
        Outcome o = asking.decide(sent, List.of(s));
        assertThat(o.kind()).as(what).isEqualTo(decided);
        if (decided == Kind.REVIEW) assertThat(o.chosen()).isSameAs(s);
    }

    @Test
    void theBestPlausibleCandidateIsAskedAboutNotAHouseholdWeighingMore() {
        // AURORA VICKY WASTUTI sent as AIRORA. VICKY without NIK or a valid date: her card's other members weigh as much
        LinkRow sent = Rows.program().kk("9171012904206000").relation("CHILD").build();
        int[] card = levels(NikLevel.NULL, NameLevel.DIFFERENT, DateLevel.NULL, KkLevel.EXACT);
        ScoredCandidate sister = new ScoredCandidate(Rows.registry().relation("CHILD").build(), card, 17, -1.9, true, false, false);
        ScoredCandidate aurora = new ScoredCandidate(Rows.registry().relation("CHILD").build(), card, 16, -1.9, true, false, true);
        Outcome o = asking.decide(sent, List.of(sister, aurora));
        assertThat(o.kind()).isEqualTo(Kind.REVIEW);
        assertThat(o.chosen()).isSameAs(aurora);
        assertThat(asking.decide(sent, List.of(sister)).kind()).as("the household alone").isEqualTo(Kind.NEW_PERSON);
    }

    // ---- namesakes and the exact NIK under another name ---------------------------------------------

    @ParameterizedTest(name = "family card {0}: {1}")
    @CsvSource({"DIFFERENT, NEW_PERSON", "NULL, LINK", "EXACT, LINK"})
    void aNamesakeOfAnotherFamilyIsNotTheRowsPerson(KkLevel kk, Kind decided) {
        // REZA MUSTOFA, born the same day in the same kecamatan, NIK serial 8000 the registry does not know
        LinkRow sent = Rows.program().nik("3173061903718000").kk("3173061909116000").build();
        LinkRow namesake = Rows.registry().nik("3173061903710001").build();
        ScoredCandidate s = candidate(namesake, levels(NikLevel.SAME_REGION_AND_DATE, NameLevel.EXACT, DateLevel.EXACT, kk), 30, 20, true);
        assertThat(decision.decide(sent, List.of(s)).kind()).isEqualTo(decided);
    }

    @Test
    void anExactNikUnderAnotherNameIsSearchedAndItsOneDigitNeighbourFound() {
        // JOSUA HUTAPEA's NIK mistyped one digit onto MUHAMMAD ZULKIFLI's, born the same day in the same kecamatan:
        // the date agrees because the NIK does, not because the row is his
        LinkRow sent = Rows.program().nik("1207260901870001").build();
        ScoredCandidate owner = new ScoredCandidate(Rows.registry().build(), levels(NikLevel.EXACT, NameLevel.DIFFERENT, DateLevel.EXACT,
                KkLevel.NULL), 30, 8, true, false, false);
        assertThat(decision.takesExactNikWithoutSearch(sent, owner)).isFalse();
        ScoredCandidate josua = new ScoredCandidate(Rows.registry().build(), levels(NikLevel.ONE_DIGIT, NameLevel.EXACT, DateLevel.EXACT,
                KkLevel.NULL), 36, 20, true, false, true);
        Outcome o = decision.decide(sent, List.of(owner, josua));
        assertThat(o.kind()).isEqualTo(Kind.LINK);
        assertThat(o.chosen()).isSameAs(josua);
    }

    @Test
    void anUnsupportedRepairIsNoRival() {
        // the row's own NIK under another name (KAMILA ZULAIKA sent as PUPUT GUNARDI), and PUPUT MULYANI born the same day,
        // one serial away, the name not hers: her weight is the NIK's own date and kecamatan counted again
        LinkRow sent = Rows.program().nik("7304105704250001").build();
        ScoredCandidate owner = new ScoredCandidate(Rows.registry().build(), levels(NikLevel.EXACT, NameLevel.DIFFERENT, DateLevel.EXACT,
                KkLevel.NULL), 32.4, 12.4, true, false, false);
        ScoredCandidate neighbour = new ScoredCandidate(Rows.registry().build(), levels(NikLevel.ONE_DIGIT, NameLevel.FUZZY_LOW,
                DateLevel.EXACT, KkLevel.NULL), 34.5, 18.7, false, false, false);
        assertThat(decision.rivals(sent, owner, neighbour)).isFalse();
        assertThat(decision.decide(sent, List.of(owner, neighbour)).chosen()).isSameAs(owner);
        assertThat(decision.decide(sent, List.of(owner, neighbour)).kind()).isEqualTo(Kind.LINK);
    }

    @ParameterizedTest(name = "{0}: eligible {3}")
    @CsvSource(delimiter = '|', textBlock = """
            another name, a placeholder date and the sex       | DIFFERENT | PLACEHOLDER     | false
            another name, the person's own birth date          | DIFFERENT | EXACT       | true
            another name, the person's birth year mistyped     | DIFFERENT | YEAR_OFF_BY_ONE | true
            a name alike, a placeholder date                   | FUZZY_HIGH | PLACEHOLDER | true
            """)
    void anotherNameNeedsThePersonsOwnBirthDate(String what, NameLevel name, DateLevel date, boolean eligible) {
        // KHRISNA KAREN ISMAIL's sister missing from the registry, sent as INDRA NURAINI on the family card
        ScoredCandidate s = candidate(Rows.registry().build(), levels(NikLevel.NULL, name, date, KkLevel.EXACT), 30, 0.1, true);
        assertThat(decision.ownAttributes(Rows.program().build(), s)).as(what).isEqualTo(eligible);
    }

    @Test
    void anotherNameAtAnotherAddressIsNotTakenOnTheBirthDateTheNikEncodes() {
        // ELMA RUSLI, sent with a NIK one serial digit off her own: that of YULIANA DJUNAEDI, born the same day in the same
        // kecamatan, living at another address; the birth date agrees because the NIK does, name and address do not
        LinkRow sent = Rows.program().nik("1673017108960001").build();
        int[] l = levels(NikLevel.EXACT, NameLevel.DIFFERENT, DateLevel.EXACT, KkLevel.NULL);
        l[Comparison.ADDRESS.ordinal()] = AddressLevel.DIFFERENT.ordinal();
        ScoredCandidate yuliana = new ScoredCandidate(Rows.registry().nik("1673017108960001").build(), l, 30.2, 12.7, true, false, false);
        assertThat(decision.ownAttributes(sent, yuliana)).isFalse();
        Outcome o = decision.decide(sent, List.of(yuliana));
        assertThat(o.kind()).as("the row's NIK is hers, so a reviewer decides").isEqualTo(Kind.REVIEW);
        // the same pair at the same address is the person under another name, born on her own birth date
        int[] home = levels(NikLevel.EXACT, NameLevel.DIFFERENT, DateLevel.EXACT, KkLevel.NULL);
        home[Comparison.ADDRESS.ordinal()] = AddressLevel.EXACT.ordinal();
        ScoredCandidate atHome = new ScoredCandidate(yuliana.candidate(), home, 30.2, 12.7, true, false, false);
        assertThat(decision.ownAttributes(sent, atHome)).isTrue();
        assertThat(decision.decide(sent, List.of(atHome)).kind()).isEqualTo(Kind.LINK);
    }

    @Test
    void anIdentifierThatIsNotANikKeepsItsWeightUnderAnotherName() {
        // a benchmark's seven-digit ID number carried exactly, the name badly typed, the date too: the ID encodes nothing
        LinkRow sent = Rows.program().nik("1234567").build();
        ScoredCandidate s = new ScoredCandidate(Rows.registry().nik("1234567").build(), levels(NikLevel.EXACT, NameLevel.DIFFERENT,
                DateLevel.DIFFERENT, KkLevel.NULL), 30, 5, true, false, false);
        assertThat(decision.takesExactNikWithoutSearch(sent, s)).isFalse(); // the date contradicts
        assertThat(decision.ownAttributes(sent, s)).isTrue();
        ScoredCandidate undated = new ScoredCandidate(s.candidate(), levels(NikLevel.EXACT, NameLevel.DIFFERENT, DateLevel.NULL,
                KkLevel.NULL), 30, 5, true, false, false);
        assertThat(decision.takesExactNikWithoutSearch(sent, undated)).as("taken at once, though the name is another").isTrue();
    }

    @Test
    void aMarriedPupilIsTakenAsTheSpouseSheIs() {
        // YUNI, 18, a pupil, carrying her own NIK; on her own family card she is the head's spouse
        LinkRow pupil = Rows.program().nik("3202205311081039").kk("3202200108262258").pupil().build();
        LinkRow yuni = Rows.registry().nik("3202205311081039").kk("3202200108262258").relation("SPOUSE").born("2008-11-13").build();
        ScoredCandidate s = owner(yuni, NameLevel.EXACT, DateLevel.EXACT, KkLevel.EXACT, 40, 20);
        assertThat(decision.impossible(pupil, s)).isFalse();
        assertThat(decision.takesExactNikWithoutSearch(pupil, s)).isTrue();
    }

    // ---- the mother's name and the name ------------------------------------------------------------

    /** A candidate of a pupil's row sent without NIK and family card, its mother's name weighing {@code mother} bits. */
    private static ScoredCandidate withMother(LinkRow who, NameLevel name, DateLevel date, SexLevel sex, double weight, boolean oneName,
                                              double mother) {
        int[] l = levels(NikLevel.NULL, name, date, KkLevel.NULL);
        l[Comparison.SEX.ordinal()] = sex.ordinal();
        return new ScoredCandidate(who, l, weight, oneName ? 9.6 : 1, true, false, oneName, mother);
    }

    @ParameterizedTest(name = "{0}: {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # UNANG RINI ARYANI, sent by KIP without NIK and birth date | name      | date        | sex       | weight | one name | mother | decided
            the mother and the name, in the review band                  | ONE_SIDE_TRUNCATED_OR_SUBSET | NULL        | SAME      | 17     | true     | 9.8    | LINK
            the mother and the name, a placeholder date of the same year | FUZZY_HIGH| PLACEHOLDER | SAME      | 16     | true     | 9.8    | LINK
            the name without the mother (another mother or none)         | ONE_SIDE_TRUNCATED_OR_SUBSET | NULL        | SAME      | 17     | true     | 0      | REVIEW
            the mother and another name (a sibling)                      | DIFFERENT | NULL        | SAME      | 17     | false    | 9.8    | REVIEW
            the mother and the name, the sexes differing                 | EXACT     | NULL        | DIFFERENT | 17     | true     | 9.8    | REVIEW
            the mother and the name, another birthday (a sibling)        | FUZZY_HIGH| DIFFERENT   | SAME      | 17     | true     | 9.8    | REVIEW
            the mother and the name, too little with the mother          | ONE_SIDE_TRUNCATED_OR_SUBSET | NULL        | SAME      | 8      | true     | 9.8    | NEW_PERSON
            """)
    void theMothersNameAndTheNameAreTwoPiecesOfEvidence(String what, NameLevel name, DateLevel date, SexLevel sex, double weight,
                                                          boolean oneName, double mother, Kind decided) {
        LinkRow pupil = Rows.program().mother("KAMILA ULI MELANI").pupil().build();
        LinkRow unang = Rows.registry().mother("KAMILA ULI MELANI").relation("CHILD").born("2017-12-20").build();
        assertThat(decision.decide(pupil, List.of(withMother(unang, name, date, sex, weight, oneName, mother))).kind()).as(what)
                .isEqualTo(decided);
    }

    @Test
    void twoSiblingsGivenOneNameByOneMotherStayAReviewersCall() {
        LinkRow pupil = Rows.program().mother("NUR MASYITAH").pupil().build();
        LinkRow older = Rows.registry().mother("NUR MASYITAH").relation("CHILD").born("2003-07-02").build();
        LinkRow younger = Rows.registry().mother("NUR MASYITAH").relation("CHILD").born("2005-01-03").build();
        ScoredCandidate a = withMother(older, NameLevel.EXACT, DateLevel.NULL, SexLevel.SAME, 17, true, 9.8);
        ScoredCandidate b = withMother(younger, NameLevel.EXACT, DateLevel.NULL, SexLevel.SAME, 17, true, 9.8);
        assertThat(decision.motherUnderItsName(pupil, a)).isTrue();
        assertThat(decision.decide(pupil, List.of(a, b)).kind()).isEqualTo(Kind.REVIEW);
        assertThat(decision.decide(pupil, List.of(a)).kind()).as("one child of that name").isEqualTo(Kind.LINK);
    }

    @Test
    void aPupilIsNotItsMotherOrFatherByTheirMothersName() {
        // a pupil named like his father whose grandmother shares the name of his mother: the father is of another generation
        LinkRow pupil = Rows.program().mother("SITI AMINAH").pupil().build();
        LinkRow father = Rows.registry().mother("SITI AMINAH").relation("HEAD").born("1980-03-22").build();
        assertThat(decision.motherUnderItsName(pupil, withMother(father, NameLevel.FUZZY_HIGH, DateLevel.NULL, SexLevel.SAME, 17, true, 9.8)))
                .isFalse();
    }
}
