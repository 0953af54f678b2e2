package id.padan.ingest;

/** The canonical fields a source's columns are mapped onto; configuration names them in kebab/snake case. */
public enum Field {
    NIK, KK, NAME, BIRTH_DATE, SEX, RELATION, BIRTH_PLACE, MOTHER_NAME, DEATH_DATE, FAMILY_ID, PROGRAM_STATUS, COMPONENT, ADDRESS;

    /** The name used in {@code config/sources/*.yml}, e.g. {@code birth_date}. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
