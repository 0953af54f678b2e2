package id.padan.deliver;

import java.util.List;

/**
 * What the deliver stage writes, bound from {@code config/reports.yml} and checked when loaded.
 *
 * @param language         {@code id} (Bahasa Indonesia, the default) or {@code en}
 * @param decisionCodes    findings listed with their evidence as rows needing a decision, most harmful first (every
 *                         reviewer file lists them in this order)
 * @param htmlMaxRows      how many rows of each finding code the national HTML page shows (a kabupaten/kota page, and
 *                         every CSV and XLSX, have all)
 * @param minScore         lowest match score of a link certain enough to correct a row from the registry
 * @param uncertainMethods match methods never certain enough to correct a row
 * @param uncertainCodes   findings that stop a row from being corrected until a person has looked at it
 * @param addedColumns     names of the columns added to corrected extracts: status, finding codes, corrected columns
 *                         (each with its finding or reason), the values sent in them, person id
 */
public record DeliverySettings(String language, List<String> decisionCodes, int htmlMaxRows, double minScore,
                               List<String> uncertainMethods, List<String> uncertainCodes, AddedColumns addedColumns) {

    public record AddedColumns(String status, String codes, String corrected, String sent, String personId) {
        public List<String> all() {
            return List.of(status, codes, corrected, sent, personId);
        }
    }

    public DeliverySettings withLanguage(String lang) {
        return new DeliverySettings(lang, decisionCodes, htmlMaxRows, minScore, uncertainMethods, uncertainCodes, addedColumns);
    }
}
