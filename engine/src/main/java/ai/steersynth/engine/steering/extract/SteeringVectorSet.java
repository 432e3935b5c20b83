package ai.steersynth.engine.steering.extract;

import java.util.List;

/**
 * Steering vectors of one model, as exported and imported together (JSON, GGUF control vector).
 *
 * @param modelHint the model family the vectors belong to (GGUF {@code controlvector.model_hint})
 * @param vectors the vectors, in order
 */
public record SteeringVectorSet(String modelHint, List<SteeringVector> vectors) {

    public SteeringVectorSet {
        vectors = List.copyOf(vectors);
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("a vector set holds at least one vector");
        }
        int hidden = vectors.get(0).hiddenSize();
        for (SteeringVector vector : vectors) {
            if (vector.hiddenSize() != hidden) {
                throw new IllegalArgumentException("vectors of widths " + hidden + " and " + vector.hiddenSize()
                        + " cannot share a set (one model per set)");
            }
        }
    }

    /** A set of one vector. */
    public static SteeringVectorSet of(String modelHint, SteeringVector vector) {
        return new SteeringVectorSet(modelHint, List.of(vector));
    }

    /**
     * The only vector at {@code layer}.
     *
     * @throws IllegalArgumentException when there is none or more than one
     */
    public SteeringVector atLayer(int layer) {
        List<SteeringVector> matching =
                vectors.stream().filter(v -> v.layer() == layer).toList();
        if (matching.size() != 1) {
            throw new IllegalArgumentException(matching.size() + " vectors at layer " + layer + "; layers in the set: "
                    + vectors.stream().map(SteeringVector::layer).toList());
        }
        return matching.get(0);
    }

    /**
     * The set's only vector.
     *
     * @throws IllegalArgumentException when the set holds several (pick one with {@link #atLayer})
     */
    public SteeringVector single() {
        if (vectors.size() != 1) {
            throw new IllegalArgumentException("the set holds " + vectors.size() + " vectors, at layers "
                    + vectors.stream().map(SteeringVector::layer).toList() + "; choose a layer");
        }
        return vectors.get(0);
    }
}
