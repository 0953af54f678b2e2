package id.padan.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The linkage-quality measures of the quality specification, computed from one run's published
 * rows, persons and findings against a ground truth. Damaged rows are left out of every measure
 * except completeness; for NIK_CORRECTED, rows whose NIK was blank or a placeholder (truth code
 * NIK_MISSING) count neither way.
 */
public record QualityScore(long undamagedRows, long undamagedLoaded, long damagedRows, long damagedLoaded,
                           long predictedPairs, long truePairs, long truePredictedPairs,
                           long registryProgramRows, long resolvedToTrueNik, long resolvedToOtherRegistryPerson,
                           long carriedCorrectNikRows, long correctNikChanged,
                           Map<String, CodeScore> findings) {

    /** Precision and recall of one finding code over (source, record key) rows. */
    public record CodeScore(long flagged, long truth, long both) {
        public double precision() {
            return flagged == 0 ? (truth == 0 ? 1 : 0) : (double) both / flagged;
        }

        public double recall() {
            return truth == 0 ? (flagged == 0 ? 1 : 0) : (double) both / truth;
        }
    }

    public static final String REGISTRY = "DUKCAPIL";

    public static QualityScore compute(List<TruthRow> truth, List<LoadedRow> loaded, Map<Long, String> personNik,
                                       Map<String, Set<String>> findingsByCode) {
        Map<String, TruthRow> byKey = new HashMap<>();
        Set<String> undamagedKeys = new HashSet<>();
        for (TruthRow t : truth) {
            if (!t.damaged() && t.recordKey() != null) {
                byKey.put(key(t.source(), t.recordKey()), t);
                undamagedKeys.add(key(t.source(), t.recordKey()));
            }
        }
        Set<String> registryNiks = new HashSet<>();
        for (TruthRow t : truth) if (t.registryNik() != null) registryNiks.add(t.registryNik());

        Map<String, LoadedRow> loadedByKey = new HashMap<>();
        for (LoadedRow r : loaded) loadedByKey.put(key(r.source(), r.recordKey()), r);

        long undamaged = 0, undamagedLoaded = 0, damaged = 0, damagedLoaded = 0;
        for (TruthRow t : truth) {
            if (t.damaged()) {
                damaged++;
                if (t.recordKey() != null && !undamagedKeys.contains(key(t.source(), t.recordKey()))
                        && loadedByKey.containsKey(key(t.source(), t.recordKey()))) damagedLoaded++;
            } else {
                undamaged++;
                if (loadedByKey.containsKey(key(t.source(), t.recordKey()))) undamagedLoaded++;
            }
        }

        // Pairwise counts over loaded, undamaged rows.
        Map<Long, Long> perPredicted = new HashMap<>();
        Map<String, Long> perTrue = new HashMap<>();
        Map<String, Long> perBoth = new HashMap<>();
        for (LoadedRow r : loaded) {
            TruthRow t = byKey.get(key(r.source(), r.recordKey()));
            if (t == null) continue;
            perPredicted.merge(r.personId(), 1L, Long::sum);
            perTrue.merge(t.person(), 1L, Long::sum);
            perBoth.merge(r.personId() + "|" + t.person(), 1L, Long::sum);
        }
        long predicted = pairs(perPredicted.values()), trueP = pairs(perTrue.values()), both = pairs(perBoth.values());

        long regRows = 0, toTrue = 0, toOther = 0, carried = 0, changed = 0;
        for (TruthRow t : byKey.values()) {
            if (t.source().equals(REGISTRY)) continue;
            LoadedRow r = loadedByKey.get(key(t.source(), t.recordKey()));
            String nik = r == null ? null : personNik.get(r.personId());
            if (t.registryNik() != null) {
                regRows++;
                if (t.registryNik().equals(nik)) toTrue++;
                else if (nik != null && registryNiks.contains(nik)) toOther++;
            }
            if (t.carriedCorrectNik()) {
                carried++;
                if (!t.registryNik().equals(nik)) changed++;
            }
        }

        Map<String, CodeScore> codes = new TreeMap<>();
        Set<String> allCodes = new HashSet<>(findingsByCode.keySet());
        for (TruthRow t : byKey.values()) allCodes.addAll(t.codes());
        for (String code : allCodes) {
            Set<String> flagged = new HashSet<>(findingsByCode.getOrDefault(code, Set.of()));
            Set<String> truthSet = new HashSet<>();
            for (TruthRow t : byKey.values()) if (t.codes().contains(code)) truthSet.add(key(t.source(), t.recordKey()));
            flagged.retainAll(undamagedKeys);
            if (code.equals("NIK_CORRECTED")) {
                Set<String> blank = new HashSet<>();
                for (TruthRow t : byKey.values()) if (t.codes().contains("NIK_MISSING")) blank.add(key(t.source(), t.recordKey()));
                flagged.removeAll(blank);
                truthSet.removeAll(blank);
            }
            long inBoth = flagged.stream().filter(truthSet::contains).count();
            codes.put(code, new CodeScore(flagged.size(), truthSet.size(), inBoth));
        }
        return new QualityScore(undamaged, undamagedLoaded, damaged, damagedLoaded, predicted, trueP, both, regRows, toTrue, toOther,
                carried, changed, codes);
    }

    public double completeness() {
        return undamagedRows == 0 ? 1 : (double) undamagedLoaded / undamagedRows;
    }

    public double precision() {
        return predictedPairs == 0 ? 1 : (double) truePredictedPairs / predictedPairs;
    }

    public double recall() {
        return truePairs == 0 ? 1 : (double) truePredictedPairs / truePairs;
    }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double nikResolution() {
        return registryProgramRows == 0 ? 1 : (double) resolvedToTrueNik / registryProgramRows;
    }

    public double wrongPersonRate() {
        return registryProgramRows == 0 ? 0 : (double) resolvedToOtherRegistryPerson / registryProgramRows;
    }

    public double correctNikChangedRate() {
        return carriedCorrectNikRows == 0 ? 0 : (double) correctNikChanged / carriedCorrectNikRows;
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "completeness         %.5f  (%,d of %,d undamaged rows loaded; %,d of %,d damaged rows loaded)%n",
                completeness(), undamagedLoaded, undamagedRows, damagedLoaded, damagedRows));
        sb.append(String.format(Locale.ROOT, "pairwise precision   %.5f%npairwise recall      %.5f%npairwise F1          %.5f  (%,d predicted, %,d true, %,d both)%n",
                precision(), recall(), f1(), predictedPairs, truePairs, truePredictedPairs));
        sb.append(String.format(Locale.ROOT, "NIK resolution       %.5f  (%,d of %,d program rows of registry persons)%n",
                nikResolution(), resolvedToTrueNik, registryProgramRows));
        sb.append(String.format(Locale.ROOT, "wrong-person rate    %.5f  (%,d rows)%n", wrongPersonRate(), resolvedToOtherRegistryPerson));
        sb.append(String.format(Locale.ROOT, "correct NIK changed  %.5f  (%,d of %,d rows)%n", correctNikChangedRate(), correctNikChanged, carriedCorrectNikRows));
        sb.append(String.format(Locale.ROOT, "%n%-24s %9s %9s %9s %9s%n", "finding", "flagged", "true", "precision", "recall"));
        findings.forEach((code, s) -> sb.append(String.format(Locale.ROOT, "%-24s %,9d %,9d %9.4f %9.4f%n", code, s.flagged(), s.truth(), s.precision(), s.recall())));
        return sb.toString();
    }

    private static long pairs(Iterable<Long> counts) {
        long p = 0;
        for (long n : counts) p += n * (n - 1) / 2;
        return p;
    }

    private static String key(String source, String recordKey) {
        return source + '\u0000' + recordKey;
    }

    static List<String> codes(String joined) {
        List<String> out = new ArrayList<>();
        if (joined == null || joined.isBlank()) return out;
        for (String c : joined.split(";")) if (!c.isBlank()) out.add(c.strip());
        return out;
    }
}
