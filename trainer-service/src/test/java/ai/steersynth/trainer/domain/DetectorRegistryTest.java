package ai.steersynth.trainer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.contracts.sweep.ModelSource;
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

    @Test
    void aKindThatReadsTheModelIsBuiltPerSourceAndNeedsOne() {
        Detector fixed = new EmbeddingLogisticRegressionDetector(new SentenceEmbedder());
        List<ModelSource> asked = new java.util.ArrayList<>();
        DetectorRegistry withProbe = registry.withModelKind("lm-probe", source -> {
            asked.add(source);
            return fixed;
        });
        ModelSource source = ModelSource.parse("/models/m.gguf");

        assertThat(withProbe.kinds()).containsExactly("embedding-logreg", "lm-probe");
        assertThat(withProbe.needsModel("lm-probe")).isTrue();
        assertThat(withProbe.needsModel("embedding-logreg")).isFalse();
        assertThat(withProbe.detector("lm-probe", source)).isSameAs(fixed);
        assertThat(asked).containsExactly(source);
        assertThat(withProbe.detector("embedding-logreg", null))
                .isInstanceOf(EmbeddingLogisticRegressionDetector.class);
        assertThatThrownBy(() -> withProbe.detector("lm-probe", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lm-probe")
                .hasMessageContaining("no source");
        assertThatThrownBy(() -> withProbe.get("lm-probe")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withProbe.withModelKind("embedding-logreg", s -> fixed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.kinds()).containsExactly("embedding-logreg");
    }
}
