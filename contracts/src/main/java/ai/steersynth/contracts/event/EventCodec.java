package ai.steersynth.contracts.event;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON encoding of events. One mapper for producers and consumers so the wire format is fixed here:
 * records as objects, the sealed type's {@code type} property naming the record, ISO-8601 instants.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventCodec() {}

    /** Serialises an event (or any contract value) to JSON. */
    public static String encode(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Reads a JSON document into the given sealed event type (or any contract value). */
    public static <T> T decode(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    /** The shared mapper, for adapters that need it (e.g. storing payloads). */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
