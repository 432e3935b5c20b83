package ai.steersynth.packs.format;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.validation.FieldError;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes concept packs as JSON (schema in {@code docs/concept-packs.md}), and detector
 * examples as JSONL, one {@code {"prompt","text","label"}} object per line.
 *
 * <p>Reading is strict about types (a missing or non-integer label, an unknown pair kind) and
 * reports the first such problem as a {@link PackFormatException} with the field path; unknown
 * properties are ignored so that newer packs stay readable. Content rules are the validator's job.
 */
public final class PackJson {

    private static final JsonMapper READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // A null inside a list would otherwise reach List.copyOf in the records and fail without a path.
            .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .build();

    private static final JsonMapper PRETTY = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final JsonMapper COMPACT = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private PackJson() {}

    /** Reads a pack from a JSON file. */
    public static ConceptPack read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read concept pack " + file, e);
        }
    }

    /** Reads a pack from a UTF-8 JSON stream (an upload body, say). */
    public static ConceptPack read(InputStream json) {
        try {
            return READER.readValue(json, ConceptPack.class);
        } catch (JacksonException e) {
            throw formatError(e);
        }
    }

    /** Reads a pack from a JSON string. */
    public static ConceptPack read(String json) {
        try {
            return READER.readValue(json, ConceptPack.class);
        } catch (JacksonException e) {
            throw formatError(e);
        }
    }

    /** Writes a pack as indented JSON, fields in record order. */
    public static void write(ConceptPack pack, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            PRETTY.writeValue(out, pack);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write concept pack " + file, e);
        }
    }

    /** The pack as indented JSON. */
    public static String toJson(ConceptPack pack) {
        return PRETTY.writeValueAsString(pack);
    }

    /** Writes examples as JSONL: one compact object per line, UTF-8, newline-terminated. */
    public static void writeJsonl(List<LabelledExample> examples, Writer out) {
        try {
            BufferedWriter writer = new BufferedWriter(out);
            for (LabelledExample example : examples) {
                writer.write(COMPACT.writeValueAsString(example));
                writer.write('\n');
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write JSONL", e);
        }
    }

    /**
     * Reads examples written by {@link #writeJsonl}; blank lines are skipped.
     *
     * @throws PackFormatException naming the line ({@code line 7.label}) of the first bad object
     */
    public static List<LabelledExample> readJsonl(Reader in) {
        List<LabelledExample> examples = new ArrayList<>();
        BufferedReader reader = new BufferedReader(in);
        int lineNumber = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    examples.add(READER.readValue(line, LabelledExample.class));
                } catch (JacksonException e) {
                    FieldError inner = formatError(e).error();
                    String field = "line " + lineNumber + (inner.field().isEmpty() ? "" : "." + inner.field());
                    throw new PackFormatException(new FieldError(field, inner.message()), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read JSONL", e);
        }
        return examples;
    }

    /** Reads a JSONL file of examples. */
    public static List<LabelledExample> readJsonl(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readJsonl(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static JsonMapper compactMapper() {
        return COMPACT;
    }

    private static PackFormatException formatError(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Missing required creator property")) {
            message = "is required";
        }
        // Jackson's messages name Java types; keep the first line, which says what was expected.
        int newline = message == null ? -1 : message.indexOf('\n');
        String firstLine = newline < 0 ? String.valueOf(message) : message.substring(0, newline);
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            firstLine += " (JSON line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
        }
        return new PackFormatException(new FieldError(path.toString(), firstLine), e);
    }
}
