package id.padan.generate.internal;

import id.padan.generate.ErrorKind;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts of planted errors and of population facts, for the summary. */
final class Tally {
    private final long[] errors = new long[ErrorKind.values().length];
    final Map<String, Long> facts = new LinkedHashMap<>();

    void add(ErrorKind kind) {
        errors[kind.ordinal()]++;
    }

    long count(ErrorKind kind) {
        return errors[kind.ordinal()];
    }

    void fact(String name, long value) {
        facts.put(name, value);
    }

    void incrementFact(String name) {
        facts.merge(name, 1L, Long::sum);
    }

    Map<ErrorKind, Long> errorCounts() {
        Map<ErrorKind, Long> m = new EnumMap<>(ErrorKind.class);
        for (ErrorKind k : ErrorKind.values()) {
            if (errors[k.ordinal()] > 0) {
                m.put(k, errors[k.ordinal()]);
            }
        }
        return m;
    }
}
