package id.padan.ingest.internal;

import id.padan.ingest.ExtractReader;
import id.padan.ingest.ExtractRow;
import id.padan.ingest.Field;
import id.padan.ingest.SourceMapping;
import id.padan.reference.RegionReference;
import id.padan.standardise.DateParser;
import id.padan.standardise.KkCheck;
import id.padan.standardise.NikCheck;
import id.padan.standardise.NikCleaner;
import id.padan.standardise.ParsedDate;
import id.padan.standardise.RegionCode;
import id.padan.standardise.RegionCodes;
import id.padan.standardise.StagedRow;
import id.padan.standardise.name.NameStandardiser;
import id.padan.standardise.name.StandardName;

/**
 * Turns one split line of one source into a {@link StagedRow}: the source's columns are found by
 * header name once, then each value goes through the standardisation primitives. Never throws for
 * bad values: a bad NIK, date or code is kept as a status the findings can report on.
 */
final class RowStandardiser {
    private static final int MAX_VOCABULARY = 20_000;
    private final SourceMapping mapping;
    private final NikCleaner nikCleaner;
    private final NameStandardiser names;
    private final RegionCodes regions;
    private final DateParser dates;
    private final int key, nik, kk, name, birthDate, sex, relation, birthPlace, motherName, deathDate, familyId, programStatus, component;
    private final int[] regionParts;
    private final int desa, kecamatan;
    private final int[] fallback;
    private final int[] nameRest;
    private final int address;
    private final int[] addressRest;
    /** Values of few-valued columns seen so far, one instance each (see {@link #shared}). */
    private final java.util.Map<String, String> vocabulary = new java.util.HashMap<>();

    RowStandardiser(SourceMapping mapping, ExtractReader reader, NikCleaner nikCleaner, NameStandardiser names, RegionReference reference) {
        this.mapping = mapping;
        this.nikCleaner = nikCleaner;
        this.names = names;
        this.regions = new RegionCodes(reference);
        this.dates = new DateParser(mapping.dateFormat());
        this.key = reader.column(mapping.recordKey());
        this.nik = col(reader, Field.NIK);
        this.kk = col(reader, Field.KK);
        this.name = col(reader, Field.NAME);
        this.birthDate = col(reader, Field.BIRTH_DATE);
        this.sex = col(reader, Field.SEX);
        this.relation = col(reader, Field.RELATION);
        this.birthPlace = col(reader, Field.BIRTH_PLACE);
        this.motherName = col(reader, Field.MOTHER_NAME);
        this.deathDate = col(reader, Field.DEATH_DATE);
        this.familyId = col(reader, Field.FAMILY_ID);
        this.programStatus = col(reader, Field.PROGRAM_STATUS);
        this.component = col(reader, Field.COMPONENT);
        this.regionParts = mapping.region().parts().stream().mapToInt(reader::column).toArray();
        this.desa = mapping.region().desa() == null ? -1 : reader.column(mapping.region().desa());
        this.kecamatan = mapping.region().kecamatan() == null ? -1 : reader.column(mapping.region().kecamatan());
        this.fallback = mapping.region().fallback().stream().mapToInt(reader::column).toArray();
        this.address = col(reader, Field.ADDRESS);
        this.addressRest = mapping.joinedColumns().getOrDefault(Field.ADDRESS, java.util.List.of()).stream().mapToInt(reader::column).toArray();
        this.nameRest = mapping.joinedColumns().getOrDefault(Field.NAME, java.util.List.of()).stream().mapToInt(reader::column).toArray();
    }

    private int col(ExtractReader reader, Field field) {
        String header = mapping.columns().get(field);
        return header == null ? -1 : reader.column(header);
    }

    /** The row's record key as written (trimmed), or null when blank. */
    String recordKey(ExtractRow row) {
        return blankToNull(row.fields()[key]);
    }

