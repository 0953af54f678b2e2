package id.padan.ingest.internal;

import id.padan.standardise.StagedRow;
import id.padan.store.CopyWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * How a {@link StagedRow} sits in {@code padan.staged_row}: the one list of its columns, what each
 * column is written from, and how a row is read back. Writing and reading live side by side here (and a
 * round-trip test pins them together), so a new value of the row is added in one place.
 */
final class StagingTable {
    static final String TABLE = "padan.staged_row";

    private record Column(String name, BiConsumer<CopyWriter, StagedRow> write) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("source", (w, r) -> w.add(r.source())),
            new Column("record_key", (w, r) -> w.add(r.recordKey())),
            new Column("line_no", (w, r) -> w.add(r.lineNo())),
            new Column("nik_raw", (w, r) -> w.add(r.nikRaw())),
            new Column("nik", (w, r) -> w.add(r.nik())),
            new Column("nik_status", (w, r) -> w.add(r.nikStatus())),
            new Column("nik_problem", (w, r) -> w.add(r.nikProblem())),
            new Column("kk", (w, r) -> w.add(r.kk())),
            new Column("name_raw", (w, r) -> w.add(r.nameRaw())),
            new Column("name", (w, r) -> w.add(r.name())),
            new Column("name_key", (w, r) -> w.add(r.nameKey())),
            new Column("name_deceased", (w, r) -> w.add(r.nameDeceased())),
            new Column("birth_date", (w, r) -> w.add(r.birthDate())),
            new Column("birth_date_status", (w, r) -> w.add(r.birthDateStatus())),
            new Column("sex", (w, r) -> w.add(r.sex())),
            new Column("relation", (w, r) -> w.add(r.relation())),
            new Column("region_desa", (w, r) -> w.add(r.regionDesa())),
            new Column("region_kec", (w, r) -> w.add(r.regionKec())),
            new Column("region_kab", (w, r) -> w.add(r.regionKab())),
            new Column("region_status", (w, r) -> w.add(r.regionStatus())),
            new Column("death_date", (w, r) -> w.add(r.deathDate())),
            new Column("family_id", (w, r) -> w.add(r.familyId())),
            new Column("mother_name", (w, r) -> w.add(r.motherName())),
            new Column("birth_place", (w, r) -> w.add(r.birthPlace())),
            new Column("program_status", (w, r) -> w.add(r.programStatus())),
            new Column("component", (w, r) -> w.add(r.component())),
            new Column("address", (w, r) -> w.add(r.address())));

    /** The row's columns, comma-separated, in the order {@link #write} writes and {@link #read} reads them. */
    static final String NAMES = COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));
    static final int COUNT = COLUMNS.size();

    private static final int SOURCE = at("source"), RECORD_KEY = at("record_key"), LINE_NO = at("line_no"), NIK_RAW = at("nik_raw"),
            NIK = at("nik"), NIK_STATUS = at("nik_status"), NIK_PROBLEM = at("nik_problem"), KK = at("kk"), NAME_RAW = at("name_raw"),
            NAME = at("name"), NAME_KEY = at("name_key"), NAME_DECEASED = at("name_deceased"), BIRTH_DATE = at("birth_date"),
            BIRTH_DATE_STATUS = at("birth_date_status"), SEX = at("sex"), RELATION = at("relation"), REGION_DESA = at("region_desa"),
            REGION_KEC = at("region_kec"), REGION_KAB = at("region_kab"), REGION_STATUS = at("region_status"),
            DEATH_DATE = at("death_date"), FAMILY_ID = at("family_id"), MOTHER_NAME = at("mother_name"),
            BIRTH_PLACE = at("birth_place"), PROGRAM_STATUS = at("program_status"), COMPONENT = at("component"), ADDRESS = at("address");

    private StagingTable() {}

    /** Adds the row's values to the writer in the order of {@link #NAMES} (the caller adds what comes before and ends the row). */
    static void write(CopyWriter w, StagedRow r) {
        for (Column c : COLUMNS) c.write().accept(w, r);
    }

    /**
     * The row from its fields as COPY text gives them ({@link #NAMES} order, null for SQL null). Few-valued columns (source, statuses, relation, region codes, program status and
     * component) share one string per value, a raw value equal to its standard form shares its string, and birth
     * and death dates one object per date, so that a stage holding many rows (the search gathers registry rows by
     * the hundred thousand) keeps each value once.
     */
    static StagedRow read(String[] f) {
        String nik = f[NIK], name = f[NAME];
        return new StagedRow(shared(f[SOURCE]), f[RECORD_KEY], Integer.parseInt(f[LINE_NO]), same(f[NIK_RAW], nik), nik, shared(f[NIK_STATUS]),
                shared(f[NIK_PROBLEM]), f[KK], same(f[NAME_RAW], name), name, same(f[NAME_KEY], name), "t".equals(f[NAME_DECEASED]), date(f[BIRTH_DATE]),
                shared(f[BIRTH_DATE_STATUS]), f[SEX] == null ? null : f[SEX].charAt(0), shared(f[RELATION]), shared(f[REGION_DESA]),
                shared(f[REGION_KEC]), shared(f[REGION_KAB]), shared(f[REGION_STATUS]), date(f[DEATH_DATE]), f[FAMILY_ID], f[MOTHER_NAME],
                f[BIRTH_PLACE], shared(f[PROGRAM_STATUS]), shared(f[COMPONENT]), f[ADDRESS]);
    }

    /** {@code raw}, or {@code other} when they are equal (a NIK sent clean, a name already in standard form). */
    private static String same(String raw, String other) {
        return raw != null && raw.equals(other) ? other : raw;
    }

    private static String shared(String s) {
        return s == null ? null : s.intern();
    }

    /** Dates seen, one object per day (a registry spans about 40,000 days). */
    private static final java.util.concurrent.ConcurrentHashMap<String, LocalDate> DATES = new java.util.concurrent.ConcurrentHashMap<>();

    private static int at(String name) {
        for (int i = 0; i < COLUMNS.size(); i++) if (COLUMNS.get(i).name().equals(name)) return i;
        throw new IllegalStateException("no staging column " + name);
    }

    private static LocalDate date(String s) {
        if (s == null) return null;
        LocalDate d = DATES.get(s);
        if (d != null) return d;
        d = LocalDate.parse(s);
        if (DATES.size() < 200_000) DATES.putIfAbsent(s, d);
        return d;
    }
}
