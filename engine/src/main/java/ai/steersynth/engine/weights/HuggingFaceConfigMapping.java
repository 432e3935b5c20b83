package ai.steersynth.engine.weights;

import ai.steersynth.engine.ModelFileException;
import ai.steersynth.engine.model.ModelConfig;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps a Hugging Face {@code config.json} (model types {@code llama}, {@code mistral}, {@code
 * qwen2}) to a {@link ModelConfig}, with transformers' defaults for what a file leaves out.
 */
public final class HuggingFaceConfigMapping {

    /** {@code model_type} values whose forward pass the engine implements. */
    public static final Set<String> SUPPORTED_MODEL_TYPES = Set.of("llama", "mistral", "qwen2");

    private static final Logger log = LoggerFactory.getLogger(HuggingFaceConfigMapping.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HuggingFaceConfigMapping() {}

    /** {@code rope_scaling} (transformers 4) or {@code rope_parameters} (transformers 5). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RopeJson(
            @JsonProperty("rope_type") String ropeType,
            @JsonProperty("type") String legacyType,
            @JsonProperty("rope_theta") Double ropeTheta,
            @JsonProperty("factor") Float factor,
            @JsonProperty("low_freq_factor") Float lowFrequencyFactor,
            @JsonProperty("high_freq_factor") Float highFrequencyFactor,

            @JsonProperty("original_max_position_embeddings")
            Integer originalMaxPositionEmbeddings) {

        String type() {
            return ropeType != null ? ropeType : legacyType;
        }
    }

    /** The subset of {@code config.json} the engine reads; snake_case stays in these annotations. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigJson(
            @JsonProperty("model_type") String modelType,
            @JsonProperty("num_hidden_layers") Integer numberOfLayers,
            @JsonProperty("hidden_size") Integer hiddenSize,
            @JsonProperty("intermediate_size") Integer intermediateSize,
            @JsonProperty("num_attention_heads") Integer numberOfHeads,
            @JsonProperty("num_key_value_heads") Integer numberOfKeyValueHeads,
            @JsonProperty("head_dim") Integer headSize,
            @JsonProperty("vocab_size") Integer vocabularySize,
            @JsonProperty("max_position_embeddings") Integer maxPositionEmbeddings,
            @JsonProperty("rms_norm_eps") Double rmsNormEpsilon,
            @JsonProperty("rope_theta") Double ropeTheta,
            @JsonProperty("rope_scaling") RopeJson ropeScaling,
            @JsonProperty("rope_parameters") RopeJson ropeParameters,
            @JsonProperty("tie_word_embeddings") Boolean tieWordEmbeddings,
            @JsonProperty("attention_bias") Boolean attentionBias,
            @JsonProperty("sliding_window") Integer slidingWindow,
            @JsonProperty("use_sliding_window") Boolean useSlidingWindow) {}

    /**
     * Reads and maps a {@code config.json}.
     *
     * @throws ModelFileException when the file is missing, malformed, or describes an unsupported model
     */
    public static ModelConfig read(Path configJson) {
        String text;
        try {
            text = Files.readString(configJson);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(configJson + ": file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configJson, e);
        }
        ConfigJson json;
        try {
            json = JSON.readValue(text, ConfigJson.class);
        } catch (JacksonException e) {
            throw new ModelFileException(configJson + ": not a valid config.json: " + e.getOriginalMessage(), e);
        }
        return toModelConfig(json, configJson.toString());
    }

    static ModelConfig toModelConfig(ConfigJson json, String where) {
        String modelType = json.modelType();
        if (modelType == null || !SUPPORTED_MODEL_TYPES.contains(modelType)) {
            throw new ModelFileException(where + ": unsupported model type '" + modelType + "' (key 'model_type'); "
                    + "supported: " + SUPPORTED_MODEL_TYPES);
        }
        int hiddenSize = required(json.hiddenSize(), "hidden_size", where);
        int numberOfHeads = required(json.numberOfHeads(), "num_attention_heads", where);
        RopeJson rope = json.ropeParameters() != null ? json.ropeParameters() : json.ropeScaling();
        double ropeTheta = json.ropeTheta() != null
                ? json.ropeTheta()
                : rope != null && rope.ropeTheta() != null ? rope.ropeTheta() : 10_000.0;
        warnAboutSlidingWindow(json, where);
        return new ModelConfig(
                modelType,
                required(json.numberOfLayers(), "num_hidden_layers", where),
                hiddenSize,
                required(json.intermediateSize(), "intermediate_size", where),
                numberOfHeads,
                json.numberOfKeyValueHeads() != null ? json.numberOfKeyValueHeads() : numberOfHeads,
                json.headSize() != null ? json.headSize() : hiddenSize / numberOfHeads,
                required(json.vocabularySize(), "vocab_size", where),
                required(json.maxPositionEmbeddings(), "max_position_embeddings", where),
                (float) (double) required(json.rmsNormEpsilon(), "rms_norm_eps", where),
                (float) ropeTheta,
                ropeScaling(rope, where),
                // transformers' LlamaConfig, MistralConfig and Qwen2Config all default to untied
                Boolean.TRUE.equals(json.tieWordEmbeddings()),
                // Qwen2 always has q/k/v biases; Llama has them when attention_bias says so
                modelType.equals("qwen2") || Boolean.TRUE.equals(json.attentionBias()));
    }

    private static ModelConfig.RopeScaling ropeScaling(RopeJson rope, String where) {
        if (rope == null || rope.type() == null || rope.type().equals("default")) {
            return null;
        }
        if (!rope.type().equals("llama3")) {
            throw new ModelFileException(where + ": RoPE scaling type '" + rope.type() + "' (key 'rope_scaling') is "
                    + "not supported; supported: llama3");
        }
        return new ModelConfig.RopeScaling(
                required(rope.factor(), "rope_scaling.factor", where),
                required(rope.lowFrequencyFactor(), "rope_scaling.low_freq_factor", where),
                required(rope.highFrequencyFactor(), "rope_scaling.high_freq_factor", where),
                required(rope.originalMaxPositionEmbeddings(), "rope_scaling.original_max_position_embeddings", where));
    }

    /** The forward pass attends over the whole context; a sliding window only matters past its length. */
    private static void warnAboutSlidingWindow(ConfigJson json, String where) {
        boolean windowed = json.modelType().equals("qwen2")
                ? Boolean.TRUE.equals(json.useSlidingWindow())
                : json.slidingWindow() != null;
        if (windowed && json.slidingWindow() != null) {
            log.warn(
                    "{}: sliding-window attention ({} tokens) is not implemented; contexts longer than the window "
                            + "will differ from the reference",
                    where,
                    json.slidingWindow());
        }
    }

    private static <T> T required(T value, String key, String where) {
        if (value == null) {
            throw new ModelFileException(where + ": key '" + key + "' is missing");
        }
        return value;
    }
}
