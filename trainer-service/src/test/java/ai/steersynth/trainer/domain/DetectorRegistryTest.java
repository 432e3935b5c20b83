package ai.steersynth.trainer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.ml.embedding.SentenceEmbedder;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorRegistryTest {

    private final DetectorRegistry registry = DetectorRegistry.withDefaults(new SentenceEmbedder());

    @Test
    void theDefaultsOfferTheEmbeddingDetector() {
        assertThat(registry.kinds()).containsExactly("embedding-logreg");
        assertThat(registry.get(DetectorRegistry.DEFAULT_KIND)).isInstanceOf(EmbeddingLogisticRegressionDetector.class);
    }

    @Test
    void anUnknownKindNamesTheKnownOnes() {
        assertThatThrownBy(() -> registry.get("finetune"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finetune")
                .hasMessageContaining("embedding-logreg");
    }

    @Test
    void twoDetectorsOfOneKindAreRejected() {
        SentenceEmbedder embedder = new SentenceEmbedder();
        assertThatThrownBy(() -> new DetectorRegistry(List.of(
                        new EmbeddingLogisticRegressionDetector(embedder),
                        new EmbeddingLogisticRegressionDetector(embedder))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
