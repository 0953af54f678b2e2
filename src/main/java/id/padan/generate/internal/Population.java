package id.padan.generate.internal;

import java.util.List;

/** The true population: families in region order, and every person by index. */
record Population(List<Wilayah.Regency> regencies, List<Family> families, Person[] persons) {}
