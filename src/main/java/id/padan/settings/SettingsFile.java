package id.padan.settings;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path.Node;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Binds an operator-edited YAML file (under {@code config/} or {@code jobs/}) to an immutable record:
 * keys in kebab-case name the record's components ({@code min-age} is {@code minAge}); a key the record
 * does not have, a value of the wrong type or a word outside an enum is refused; then the record's Bean
 * Validation constraints (required keys, ranges) are checked. Every refusal is a {@link SettingsProblem}
 * naming the file, the key (its path, e.g. {@code gaps[1].min-age}) and the reason. Enum words are read
 * without regard to case; a single value is read as a list of one.
 */
public final class SettingsFile {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();
    static {
        // Hibernate Validator announces its version at INFO when it starts, before the command line's logging is set up;
        // a command that stops on a wrong file with one line should print nothing else.
        if (org.slf4j.LoggerFactory.getLogger("org.hibernate.validator") instanceof ch.qos.logback.classic.Logger validatorLog) {
            validatorLog.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();

    private SettingsFile() {}

    /**
     * The file bound to {@code type} and validated.
     *
     * @throws SettingsProblem naming the file, the key and the reason when the file is missing, is not YAML, has a key
     *                         {@code type} does not know, a value of the wrong type, or breaks a constraint
     */
    public static <T> T bind(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) throw new SettingsProblem(file, "", "file not found");
        T value;
        try {
            value = YAML.readValue(file.toFile(), type);
        } catch (JacksonException e) {
            throw problem(file, e);
        }
        if (value == null) throw new SettingsProblem(file, "", "the file is empty");
        validate(file, "", value);
        return value;
    }

    /** Checks {@code value}'s Bean Validation constraints; {@code prefix} is the key path of {@code value} in the file. */
    public static void validate(Path file, String prefix, Object value) {
        Validator validator = VALIDATION.getValidator();
        Set<ConstraintViolation<Object>> violations = validator.validate(value);
        if (violations.isEmpty()) return;
        ConstraintViolation<Object> first = violations.stream()
                .min(Comparator.comparing((ConstraintViolation<Object> v) -> key(prefix, v.getPropertyPath()))).orElseThrow();
        String reason = first.getMessage();
        if (first.getInvalidValue() != null && !(first.getInvalidValue() instanceof Iterable<?>)
                && !(first.getInvalidValue() instanceof java.util.Map<?, ?>)) {
            reason += " (found " + first.getInvalidValue() + ")";
        }
        throw new SettingsProblem(file, key(prefix, first.getPropertyPath()), reason);
    }

    private static String key(String prefix, jakarta.validation.Path path) {
        StringBuilder sb = new StringBuilder(prefix);
        for (Node n : path) {
            if (n.getIndex() != null) sb.append('[').append(n.getIndex()).append(']');
            else if (n.getKey() != null) sb.append('.').append(n.getKey());
            if (n.getName() != null && !n.getName().startsWith("<")) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(kebab(n.getName()));
            }
        }
        return sb.toString();
    }

    /** {@code minAge} as the file spells it: {@code min-age}. */
    public static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static SettingsProblem problem(Path file, JacksonException e) {
        String key = path(e.getPath());
        String line = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? " (line " + e.getLocation().getLineNr() + ")" : "";
        String reason;
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            reason = "unknown key '" + u.getPropertyName() + "'" + (known.isEmpty() ? "" : "; known here: " + String.join(", ", known));
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            reason = "'" + f.getValue() + "' is not one of " + Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException f) {
            reason = "'" + f.getValue() + "' is not " + article(f.getTargetType());
        } else if (e instanceof InvalidNullException) {
            reason = "a value is required";
        } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            reason = v.getCause().getMessage();
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            reason = "expected " + article(m.getTargetType());
        } else {
            reason = e.getOriginalMessage();
            int nl = reason == null ? -1 : reason.indexOf('\n');
            if (nl > 0) reason = reason.substring(0, nl);
        }
        return new SettingsProblem(file, key, reason + line);
    }

    private static String path(List<JacksonException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : refs) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String article(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a text value";
        if (java.util.Collection.class.isAssignableFrom(type)) return "a list";
        if (java.util.Map.class.isAssignableFrom(type)) return "a mapping of keys to values";
        if (type.isRecord()) return "a mapping of keys to values";
        return "a " + type.getSimpleName();
    }
}
