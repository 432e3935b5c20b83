package ai.steersynth.engine.weights;

import ai.steersynth.engine.ModelFileException;
import ai.steersynth.engine.model.ModelConfig;
import java.nio.FloatBuffer;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps GGUF metadata ({@code <arch>.block_count}, {@code <arch>.embedding_length}, ...) to a
 * {@link ModelConfig}, for the llama.cpp architectures the engine runs: {@code llama} (which
 * llama.cpp also uses for Mistral and SmolLM) and {@code qwen2}.
 */
public final class GgufConfigMapping {

    /** Architectures whose forward pass the engine implements. */
    public static final Set<String> SUPPORTED_ARCHITECTURES = Set.of("llama", "qwen2");

    private static final double DEFAULT_ROPE_THETA = 10_000.0;
    private static final Logger log = LoggerFactory.getLogger(GgufConfigMapping.class);

    private GgufConfigMapping() {}

    /** The configuration stated by a GGUF file's metadata and tensor index. */
    public static ModelConfig toModelConfig(GgufFile file) {
        GgufMetadata metadata = file.metadata();
        String where = file.path().toString();
        String architecture = metadata.string("general.architecture");
        if (!SUPPORTED_ARCHITECTURES.contains(architecture)) {
            throw new ModelFileException(where + ": unsupported architecture '" + architecture
                    + "' (metadata key 'general.architecture'); supported: " + SUPPORTED_ARCHITECTURES);
        }
        String prefix = architecture + ".";
        int hiddenSize = metadata.intValue(prefix + "embedding_length");
        int numberOfHeads = metadata.intValue(prefix + "attention.head_count");
        if (metadata.type(prefix + "attention.head_count_kv") == GgufValueType.ARRAY) {
            throw new ModelFileException(where + ": per-layer key/value head counts (metadata key '" + prefix
                    + "attention.head_count_kv' is an array) are not supported");
        }
        int numberOfKeyValueHeads =
                metadata.optionalInt(prefix + "attention.head_count_kv").orElse(numberOfHeads);
        int headSize = metadata.optionalInt(prefix + "attention.key_length").orElse(hiddenSize / numberOfHeads);
        int rotaryDimensions =
                metadata.optionalInt(prefix + "rope.dimension_count").orElse(headSize);
        if (rotaryDimensions != headSize) {
            throw new ModelFileException(where + ": partial rotary embeddings (metadata key '" + prefix
                    + "rope.dimension_count' = " + rotaryDimensions + ", head size " + headSize
                    + ") are not supported");
        }
        ModelConfig.RopeScaling ropeScaling = ropeScaling(file, prefix, headSize);
        return new ModelConfig(
                architecture,
                metadata.intValue(prefix + "block_count"),
                hiddenSize,
                metadata.intValue(prefix + "feed_forward_length"),
                numberOfHeads,
                numberOfKeyValueHeads,
                headSize,
                vocabularySize(file, prefix),
                metadata.intValue(prefix + "context_length"),
                (float) (double) metadata.optionalNumber(prefix + "attention.layer_norm_rms_epsilon")
                        .orElseThrow(() -> missing(where, prefix + "attention.layer_norm_rms_epsilon")),
                (float) ropeTheta(metadata, prefix),
                ropeScaling,
                // llama.cpp writes the output projection only when it is not the embedding matrix
                !file.tensors().containsKey("output.weight"),
                file.tensors().containsKey("blk.0.attn_q.bias"));
    }

    /**
     * The length of {@code tokenizer.ggml.tokens}, as transformers takes it; should the embedding
     * matrix have a different number of rows (a padded vocabulary), the rows win, since that is what
     * the forward pass indexes.
     */
    private static int vocabularySize(GgufFile file, String prefix) {
        GgufMetadata metadata = file.metadata();
        GgufTensorInfo embedding = file.tensors().get("token_embd.weight");
        Integer rows = embedding != null && embedding.dimensions().length == 2
                ? Math.toIntExact(embedding.dimensions()[1])
                : null;
        Integer stated = metadata.contains("tokenizer.ggml.tokens")
                ? Integer.valueOf(metadata.stringArray("tokenizer.ggml.tokens").size())
                : metadata.optionalInt(prefix + "vocab_size").orElse(null);
        if (stated == null && rows == null) {
            throw missing(file.path().toString(), "tokenizer.ggml.tokens");
        }
        if (rows != null && !rows.equals(stated)) {
            if (stated != null) {
                log.warn("{}: {} tokens but {} embedding rows; using the embedding rows", file.path(), stated, rows);
            }
            return rows;
        }
        return stated;
    }

