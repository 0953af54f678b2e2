package id.padan.generate.internal;

/** One true person of the synthetic population; fields are set once while the population is built. */
final class Person {
    static final int NO_DATE = Integer.MIN_VALUE;

    final int index;
    final Family family;
    final Relation relation;
    final boolean female;
    /** True birth date, epoch day. */
    final int birthDay;
    /** Birth date the registry holds (a placeholder for some older people), epoch day. */
    int recordedBirthDay;
    String name;
    String motherName;
    String birthPlace;
    String maritalStatus;
    /** Father and mother within the household, if any. */
    Person father;
    Person mother;
    /** Balinese birth order 1..4, or 0. */
    int birthOrder;
    /** The person's NIK, 0 for an unregistered newborn who has none yet. */
    long nik;
    boolean inRegistry = true;
    int deathDay = NO_DATE;
    /** True age in whole years on the as-of date. */
    int age;

    Person(int index, Family family, Relation relation, boolean female, int birthDay) {
        this.index = index;
        this.family = family;
        this.relation = relation;
        this.female = female;
        this.birthDay = birthDay;
        this.recordedBirthDay = birthDay;
    }

    String id() {
        return "P" + Text.pad(index + 1, 6);
    }

    boolean dead() {
        return deathDay != NO_DATE;
    }

    boolean hasRegistryNik() {
        return inRegistry && nik != 0;
    }
}
