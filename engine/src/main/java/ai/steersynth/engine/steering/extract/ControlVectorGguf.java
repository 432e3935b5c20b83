package ai.steersynth.engine.steering.extract;

import ai.steersynth.engine.weights.GgmlType;
import ai.steersynth.engine.weights.GgufFile;
import ai.steersynth.engine.weights.GgufTensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vector sets as llama.cpp control-vector files ({@code --control-vector}, {@code
 * --control-vector-scaled}), the format repeng's {@code ControlVector.export_gguf} writes: GGUF v3,
 * {@code general.architecture = "controlvector"}, {@code controlvector.model_hint}, {@code
 * controlvector.layer_count}, and one 1-D F32 tensor {@code direction.<layer>} per layer.
 *
 * <p><b>Layers.</b> llama.cpp adds the tensor {@code direction.N} to the output of block {@code N}
 * counted from 0 (its loader keeps layer N at offset {@code N - 1} of a buffer that has no slot for
 * layer 0, and the graph adds slot {@code il} after block {@code il}); repeng names the tensor after
 * the 0-based block whose output it hooks. Both are the 0-based block index SteerSynth uses, so our
 * layer L is written as {@code direction.L} unchanged. llama.cpp rejects {@code direction.0}, so a
 * vector at block 0 cannot be exported.
 *
 * <p><b>Strength.</b> Each tensor is {@code direction * meanResidualNorm * relativeStrength}.
 * llama.cpp adds {@code scale * tensor} at every position ({@code --control-vector} uses scale 1),
 * so with the default {@code relativeStrength = 1} a llama.cpp scale {@code s} is SteerSynth's
 * relative strength {@code s} with {@code PROMPT_AND_GENERATION} positions. ActAdd's first-positions
 * injection cannot be expressed in the format; llama.cpp would add such a vector everywhere.
 *
 * <p>The SteerSynth set (unit directions, norms, provenance) also travels as JSON in the string key
 * {@code steersynth.vector_set}, with the strength in {@code steersynth.relative_strength}; llama.cpp
 * ignores both. A file without them (e.g. from repeng) is read as unit directions whose mean residual
 * norm is the tensor's own norm, so relative strength 1 is llama.cpp scale 1, with no provenance.
 */
public final class ControlVectorGguf {

    /** {@code general.architecture} of control-vector files. */
    public static final String ARCHITECTURE = "controlvector";

    static final String VECTOR_SET_KEY = "steersynth.vector_set";
    static final String STRENGTH_KEY = "steersynth.relative_strength";
    private static final String TENSOR_PREFIX = "direction.";

    private ControlVectorGguf() {}

    /**
     * Writes {@code set} with every direction scaled to {@code relativeStrength} mean residual norms.
     *
     * @throws IllegalArgumentException when a vector is at layer 0 or two share a layer
     */
    public static void write(SteeringVectorSet set, double relativeStrength, Path file) {
        toWriter(set, relativeStrength).write(file);
    }

    /** The file's bytes; see {@link #write}. */
    public static byte[] toBytes(SteeringVectorSet set, double relativeStrength) {
        return toWriter(set, relativeStrength).toBytes();
    }

    private static GgufWriter toWriter(SteeringVectorSet set, double relativeStrength) {
        if (!(relativeStrength > 0) || Double.isInfinite(relativeStrength)) {
            throw new IllegalArgumentException("relativeStrength must be finite and positive, was " + relativeStrength);
        }
        Set<Integer> layers = new HashSet<>();
        for (SteeringVector vector : set.vectors()) {
            if (vector.layer() == 0) {
                throw new IllegalArgumentException("llama.cpp cannot load a control vector at block 0 (it rejects"
                        + " direction.0); extract at layer 1 or later to export GGUF");
            }
            if (!layers.add(vector.layer())) {
                throw new IllegalArgumentException(
                        "two vectors at layer " + vector.layer() + "; a control-vector file holds one per layer");
            }
        }
        GgufWriter writer = new GgufWriter()
                .putString("general.architecture", ARCHITECTURE)
                .putString(ARCHITECTURE + ".model_hint", set.modelHint() == null ? "" : set.modelHint())
                .putUint32(ARCHITECTURE + ".layer_count", set.vectors().size())
                .putFloat32(STRENGTH_KEY, (float) relativeStrength)
                .putString(VECTOR_SET_KEY, SteeringVectorJson.toJson(set));
        for (SteeringVector vector : set.vectors()) {
            writer.addTensor(
                    TENSOR_PREFIX + vector.layer(),
                    vector.scaled(relativeStrength, ai.steersynth.contracts.sweep.StrengthMode.RELATIVE));
        }
        return writer;
    }

