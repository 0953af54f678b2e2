package id.padan.generate.internal;

/** A school: NPSN (8 digits) and name. */
record School(String npsn, String name) {}
