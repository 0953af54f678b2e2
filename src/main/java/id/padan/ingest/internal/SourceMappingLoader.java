package id.padan.ingest.internal;

import id.padan.ingest.Field;
import id.padan.ingest.RegionMapping;
import id.padan.ingest.SourceMapping;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads {@code config/sources/*.yml} into {@link SourceMapping}s and rejects mappings that cannot work. */
public final class SourceMappingLoader {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> KNOWN_KEYS = Set.of("source", "role", "file-prefix", "encoding", "delimiter", "quote",
            "date-format", "final-newline", "record-key", "columns", "region", "optional-columns", "codes");

    private SourceMappingLoader() {}

    public static List<SourceMapping> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("source mappings: directory " + dir + " does not exist");
        }
        List<SourceMapping> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                result.add(load(file));
            }
        } catch (IOException e) {
            throw new IllegalStateException("source mappings: cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (result.isEmpty()) throw new IllegalStateException("source mappings: no *.yml file in " + dir);
        Set<String> sources = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        int registries = 0;
        for (SourceMapping m : result) {
            if (!sources.add(m.source())) throw new IllegalStateException("source mappings: source " + m.source() + " is configured twice in " + dir);
            for (String other : prefixes) {
                String p = m.filePrefix().toLowerCase(Locale.ROOT);
                if (p.startsWith(other) || other.startsWith(p)) {
                    throw new IllegalStateException("source mappings: file prefixes '" + other + "' and '" + p + "' overlap; a file could match both");
                }
            }
            prefixes.add(m.filePrefix().toLowerCase(Locale.ROOT));
            if (m.registry()) registries++;
        }
        if (registries > 1) throw new IllegalStateException("source mappings: more than one source has role: registry");
        return result;
    }

    public static SourceMapping load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (RuntimeException e) {
            throw problem(file, "is not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw problem(file, "must be a YAML mapping");
        for (String key : root.propertyNames()) {
            if (!KNOWN_KEYS.contains(key)) throw problem(file, "unknown key '" + key + "' (known: " + new java.util.TreeSet<>(KNOWN_KEYS) + ")");
        }
        String source = text(file, root, "source", true).toUpperCase(Locale.ROOT);
        String role = text(file, root, "role", false);
        if (role != null && !role.equals("registry") && !role.equals("program")) {
            throw problem(file, "role must be 'registry' or 'program', not '" + role + "'");
        }
        Charset encoding;
        String encodingName = text(file, root, "encoding", true);
        try {
            encoding = Charset.forName(encodingName);
        } catch (RuntimeException e) {
            throw problem(file, "encoding '" + encodingName + "' is not known to Java");
        }
        String delimiter = text(file, root, "delimiter", true);
        if (delimiter.length() != 1) throw problem(file, "delimiter must be one character, not '" + delimiter + "'");
        String quote = text(file, root, "quote", false);
        Character quoteChar = null;
        if (quote != null && !quote.equals("none")) {
            if (quote.length() != 1) throw problem(file, "quote must be one character or 'none', not '" + quote + "'");
            quoteChar = quote.charAt(0);
        }
        String dateFormat = text(file, root, "date-format", true);
        try {
            DateTimeFormatter.ofPattern(dateFormat);
        } catch (IllegalArgumentException e) {
            throw problem(file, "date-format '" + dateFormat + "' is not a valid pattern: " + e.getMessage());
        }
        String finalNewline = text(file, root, "final-newline", false);
        boolean finalNewlineRequired = finalNewline == null || finalNewline.equals("required");
        if (finalNewline != null && !finalNewline.equals("required") && !finalNewline.equals("optional")) {
            throw problem(file, "final-newline must be 'required' or 'optional'");
        }
        String recordKey = upper(text(file, root, "record-key", true));

        Map<Field, String> columns = new EnumMap<>(Field.class);
        Map<Field, List<String>> joined = new EnumMap<>(Field.class);
        JsonNode cols = root.get("columns");
        if (cols == null || !cols.isObject()) throw problem(file, "columns: must map canonical fields to header names");
        for (String name : cols.propertyNames()) {
            Field field = field(file, name);
            JsonNode v = cols.get(name);
            if (v.isArray()) {
                List<String> list = upperList(v);
                if (list.isEmpty()) throw problem(file, "columns: '" + name + "' lists no column");
                columns.put(field, list.get(0));
                if (list.size() > 1) joined.put(field, List.copyOf(list.subList(1, list.size())));
            } else {
                columns.put(field, upper(v.asString()));
            }
        }
        for (Field mandatory : List.of(Field.NIK, Field.NAME)) {
            if (!columns.containsKey(mandatory)) throw problem(file, "columns: must map '" + mandatory.configName() + "'");
        }

        JsonNode regionNode = root.get("region");
        if (regionNode == null || !regionNode.isObject()) throw problem(file, "region: must say where the region code is (parts, desa or kecamatan)");
        RegionMapping region = new RegionMapping(
                upperList(regionNode.get("parts")),
                regionNode.hasNonNull("desa") ? upper(regionNode.get("desa").asString()) : null,
                regionNode.hasNonNull("kecamatan") ? upper(regionNode.get("kecamatan").asString()) : null,
                upperList(regionNode.get("fallback")));
        int kinds = (region.parts().isEmpty() ? 0 : 1) + (region.desa() == null ? 0 : 1) + (region.kecamatan() == null ? 0 : 1);
        if (kinds != 1) throw problem(file, "region: give exactly one of parts, desa, kecamatan");
        if (!region.parts().isEmpty() && region.parts().size() != 4) {
            throw problem(file, "region.parts: needs 4 columns (province, kabupaten, kecamatan, desa), got " + region.parts().size());
        }

        Set<String> optional = new LinkedHashSet<>(upperList(root.get("optional-columns")));
        Set<String> mapped = new HashSet<>(columns.values());
        joined.values().forEach(mapped::addAll);
        mapped.addAll(region.columns());
        mapped.add(recordKey);
        for (String o : optional) {
            if (!mapped.contains(o)) throw problem(file, "optional-columns: '" + o + "' is not mapped anywhere in this file");
        }
        if (optional.contains(recordKey)) throw problem(file, "optional-columns: the record key " + recordKey + " cannot be optional");

        Map<Field, Map<String, String>> codes = new EnumMap<>(Field.class);
        JsonNode codesNode = root.get("codes");
        if (codesNode != null) {
            for (String name : codesNode.propertyNames()) {
                Field field = field(file, name);
                if (!columns.containsKey(field)) throw problem(file, "codes: '" + name + "' has codes but no column is mapped to it");
                Map<String, String> table = new java.util.HashMap<>();
                JsonNode t = codesNode.get(name);
                for (String code : t.propertyNames()) table.put(code.strip().toUpperCase(Locale.ROOT), t.get(code).asString());
                codes.put(field, table);
            }
        }
        if (columns.containsKey(Field.SEX)) {
            Map<String, String> sex = codes.get(Field.SEX);
            if (sex == null) throw problem(file, "codes.sex: the sex column needs a code table onto L and P");
            for (String v : sex.values()) {
                if (!v.equals("L") && !v.equals("P")) throw problem(file, "codes.sex: values must be L or P, found '" + v + "'");
            }
        }
        return new SourceMapping(source, "registry".equals(role), text(file, root, "file-prefix", true), encoding,
                delimiter.charAt(0), quoteChar, dateFormat, finalNewlineRequired, recordKey, columns, region, optional, codes, joined);
    }

    private static Field field(Path file, String name) {
        try {
            return Field.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw problem(file, "'" + name + "' is not a canonical field; known: " + java.util.Arrays.stream(Field.values()).map(Field::configName).toList());
        }
    }

    private static String text(Path file, JsonNode root, String key, boolean required) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull() || n.asString().isBlank()) {
            if (required) throw problem(file, "'" + key + "' is required");
            return null;
        }
        return n.asString();
    }

    private static String upper(String s) {
        return s.strip().toUpperCase(Locale.ROOT);
    }

    private static List<String> upperList(JsonNode n) {
        if (n == null || n.isNull()) return List.of();
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) out.add(upper(e.asString()));
        return out;
    }

    private static IllegalStateException problem(Path file, String message) {
        return new IllegalStateException("source mapping " + file + ": " + message);
    }
}
