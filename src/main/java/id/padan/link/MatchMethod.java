package id.padan.link;

import id.padan.link.compare.NikLevel;

/**
 * How a row came to belong to its person: the one vocabulary of {@code padan.row_link.method},
 * {@code source_record.match_method}, the link explanation and {@code uncertain-methods} in
 * {@code config/reports.yml}. The link stage decides the first ten; resolution gives the last three
 * to rows that carry no link of their own. The database refuses any other word (CHECK constraints).
 */
public enum MatchMethod {
    /** The registry NIK equals the submitted one and the person's own attributes do not contradict it. */
    EXACT_NIK,
    /** NIK repairs, taken as evidence only: one digit off, two adjacent digits swapped, a digit dropped or
     * added, the family card number in the NIK field, a family member's NIK. */
    NIK_REPAIR_ONE_DIGIT,
    NIK_REPAIR_SWAP,
    NIK_REPAIR_LENGTH,
    NIK_REPAIR_KK_NUMBER,
    NIK_REPAIR_FAMILY,
    /** Linked by the Fellegi-Sunter model without NIK evidence. */
    PROBABILISTIC,
    /**
     * Not a link: the best candidate, left for a reviewer (finding REVIEW_POSSIBLE_MATCH). Resolution
     * gives it to a row whose only link this is: the row is undecided, its own person until a reviewer
     * decides, not a {@code NEW_PERSON} (so not NOT_IN_DUKCAPIL either).
     */
    REVIEW,
    /** Program rows of a person the registry lacks, joined among themselves: same NIK, or by the model. */
    DEDUP_SAME_NIK,
    DEDUP_PROBABILISTIC,
    /** A registry row (resolution). */
    REGISTRY,
    /** A program row without a link of its own, in a person through other rows' links (resolution). */
    LINKED_VIA_CLUSTER,
    /** A program row that is a person of its own (resolution). */
    NEW_PERSON;

    /** The method of an accepted registry link, named by how the submitted NIK relates to the person's. */
    public static MatchMethod ofNikLevel(NikLevel level) {
        return switch (level) {
            case EXACT -> EXACT_NIK;
            case ONE_DIGIT -> NIK_REPAIR_ONE_DIGIT;
            case ADJACENT_SWAP -> NIK_REPAIR_SWAP;
            case ONE_INSERTED_OR_DROPPED -> NIK_REPAIR_LENGTH;
            case KK_IN_NIK_FIELD -> NIK_REPAIR_KK_NUMBER;
            case FAMILY_MEMBER_NIK -> NIK_REPAIR_FAMILY;
            case SAME_REGION_AND_DATE, DIFFERENT, NULL -> PROBABILISTIC;
        };
    }
}