    StagedRow standardise(ExtractRow row, String recordKey) {
        String[] f = row.fields();
        String nikRaw = get(f, nik);
        NikCheck nikCheck = nikCleaner.check(nikRaw);
        KkCheck kkCheck = kk < 0 ? null : nikCleaner.checkKk(get(f, kk));
        String nameRaw = get(f, name);
        for (int i : nameRest) {
            String part = get(f, i);
            if (part != null) nameRaw = nameRaw == null ? part : nameRaw + " " + part;
        }
        StandardName std = names.standardise(nameRaw);
        String display = same(emptyToNull(std.display()), nameRaw);
        ParsedDate born = dates.parse(get(f, birthDate));
        ParsedDate died = deathDate < 0 ? null : dates.parse(get(f, deathDate));
        String sexCode = mapping.code(Field.SEX, get(f, sex));
        RegionCode region = region(f);
        String rel = relation < 0 ? null : mapping.code(Field.RELATION, get(f, relation));
        if (rel == null && relation >= 0 && get(f, relation) != null) rel = "OTHER";
        return new StagedRow(
                mapping.source(), recordKey, row.lineNo(),
                nikRaw, nikCheck.digits(), nikCheck.status().name(), nikCheck.problem(),
                kkCheck == null ? null : kkCheck.digits(),
                nameRaw, display, same(emptyToNull(std.key()), display), std.deceasedMarker(),
                born.date(), born.status().name(),
                sexCode == null ? null : sexCode.charAt(0),
                rel,
                region.desa(), region.kecamatan(), region.kabupaten(), region.status().name(),
                died == null ? null : died.date(),
                get(f, familyId), get(f, motherName), shared(get(f, birthPlace)),
                programStatus < 0 ? null : mapping.code(Field.PROGRAM_STATUS, get(f, programStatus)),
                shared(get(f, component)),
                address(f));
    }

    /** The address written over one or more columns, upper-cased with punctuation and repeated spaces removed. */
    private String address(String[] f) {
        if (address < 0) return null;
        StringBuilder sb = new StringBuilder(48);
        String first = get(f, address);
        if (first != null) sb.append(first);
        for (int i : addressRest) {
            String part = get(f, i);
            if (part != null) sb.append(' ').append(part);
        }
        StringBuilder out = new StringBuilder(sb.length());
        for (int i = 0; i < sb.length(); i++) {
            char c = Character.toUpperCase(sb.charAt(i));
            if (!Character.isLetterOrDigit(c)) c = ' ';
            if (c == ' ' && (out.isEmpty() || out.charAt(out.length() - 1) == ' ')) continue;
            out.append(c);
        }
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) == ' ') out.setLength(n - 1);
        if (out.isEmpty()) return null;
        return first != null && addressRest.length == 0 && first.contentEquals(out) ? first : out.toString();
    }

    /**
     * One instance for each value of a column with few values (a birth place, a PKH component): the rows
     * stay in memory from ingest to resolve, and a million copies of "KABUPATEN TANGERANG" would be
     * copied by every garbage collection on the way. Bounded, in case a column is not what it seems.
     */
    private String shared(String value) {
        if (value == null) return null;
        String known = vocabulary.get(value);
        if (known != null) return known;
        if (vocabulary.size() < MAX_VOCABULARY) vocabulary.put(value, value);
        return value;
    }

    /** {@code other} when it is equal to {@code value}, so that a row keeps one instance of both. */
    private static String same(String value, String other) {
        return value != null && value.equals(other) ? other : value;
    }

    private RegionCode region(String[] f) {
        if (regionParts.length == 4) {
            return regions.of(get(f, regionParts[0]), get(f, regionParts[1]), get(f, regionParts[2]), get(f, regionParts[3]));
        }
        String code = desa >= 0 ? get(f, desa) : get(f, kecamatan);
        for (int i = 0; code == null && i < fallback.length; i++) code = get(f, fallback[i]);
        return regions.of(code);
    }

    private static String get(String[] f, int i) {
        if (i < 0 || i >= f.length) return null;
        return blankToNull(f[i]);
    }

    private static String blankToNull(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
