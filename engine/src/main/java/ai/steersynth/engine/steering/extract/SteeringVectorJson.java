package ai.steersynth.engine.steering.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A vector set as JSON: {@code {"format": "steersynth-steering-vectors", "formatVersion": 1,
 * "modelHint": ..., "vectors": [{"direction": [...], "meanResidualNorm": ..., "provenance":
 * {...}}]}}. Floats are written in their shortest exact form, so a round trip is lossless.
 */
public final class SteeringVectorJson {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "steersynth-steering-vectors";

    /** The version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private record Document(String format, int formatVersion, String modelHint, List<SteeringVector> vectors) {}

    private SteeringVectorJson() {}

    public static String toJson(SteeringVectorSet set) {
        return MAPPER.writeValueAsString(new Document(FORMAT, FORMAT_VERSION, set.modelHint(), set.vectors()));
    }

    /**
     * Parses a set.
     *
     * @throws IllegalArgumentException when the text is not a SteerSynth vector set of this version
     */
    public static SteeringVectorSet fromJson(String json) {
        Document document;
        try {
            document = MAPPER.readValue(json, Document.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a steering-vector JSON document: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(document.format()) || document.formatVersion() != FORMAT_VERSION) {
            throw new IllegalArgumentException("expected format " + FORMAT + " version " + FORMAT_VERSION + ", got "
                    + document.format() + " version " + document.formatVersion());
        }
        return new SteeringVectorSet(document.modelHint(), document.vectors());
    }

    public static void write(SteeringVectorSet set, Path file) {
        try {
            Files.writeString(file, toJson(set));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static SteeringVectorSet read(Path file) {
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
