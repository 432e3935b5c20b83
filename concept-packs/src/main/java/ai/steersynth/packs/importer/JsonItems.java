package ai.steersynth.packs.importer;

import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JSON file that must hold a list of objects; item problems are the caller's to report. */
final class JsonItems {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonItems() {}

    static JsonNode readList(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file);
        } catch (JacksonException e) {
            throw new ImportException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new ImportException(file + " must hold a JSON list of objects");
        }
        return root;
    }

    /** The string value of a field, or {@code null} when the item is not an object or the field is not a string. */
    static String string(JsonNode item, String field) {
        if (item == null || !item.isObject()) {
            return null;
        }
        JsonNode value = item.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    static String location(int index) {
        return "item [" + index + "]";
    }
}
