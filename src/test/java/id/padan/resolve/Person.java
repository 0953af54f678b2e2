package id.padan.resolve;

import java.time.LocalDate;

/** A reconciled person (golden record) of one run: registry values first, else the best the programs say. */
public record Person(long personId, String nik, String noKk, String name, LocalDate birthDate, Character sex,
                     String regionCode, LocalDate deathDate, boolean inDukcapil) {}
