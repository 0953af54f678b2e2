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
import id.padan.settings.SettingsFile;
import id.padan.settings.SettingsProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Reads {@code config/sources/*.yml} into {@link SourceMapping}s and rejects mappings that cannot work. */
public final class SourceMappingLoader {

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

    /** {@code config/sources/*.yml} as written (README "Source mappings"); header names are matched without regard to case. */
    record SourceFile(@NotBlank(message = REQUIRED) String source,
                      Role role,
                      @NotBlank(message = REQUIRED) String filePrefix,
                      @NotBlank(message = REQUIRED) String encoding,
                      @NotNull(message = REQUIRED) @Size(min = 1, max = 1, message = "must be one character") String delimiter,
                      String quote,
                      @NotBlank(message = REQUIRED) String dateFormat,
                      FinalNewline finalNewline,
                      @NotBlank(message = REQUIRED) String recordKey,
                      @NotNull(message = "is required: it maps canonical fields to header names")
                      Map<String, @NotEmpty(message = "lists no column") List<@NotBlank(message = "must not be blank") String>> columns,
                      @NotNull(message = "is required: it says where the region code is (parts, desa or kecamatan)") @Valid Region region,
                      List<@NotBlank(message = "must not be blank") String> optionalColumns,
                      Map<String, @NotNull Map<String, @NotBlank(message = "must not be blank") String>> codes) {}

    record Region(List<@NotBlank(message = "must not be blank") String> parts, String desa, String kecamatan,
                  List<@NotBlank(message = "must not be blank") String> fallback) {}

    /** Whether the source is the identity reference (at most one) or a program. */
    enum Role { REGISTRY, PROGRAM }

    /** Whether a file's last line must end with a line break (else it is taken as cut off and rejected). */
    enum FinalNewline { REQUIRED, OPTIONAL }

    private static final String REQUIRED = "is required";

    public static SourceMapping load(Path file) {
        SourceFile f = SettingsFile.bind(file, SourceFile.class);
        String source = upper(f.source());
        Charset encoding;
        try {
            encoding = Charset.forName(f.encoding().strip());
        } catch (RuntimeException e) {
            throw new SettingsProblem(file, "encoding", "'" + f.encoding() + "' is not an encoding known to Java (e.g. UTF-8, windows-1252)");
        }
        Character quoteChar = null;
        if (f.quote() != null && !f.quote().equals("none")) {
            if (f.quote().length() != 1) throw new SettingsProblem(file, "quote", "must be one character or 'none', not '" + f.quote() + "'");
            quoteChar = f.quote().charAt(0);
        }
        try {
            DateTimeFormatter.ofPattern(f.dateFormat());
        } catch (IllegalArgumentException e) {
            throw new SettingsProblem(file, "date-format", "'" + f.dateFormat() + "' is not a valid pattern: " + e.getMessage());
        }
        String recordKey = upper(f.recordKey());

        Map<Field, String> columns = new EnumMap<>(Field.class);
        Map<Field, List<String>> joined = new EnumMap<>(Field.class);
        for (var e : f.columns().entrySet()) {
            Field field = field(file, "columns." + e.getKey(), e.getKey());
            List<String> list = e.getValue().stream().map(SourceMappingLoader::upper).toList();
            columns.put(field, list.get(0));
            if (list.size() > 1) joined.put(field, List.copyOf(list.subList(1, list.size())));
        }
        for (Field mandatory : List.of(Field.NIK, Field.NAME)) {
            if (!columns.containsKey(mandatory)) throw new SettingsProblem(file, "columns", "must map '" + mandatory.configName() + "'");
        }

        Region r = f.region();
        RegionMapping region = new RegionMapping(upperList(r.parts()), r.desa() == null || r.desa().isBlank() ? null : upper(r.desa()),
                r.kecamatan() == null || r.kecamatan().isBlank() ? null : upper(r.kecamatan()), upperList(r.fallback()));
        int kinds = (region.parts().isEmpty() ? 0 : 1) + (region.desa() == null ? 0 : 1) + (region.kecamatan() == null ? 0 : 1);
        if (kinds != 1) throw new SettingsProblem(file, "region", "give exactly one of parts, desa, kecamatan");
        if (!region.parts().isEmpty() && region.parts().size() != 4) {
            throw new SettingsProblem(file, "region.parts", "needs 4 columns (province, kabupaten, kecamatan, desa), got " + region.parts().size());
        }

        Set<String> optional = new LinkedHashSet<>(upperList(f.optionalColumns()));
        Set<String> mapped = new HashSet<>(columns.values());
        joined.values().forEach(mapped::addAll);
        mapped.addAll(region.columns());
        mapped.add(recordKey);
        for (String o : optional) {
            if (!mapped.contains(o)) throw new SettingsProblem(file, "optional-columns", "'" + o + "' is not mapped anywhere in this file");
        }
        if (optional.contains(recordKey)) throw new SettingsProblem(file, "optional-columns", "the record key " + recordKey + " cannot be optional");

        Map<Field, Map<String, String>> codes = new EnumMap<>(Field.class);
        if (f.codes() != null) {
            for (var e : f.codes().entrySet()) {
                Field field = field(file, "codes." + e.getKey(), e.getKey());
                if (!columns.containsKey(field)) throw new SettingsProblem(file, "codes." + e.getKey(), "has codes but no column is mapped to it");
                Map<String, String> table = new java.util.HashMap<>();
                e.getValue().forEach((code, value) -> table.put(code.strip().toUpperCase(Locale.ROOT), value.strip()));
                codes.put(field, table);
            }
        }
        if (columns.containsKey(Field.SEX)) {
            Map<String, String> sex = codes.get(Field.SEX);
            if (sex == null) throw new SettingsProblem(file, "codes.sex", "the sex column needs a code table onto L and P");
            for (var e : sex.entrySet()) {
                if (!e.getValue().equals("L") && !e.getValue().equals("P")) {
                    throw new SettingsProblem(file, "codes.sex." + e.getKey(), "values must be L or P, found '" + e.getValue() + "'");
                }
            }
        }
        return new SourceMapping(source, f.role() == Role.REGISTRY, f.filePrefix().strip(), encoding, f.delimiter().charAt(0), quoteChar,
                f.dateFormat(), f.finalNewline() != FinalNewline.OPTIONAL, recordKey, columns, region, optional, codes, joined);
    }

    private static Field field(Path file, String key, String name) {
        try {
            return Field.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new SettingsProblem(file, key, "'" + name + "' is not a canonical field; known: "
                    + java.util.Arrays.stream(Field.values()).map(Field::configName).toList());
        }
    }

    private static String upper(String s) {
        return s.strip().toUpperCase(Locale.ROOT);
    }

    private static List<String> upperList(List<String> n) {
        if (n == null) return List.of();
        return n.stream().map(SourceMappingLoader::upper).toList();
    }
}
