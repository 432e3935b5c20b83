package ai.steersynth.metrics.domain;

import java.util.List;
import java.util.Map;

/** A {@link TextEmbedder} that looks each text's vector up in a fixed table, so embedding metrics have known inputs. */
record FixedEmbedder(Map<String, float[]> vectors) implements TextEmbedder {

    @Override
    public float[][] embed(List<String> texts) {
        float[][] rows = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            float[] vector = vectors.get(texts.get(i));
            if (vector == null) {
                throw new IllegalArgumentException("no fixed vector for " + texts.get(i));
            }
            rows[i] = vector.clone();
        }
        return rows;
    }
}
