package id.padan.standardise;

import java.time.LocalDate;

/**
 * One loaded input row after standardisation, as it sits in {@code padan.staged_row}. Values a row
 * did not carry are null; {@code nikStatus} and {@code birthDateStatus} are never null. Region codes
 * are as far as the row knows them: {@code regionDesa} (10 digits) may be null where the source only
 * gives a kecamatan ({@code regionKec}, 6) and {@code regionKab} (4) is set whenever either is.
 */
public record StagedRow(
        String source,
        String recordKey,
        int lineNo,
        String nikRaw,
        String nik,
        String nikStatus,
        String nikProblem,
        String kk,
        String nameRaw,
        String name,
        String nameKey,
        boolean nameDeceased,
        LocalDate birthDate,
        String birthDateStatus,
        Character sex,
        String relation,
        String regionDesa,
        String regionKec,
        String regionKab,
        String regionStatus,
        LocalDate deathDate,
        String familyId,
        String motherName,
        String birthPlace,
        String programStatus,
        String component,
        String address) {

    /** The most precise region code the row has: desa, else kecamatan, else kabupaten; null if none. */
    public String regionCode() {
        return regionDesa != null ? regionDesa : regionKec != null ? regionKec : regionKab;
    }

    public boolean hasValidNik() {
        return "VALID".equals(nikStatus);
    }
}
