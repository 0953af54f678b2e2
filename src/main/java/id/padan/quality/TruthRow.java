package id.padan.quality;

import java.util.Set;

/**
 * One physical data line of a generated extract and what is true about it: the real person it
 * belongs to, that person's registry NIK (null if the registry lacks them), whether the line is
 * damaged (a file-level fault that must not load), whether it carried its own correct NIK, and the
 * finding codes it truly has.
 */
public record TruthRow(String source, int lineNo, String recordKey, String person, String registryNik, boolean damaged,
                       boolean carriedCorrectNik, Set<String> codes) {}
