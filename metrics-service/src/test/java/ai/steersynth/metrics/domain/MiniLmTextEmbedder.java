package ai.steersynth.metrics.domain;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * The real all-MiniLM-L6-v2 (quantised, ONNX, shipped inside its Maven jar) behind {@link TextEmbedder}, for the model
 * test and the benchmark; the service will adapt ml's SentenceEmbedder instead.
 */
final class MiniLmTextEmbedder implements TextEmbedder {

    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Override
    public float[][] embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream()
                .map(Embedding::vector)
                .toArray(float[][]::new);
    }
}