    /**
     * Reads a control-vector file (ours, repeng's, llama.cpp's cvector-generator's).
     *
     * @throws IllegalArgumentException when it is not a control-vector file, or its tensors disagree
     *     with the SteerSynth metadata it carries
     */
    public static SteeringVectorSet read(Path file) {
        try (GgufFile gguf = GgufFile.open(file)) {
            String architecture =
                    gguf.metadata().optionalString("general.architecture").orElse(null);
            if (!ARCHITECTURE.equals(architecture)) {
                throw new IllegalArgumentException(
                        file + ": general.architecture is " + architecture + ", not " + ARCHITECTURE);
            }
            String modelHint = gguf.metadata().string(ARCHITECTURE + ".model_hint");
            List<Map.Entry<Integer, float[]>> tensors = directionTensors(gguf, file);
            if (gguf.metadata().contains(VECTOR_SET_KEY)) {
                SteeringVectorSet set =
                        SteeringVectorJson.fromJson(gguf.metadata().string(VECTOR_SET_KEY));
                double strength = gguf.metadata().optionalNumber(STRENGTH_KEY).orElse(1.0);
                checkAgree(set, strength, tensors, file);
                return set;
            }
            List<SteeringVector> vectors = new ArrayList<>();
            for (Map.Entry<Integer, float[]> tensor : tensors) {
                double norm = VectorMath.norm(tensor.getValue());
                VectorProvenance provenance = new VectorProvenance(
                        null, tensor.getKey(), List.of(), 0, null, modelHint, null, null, null, 0, null, 0);
                vectors.add(new SteeringVector(
                        VectorMath.unit(
                                VectorMath.toDouble(tensor.getValue()), file + " " + TENSOR_PREFIX + tensor.getKey()),
                        norm,
                        provenance));
            }
            return new SteeringVectorSet(modelHint, vectors);
        }
    }

    private static List<Map.Entry<Integer, float[]>> directionTensors(GgufFile gguf, Path file) {
        List<Map.Entry<Integer, float[]>> out = new ArrayList<>();
        for (GgufTensorInfo info : gguf.tensors().values()) {
            if (!info.name().startsWith(TENSOR_PREFIX)) {
                continue;
            }
            int layer;
            try {
                layer = Integer.parseInt(info.name().substring(TENSOR_PREFIX.length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": unparsable tensor name " + info.name(), e);
            }
            if (layer < 1) {
                throw new IllegalArgumentException(file + ": invalid layer index in " + info.name());
            }
            if (info.type() != GgmlType.F32 || info.dimensions().length != 1) {
                throw new IllegalArgumentException(file + ": " + info.name() + " must be a 1-D F32 tensor, is "
                        + info.typeName() + " with " + info.dimensions().length + " dimensions");
            }
            FloatBuffer data = gguf.map(info).asFloatBuffer();
            float[] values = new float[data.remaining()];
            data.get(values);
            out.add(Map.entry(layer, values));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no direction tensors");
        }
        return out;
    }

    private static void checkAgree(
            SteeringVectorSet set, double strength, List<Map.Entry<Integer, float[]>> tensors, Path file) {
        if (tensors.size() != set.vectors().size()) {
            throw new IllegalArgumentException(file + ": " + tensors.size() + " direction tensors but "
                    + set.vectors().size() + " vectors in " + VECTOR_SET_KEY);
        }
        for (Map.Entry<Integer, float[]> tensor : tensors) {
            float[] expected =
                    set.atLayer(tensor.getKey()).scaled(strength, ai.steersynth.contracts.sweep.StrengthMode.RELATIVE);
            double error = 0;
            for (int i = 0; i < expected.length; i++) {
                error = Math.max(error, Math.abs(expected[i] - tensor.getValue()[i]));
            }
            if (expected.length != tensor.getValue().length || error > 1e-5 * VectorMath.norm(expected)) {
                throw new IllegalArgumentException(file + ": tensor " + TENSOR_PREFIX + tensor.getKey()
                        + " disagrees with the SteerSynth metadata (edited after export?)");
            }
        }
    }
}
