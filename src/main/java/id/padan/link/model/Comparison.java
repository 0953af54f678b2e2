package id.padan.link.model;

import id.padan.link.compare.DateLevel;
import id.padan.link.compare.KkLevel;
import id.padan.link.compare.NameLevel;
import id.padan.link.compare.NikLevel;
import id.padan.link.compare.RegionLevel;
import id.padan.link.compare.SexLevel;
import java.util.Arrays;
import java.util.List;

/**
 * The field comparisons of the matching model, each an ordered list of labelled levels whose last
 * level is NULL (a missing value: weight 0, it neither supports nor opposes a match).
 */
public enum Comparison {
    NIK(NikLevel.values()),
    NAME(NameLevel.values()),
    BIRTH_DATE(DateLevel.values()),
    SEX(SexLevel.values()),
    KK(KkLevel.values()),
    REGION(RegionLevel.values());

    private final List<String> levels;

    Comparison(Enum<?>[] levels) {
        this.levels = Arrays.stream(levels).map(Enum::name).toList();
        if (!this.levels.get(this.levels.size() - 1).equals("NULL")) throw new IllegalStateException(name() + ": last level must be NULL");
    }

    public List<String> levels() {
        return levels;
    }

    public int levelCount() {
        return levels.size();
    }

    public int nullLevel() {
        return levels.size() - 1;
    }

    public static final int COUNT = values().length;
}
