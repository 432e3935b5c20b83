package ai.steersynth.engine.weights;

/** The value types of GGUF metadata, numbered as in the GGUF specification. */
public enum GgufValueType {
    UINT8,
    INT8,
    UINT16,
    INT16,
    UINT32,
    INT32,
    FLOAT32,
    BOOL,
    STRING,
    ARRAY,
    UINT64,
    INT64,
    FLOAT64;

    /** The type with this GGUF id, or {@code null} when the id is unknown. */
    static GgufValueType byId(int id) {
        GgufValueType[] all = values();
        return id >= 0 && id < all.length ? all[id] : null;
    }

    boolean isInteger() {
        return this == UINT8
                || this == INT8
                || this == UINT16
                || this == INT16
                || this == UINT32
                || this == INT32
                || this == UINT64
                || this == INT64;
    }
}
