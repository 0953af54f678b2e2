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
                // the kecamatan, and for a registry row the kecamatan its NIK was issued in (a program lists people who moved where they were)
                if (r.birthDate != null) {
                    for (String kec : kecamatans(r)) {
                        String prefix = kec + "|" + r.birthDate.getYear() + "|";
                        for (String k : r.nameKeys) out.add(prefix + k);
                    }
                }
            }
            case BIRTH_DATE_KECAMATAN -> {
                // The kecamatan (first 6 digits), or a shorter area code as a source gives it; for a registry row also the
                // kecamatan its NIK was issued in.
                if (r.birthDate != null && r.region != null && r.region.length() >= 4) {
                    out.add(r.region.substring(0, Math.min(6, r.region.length())) + "|" + r.birthDate);
                }
                String issued = RegistryPlaces.issueKecamatan(r);
                if (r.birthDate != null && issued != null) out.add(issued + "|" + r.birthDate);
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

    /** The row's kecamatan (a region code of at least 6 digits) and, for a registry row, its NIK's kecamatan of issue. */
    private static List<String> kecamatans(LinkRow r) {
        List<String> out = new ArrayList<>(2);
        if (r.region != null && r.region.length() >= 6) out.add(r.region.substring(0, 6));
        String issued = RegistryPlaces.issueKecamatan(r);
        if (issued != null) out.add(issued);
        return out;
    }
}
