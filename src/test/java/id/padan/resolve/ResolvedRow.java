package id.padan.resolve;

import id.padan.link.MatchMethod;

/**
 * One loaded row and the person it was resolved to, with how and how strongly it was linked. The
 * explanation of the link stays with the link ({@code padan.row_link}).
 */
public record ResolvedRow(String source, String recordKey, int lineNo, long personId, MatchMethod method, double score) {}
