package id.padan.link.internal;

import id.padan.link.MatchSettings.BlockingKey;
import java.util.ArrayList;
import java.util.List;

/** The blocking-key values of a row for one key; empty when the row lacks what the key needs. */
final class Blocking {
    private Blocking() {}

    static List<String> values(BlockingKey key, LinkRow r) {
        List<String> out = new ArrayList<>(2);
        switch (key) {
            case NAME_SORTED -> {
                if (!r.name.isEmpty()) out.add(r.name.sortedKey());
            }
            case BIRTH_DATE_NAME -> {
                if (r.birthDate != null) for (String k : r.nameKeys) out.add(r.birthDate + "|" + k);
            }
            case NIK_REGION_DATE -> {
                if (r.digits != null && r.digits.length() >= 15) out.add(r.digits.substring(0, 12));
            }
            case KECAMATAN_YEAR_NAME -> {
                if (r.birthDate != null && r.region != null && r.region.length() >= 6) {
                    String prefix = r.region.substring(0, 6) + "|" + r.birthDate.getYear() + "|";
                    for (String k : r.nameKeys) out.add(prefix + k);
                }
            }
            case BIRTH_DATE_KECAMATAN -> {
                // The kecamatan (first 6 digits), or a shorter area code as a source gives it.
                if (r.birthDate != null && r.region != null && r.region.length() >= 4) {
                    out.add(r.region.substring(0, Math.min(6, r.region.length())) + "|" + r.birthDate);
                }
            }
            case MOTHER_NAME -> {
                // the mother's name, tokens sorted: a pupil's row names its mother, and so does the registry
                if (r.mother != null && !r.mother.sortedKey().isEmpty()) out.add(r.mother.sortedKey());
            }
            case KK -> {
                // served by the registry's family-card index, not by a blocking index
            }
        }
        return out;
    }
}
