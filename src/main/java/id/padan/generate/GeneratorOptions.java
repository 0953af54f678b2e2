package id.padan.generate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param persons    size of the true population (registry and non-registry people), at least 10
 * @param seed       seed of the one {@link java.util.SplittableRandom}: the same options give byte-identical files
 * @param asOf       reference date for ages, deaths, the file names and the PKH stage
 * @param errorRate  multiplier on {@code rates} (0 gives clean data, apart from the file format itself)
 * @param fileFaults whether to plant file-level faults (family 9); the PBI byte-order mark is format, not fault
 * @param rates      the base rates, before {@code errorRate}
 * @param density    how many times more people share one kecamatan code (the first six digits of
 *                   their NIK) than at the default spread: 1 is the default, 4 about Indonesia's average
 *                   (~38,000 people per kecamatan at national size), 16 a city's
 */
public record GeneratorOptions(int persons, long seed, LocalDate asOf, double errorRate, boolean fileFaults,
                               ErrorRates rates, int density) {

    public static final int DEFAULT_PERSONS = 2000;
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 23);

    public GeneratorOptions {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(rates, "rates");
        if (persons < 10) {
            throw new IllegalArgumentException("persons must be at least 10, got " + persons);
        }
        if (density < 1) {
            throw new IllegalArgumentException("density must be 1 or more, got " + density);
        }
        if (!(errorRate >= 0)) {
            throw new IllegalArgumentException("error rate must be 0 or more, got " + errorRate);
        }
    }

    /** Default as-of date, error rate 1.0, file faults on, default rates. */
    public static GeneratorOptions of(int persons, long seed) {
        return new GeneratorOptions(persons, seed, DEFAULT_AS_OF, 1.0, true, ErrorRates.defaults(), 1);
    }

    public GeneratorOptions withAsOf(LocalDate newAsOf) {
        return new GeneratorOptions(persons, seed, newAsOf, errorRate, fileFaults, rates, density);
    }

    public GeneratorOptions withErrorRate(double newErrorRate) {
        return new GeneratorOptions(persons, seed, asOf, newErrorRate, fileFaults, rates, density);
    }

    public GeneratorOptions withFileFaults(boolean newFileFaults) {
        return new GeneratorOptions(persons, seed, asOf, errorRate, newFileFaults, rates, density);
    }

    public GeneratorOptions withRates(ErrorRates newRates) {
        return new GeneratorOptions(persons, seed, asOf, errorRate, fileFaults, newRates, density);
    }

    public GeneratorOptions withDensity(int newDensity) {
        return new GeneratorOptions(persons, seed, asOf, errorRate, fileFaults, rates, newDensity);
    }

    /** The rates actually applied: {@code rates} scaled by {@code errorRate}. */
    public ErrorRates effectiveRates() {
        return rates.scaled(errorRate);
    }
}
