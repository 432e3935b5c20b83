package ai.steersynth.engine.weights;

import ai.steersynth.engine.ModelFileException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key/value metadata of a GGUF file with typed accessors. Integers of every width are held as
 * {@code Long} (unsigned values by their bits), {@code FLOAT32} as {@code Float}, {@code FLOAT64}
 * as {@code Double}, arrays as unmodifiable lists of those. A missing or mistyped key fails with
 * the file and key in the message.
 */
public final class GgufMetadata {

    private final String location;
    private final Map<String, Object> values;
    private final Map<String, GgufValueType> types;

    GgufMetadata(String location, Map<String, Object> values, Map<String, GgufValueType> types) {
        this.location = location;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.types = Map.copyOf(types);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /** The raw value (see the class comment for the Java types), or {@code null}. */
    public Object get(String key) {
        return values.get(key);
    }

    /** The declared GGUF type of a key's value, or {@code null} when the key is absent. */
    public GgufValueType type(String key) {
        return types.get(key);
    }

    public String string(String key) {
        return require(key, String.class, "a string");
    }

    public Optional<String> optionalString(String key) {
        return optional(key, String.class, "a string");
    }

    public long integer(String key) {
        return require(key, Long.class, "an integer");
    }

    public Optional<Long> optionalInteger(String key) {
        return optional(key, Long.class, "an integer");
    }

    /** An integer that must fit in an {@code int}, such as a layer count or a token id. */
    public int intValue(String key) {
        return toInt(key, integer(key));
    }

    public Optional<Integer> optionalInt(String key) {
        return optionalInteger(key).map(value -> toInt(key, value));
    }

    /** A {@code FLOAT32} or {@code FLOAT64} value (integers are accepted too). */
    public Optional<Double> optionalNumber(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number)) {
            throw mistyped(key, "a number");
        }
        return Optional.of(number.doubleValue());
    }

    public Optional<Boolean> optionalBoolean(String key) {
        return optional(key, Boolean.class, "a boolean");
    }

    /** An array of strings, such as {@code tokenizer.ggml.tokens}. */
    public List<String> stringArray(String key) {
        return array(key, String.class, "an array of strings");
    }

    /** An array of integers, such as {@code tokenizer.ggml.token_type}. */
    public List<Long> integerArray(String key) {
        return array(key, Long.class, "an array of integers");
    }

    private <T> List<T> array(String key, Class<T> elementType, String description) {
        Object value = values.get(key);
        if (value == null) {
            throw new ModelFileException(location + ": metadata key '" + key + "' is missing");
        }
        if (!(value instanceof List<?> list) || (!list.isEmpty() && !elementType.isInstance(list.get(0)))) {
            throw mistyped(key, description);
        }
        @SuppressWarnings("unchecked")
        List<T> typed = (List<T>) list;
        return typed;
    }

    private <T> T require(String key, Class<T> javaType, String description) {
        return optional(key, javaType, description)
                .orElseThrow(() -> new ModelFileException(location + ": metadata key '" + key + "' is missing"));
    }

    private <T> Optional<T> optional(String key, Class<T> javaType, String description) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!javaType.isInstance(value)) {
            throw mistyped(key, description);
        }
        return Optional.of(javaType.cast(value));
    }

    private int toInt(String key, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ModelFileException(location + ": metadata key '" + key + "' = " + value + " does not fit an int");
        }
        return (int) value;
    }

    private ModelFileException mistyped(String key, String description) {
        return new ModelFileException(
                location + ": metadata key '" + key + "' should be " + description + " but is " + types.get(key));
    }

    @Override
    public String toString() {
        return "GgufMetadata[" + location + ", " + values.size() + " keys]";
    }
}
