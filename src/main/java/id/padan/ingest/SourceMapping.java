package id.padan.ingest;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one source's export maps onto padan's common model, bound from {@code config/sources/*.yml}.
 * Header names are kept upper-case; {@code quote} is {@code null} when the export never quotes.
 * A column is required unless listed in {@code optionalColumns}. A field may be written over several
 * columns (e.g. given name and surname): {@code columns} has the first, {@code joinedColumns} the rest,
 * and their non-blank values are joined with a space.
 */
public record SourceMapping(
        String source,
        boolean registry,
        String filePrefix,
        Charset encoding,
        char delimiter,
        Character quote,
        String dateFormat,
        boolean finalNewlineRequired,
        String recordKey,
        Map<Field, String> columns,
        RegionMapping region,
        Set<String> optionalColumns,
        Map<Field, Map<String, String>> codes,
        Map<Field, List<String>> joinedColumns) {

    public SourceMapping {
        columns = Map.copyOf(columns);
        joinedColumns = Map.copyOf(joinedColumns);
        optionalColumns = Set.copyOf(optionalColumns);
        // One map class for every source and field, so the lookup in code() stays one call site the JIT
        // compiles once, whichever sources a run reads one after another.
        var byField = new java.util.EnumMap<Field, Map<String, String>>(Field.class);
        codes.forEach((field, table) -> byField.put(field, java.util.Collections.unmodifiableMap(new java.util.HashMap<>(table))));
        codes = java.util.Collections.unmodifiableMap(byField);
    }

    /** The headers a file of this source must have for its rows to be read at all. */
    public List<String> requiredColumns() {
        var required = new java.util.LinkedHashSet<String>();
        required.add(recordKey);
        required.addAll(columns.values());
        joinedColumns.values().forEach(required::addAll);
        required.addAll(region.columns());
        required.removeAll(optionalColumns);
        return List.copyOf(required);
    }

    /** The canonical value for a coded field ({@code sex}, {@code relation}, ...), or null if the code is unknown or blank. */
    public String code(Field field, String value) {
        if (value == null) return null;
        Map<String, String> table = codes.get(field);
        if (table == null) return value.isBlank() ? null : value.strip();
        String exact = table.get(value); // most values are written as the table has them
        return exact != null ? exact : table.get(value.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