    private static double ropeTheta(GgufMetadata metadata, String prefix) {
        return metadata.optionalNumber(prefix + "rope.freq_base").orElse(DEFAULT_ROPE_THETA);
    }

    /**
     * llama.cpp keeps linear/YaRN scaling in {@code rope.scaling.*} keys, which the forward pass does
     * not implement, and writes llama3 scaling as a {@code rope_freqs.weight} tensor of per-frequency
     * divisors instead of its parameters. Those are recovered here: the largest divisor is the
     * factor, and Meta's fixed low/high frequency factors (1, 4) and original context (8192) must
     * then reproduce every divisor, or the file is rejected rather than run subtly wrong.
     */
    private static ModelConfig.RopeScaling ropeScaling(GgufFile file, String prefix, int headSize) {
        String where = file.path().toString();
        String scalingType =
                file.metadata().optionalString(prefix + "rope.scaling.type").orElse("none");
        if (!scalingType.equals("none")) {
            throw new ModelFileException(where + ": RoPE scaling '" + scalingType + "' (metadata key '" + prefix
                    + "rope.scaling.type') is not supported");
        }
        GgufTensorInfo factors = file.tensors().get("rope_freqs.weight");
        if (factors == null) {
            return null;
        }
        if (factors.type() != GgmlType.F32 || factors.elementCount() != headSize / 2) {
            throw new ModelFileException(where + ": tensor 'rope_freqs.weight' should be F32 with " + headSize / 2
                    + " elements but is " + factors.typeName() + " with " + factors.elementCount());
        }
        FloatBuffer stored = file.map(factors).asFloatBuffer();
        float factor = 1f;
        for (int i = 0; i < stored.limit(); i++) {
            factor = Math.max(factor, stored.get(i));
        }
        ModelConfig.RopeScaling scaling = new ModelConfig.RopeScaling(factor, 1f, 4f, 8192);
        double[] expected = llama3FrequencyDivisors(scaling, ropeTheta(file.metadata(), prefix), headSize);
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(stored.get(i) - expected[i]) > 1e-4 * expected[i]) {
                throw new ModelFileException(where + ": tensor 'rope_freqs.weight' holds RoPE frequency factors "
                        + "that are not llama3 scaling with factor " + factor + " (element " + i + " is "
                        + stored.get(i) + ", expected " + expected[i] + "); not supported");
            }
        }
        return scaling;
    }

    /** The divisors convert_hf_to_gguf writes for llama3 scaling (LlamaModel.generate_extra_tensors). */
    static double[] llama3FrequencyDivisors(ModelConfig.RopeScaling scaling, double theta, int headSize) {
        double lowFrequencyWavelength = scaling.originalMaxPositionEmbeddings() / scaling.lowFrequencyFactor();
        double highFrequencyWavelength = scaling.originalMaxPositionEmbeddings() / scaling.highFrequencyFactor();
        double[] divisors = new double[headSize / 2];
        for (int i = 0; i < divisors.length; i++) {
            double frequency = 1.0 / Math.pow(theta, 2.0 * i / headSize);
            double wavelength = 2 * Math.PI / frequency;
            if (wavelength < highFrequencyWavelength) {
                divisors[i] = 1;
            } else if (wavelength > lowFrequencyWavelength) {
                divisors[i] = scaling.factor();
            } else {
                double smooth = (scaling.originalMaxPositionEmbeddings() / wavelength - scaling.lowFrequencyFactor())
                        / (scaling.highFrequencyFactor() - scaling.lowFrequencyFactor());
                divisors[i] = 1 / ((1 - smooth) / scaling.factor() + smooth);
            }
        }
        return divisors;
    }

    private static ModelFileException missing(String where, String key) {
        return new ModelFileException(where + ": metadata key '" + key + "' is missing");
    }
}
