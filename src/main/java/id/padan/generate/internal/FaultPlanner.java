package id.padan.generate.internal;

import id.padan.generate.ErrorKind;
import id.padan.generate.ErrorRates;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Plans the file-level faults (family 9). A row is damaged only where the damage cannot change
 * another row's true findings: registry rows of people no program lists, and program rows of
 * people listed once in that program and not in PKH (or, for PKH, listed once there).
 */
final class FaultPlanner {
    static final ErrorKind[] ROW_FAULTS = {ErrorKind.FILE_WRONG_COLUMN_COUNT, ErrorKind.FILE_UNTERMINATED_QUOTE,
            ErrorKind.FILE_DELIMITER_IN_UNQUOTED_FIELD, ErrorKind.FILE_INVALID_BYTES};
    private static final String[] EXTRA_COLUMNS = {"KETERANGAN", "CATATAN", "PETUGAS_ENTRI"};

    private final ErrorRates rates;
    private final boolean enabled;
    private final Tally tally;
    private final SplittableRandom rnd;

    FaultPlanner(ErrorRates rates, boolean enabled, Tally tally, SplittableRandom rnd) {
        this.rates = rates;
        this.enabled = enabled;
        this.tally = tally;
        this.rnd = rnd;
    }

    /**
     * @param rows     each source's rows in writing order; the truncated file's last row may be swapped in place
     * @param eligible each source's test of which row index may be damaged
     */
    Map<Source, FilePlan> plan(Map<Source, List<?>> rows, Map<Source, IntPredicate> eligible) {
        Map<Source, FilePlan> plans = new EnumMap<>(Source.class);
        for (Source s : Source.values()) {
            plans.put(s, new FilePlan(s, rows.get(s).size()));
        }
        tally.add(ErrorKind.FILE_BOM);   // PBI's byte-order mark is part of its format
        if (!enabled) {
            return plans;
        }
        Source[] sources = Source.values();
        Source truncated = sources[rnd.nextInt(sources.length)];
        Source crlf = sources[rnd.nextInt(sources.length)];
        Source headerCase = sources[rnd.nextInt(sources.length)];
        Source headerSpaces = sources[rnd.nextInt(sources.length)];
        Source extra = sources[rnd.nextInt(sources.length)];
        Source blank1 = sources[rnd.nextInt(sources.length)];
        Source blank2 = sources[(blank1.ordinal() + 1 + rnd.nextInt(sources.length - 1)) % sources.length];

        for (Source s : sources) {
            FilePlan plan = plans.get(s);
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) rows.get(s);
            int n = list.size();
            IntPredicate ok = eligible.get(s);
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (ok.test(i)) {
                    candidates.add(i);
                }
            }
            if (s == truncated && !candidates.isEmpty() && n > 1) {
                int pick = candidates.remove(rnd.nextInt(candidates.size()));
                // move the chosen row to the end; the last row takes its place
                Object last = list.get(n - 1);
                list.set(n - 1, list.get(pick));
                list.set(pick, last);
                candidates.remove(Integer.valueOf(n - 1));
                if (pick != n - 1 && ok.test(pick)) {
                    candidates.add(pick);
                }
                plan.truncateLast = true;
                plan.damage[n - 1] = ErrorKind.FILE_TRUNCATED_ROW;
                tally.add(ErrorKind.FILE_TRUNCATED_ROW);
            }
            for (ErrorKind fault : ROW_FAULTS) {
                if (fault == ErrorKind.FILE_UNTERMINATED_QUOTE && !Layout.of(s).quoting()) {
                    continue;   // the registry does not quote: a '"' there is an ordinary character
                }
                long wanted = rates.fileFaultPerKind() <= 0 ? 0
                        : Math.max(1, Math.round(n * rates.fileFaultPerKind()));
                for (long k = 0; k < wanted && !candidates.isEmpty(); k++) {
                    int i = candidates.remove(rnd.nextInt(candidates.size()));
                    plan.damage[i] = fault;
                    tally.add(fault);
                }
            }
            if (s == crlf) {
                plan.crlf = true;
                tally.add(ErrorKind.FILE_CRLF);
            }
            if (s == headerCase) {
                plan.headerCase = 1 + rnd.nextInt(2);
                tally.add(ErrorKind.FILE_HEADER_CASE);
            }
            if (s == headerSpaces) {
                plan.headerSpaces = true;
                tally.add(ErrorKind.FILE_HEADER_SPACES);
            }
            if (s == extra) {
                plan.extraColumn = 1 + rnd.nextInt(Layout.of(s).columns().size());
                plan.extraColumnName = EXTRA_COLUMNS[rnd.nextInt(EXTRA_COLUMNS.length)];
                tally.add(ErrorKind.FILE_EXTRA_COLUMN);
            }
            if ((s == blank1 || s == blank2) && n > 0) {
                int count = 1 + rnd.nextInt(3) + n / 20_000;
                for (int k = 0; k < count; k++) {
                    int after = rnd.nextInt(n);
                    if (plan.truncateLast && after == n - 1) {
                        if (n < 2) {
                            continue;
                        }
                        after = n - 2;
                    }
                    plan.blankLinesAfter[after]++;
                    tally.add(ErrorKind.FILE_BLANK_LINES);
                }
            }
        }
        // Drawn last, so that every other fault of a seed stays where it was before this one existed.
        for (Source s : sources) {
            FilePlan plan = plans.get(s);
            int n = plan.damage.length;
            Layout layout = Layout.of(s);
            if (!layout.quoting() || layout.textColumn() == layout.nameColumn() || n == 0) {
                continue;   // only a quoting source's free text, never a name (a break there would change it)
            }
            long wanted = rates.fileFaultPerKind() <= 0 ? 0 : Math.max(1, Math.round(n * rates.fileFaultPerKind()));
            for (long k = 0; k < wanted; k++) {
                int i = rnd.nextInt(n);
                if (plan.damage[i] == null && !plan.multiLine[i]) {
                    plan.multiLine[i] = true;
                    tally.add(ErrorKind.FILE_MULTILINE_VALUE);
                }
            }
        }
        return plans;
    }
}
