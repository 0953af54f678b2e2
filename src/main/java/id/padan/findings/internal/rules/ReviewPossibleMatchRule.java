package id.padan.findings.internal.rules;

import id.padan.findings.FindingCode;

/**
 * REVIEW_POSSIBLE_MATCH: the link stage left the row's best registry candidate for a reviewer (a link of method
 * REVIEW); its explanation says why ({@code review}) and names the candidate ({@code review_candidate}).
 */
final class ReviewPossibleMatchRule implements FindingRule {
    public FindingCode code() {
        return FindingCode.REVIEW_POSSIBLE_MATCH;
    }

    public String condition() {
        return "coalesce(r.explanation->>'review', '') <> ''";
    }

    public String detail() {
        return "'perlu diperiksa: ' || (r.explanation->>'review')";
    }

    public String json() {
        return "jsonb_build_object('review', r.explanation->'review', 'candidate', r.explanation->'review_candidate', 'method', r.match_method,"
                + " 'score', r.match_score, 'explanation', r.explanation)";
    }
}
