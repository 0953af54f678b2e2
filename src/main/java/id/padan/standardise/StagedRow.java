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

    /** The columns of {@code padan.staged_row} after {@code run_id}, in the order {@link #values()} gives them. */
    public static final String COLUMNS = "source, record_key, line_no, nik_raw, nik, nik_status, nik_problem, kk, name_raw, name, name_key, "
            + "name_deceased, birth_date, birth_date_status, sex, relation, region_desa, region_kec, region_kab, region_status, "
            + "death_date, family_id, mother_name, birth_place, program_status, component, address";

    /** The most precise region code the row has: desa, else kecamatan, else kabupaten; null if none. */
    public String regionCode() {
        return regionDesa != null ? regionDesa : regionKec != null ? regionKec : regionKab;
    }

    public boolean hasValidNik() {
        return "VALID".equals(nikStatus);
    }
}
