package id.padan.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.padan.link.compare.NikLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchMethodTest {
    @ParameterizedTest
    @CsvSource({
            "EXACT, EXACT_NIK",
            "ONE_DIGIT, NIK_REPAIR_ONE_DIGIT",
            "ADJACENT_SWAP, NIK_REPAIR_SWAP",
            "ONE_INSERTED_OR_DROPPED, NIK_REPAIR_LENGTH",
            "KK_IN_NIK_FIELD, NIK_REPAIR_KK_NUMBER",
            "FAMILY_MEMBER_NIK, NIK_REPAIR_FAMILY",
            "SAME_REGION_AND_DATE, PROBABILISTIC",
            "DIFFERENT, PROBABILISTIC",
            "NULL, PROBABILISTIC"})
    void anAcceptedLinkIsNamedByItsNikEvidence(NikLevel level, MatchMethod expected) {
        assertEquals(expected, MatchMethod.ofNikLevel(level));
    }
}
