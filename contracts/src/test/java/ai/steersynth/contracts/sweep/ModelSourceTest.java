package ai.steersynth.contracts.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelSourceTest {

    @Test
    void recognisesTheThreeSourceForms() {
        assertThat(ModelSource.parse("hf:HuggingFaceTB/SmolLM2-135M-Instruct"))
                .isEqualTo(new ModelSource(ModelSource.Type.HUGGING_FACE, "HuggingFaceTB/SmolLM2-135M-Instruct"));
        assertThat(ModelSource.parse("/models/smol.Q4_1.gguf").type()).isEqualTo(ModelSource.Type.GGUF);
        assertThat(ModelSource.parse("/models/smol").type()).isEqualTo(ModelSource.Type.DIRECTORY);
    }

    @Test
    void theTextFormRoundTrips() {
        assertThat(ModelSource.parse("hf:org/name").asText()).isEqualTo("hf:org/name");
    }

    @Test
    void rejectsUnrecognisedForms() {
        assertThatThrownBy(() -> ModelSource.parse("hf:not a repo")).hasMessageContaining("Hugging Face repo id");
        assertThatThrownBy(() -> ModelSource.parse("smol")).hasMessageContaining(".gguf");
    }
}
