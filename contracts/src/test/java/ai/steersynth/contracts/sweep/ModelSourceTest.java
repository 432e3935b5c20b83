package ai.steersynth.contracts.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void localFilesAreUsedWhereTheyAreAndHuggingFaceModelsComeFromTheCache(@TempDir Path cache) throws Exception {
        assertThat(ModelSource.parse("/models/smol.Q4_1.gguf").localPath(cache))
                .isEqualTo(Path.of("/models/smol.Q4_1.gguf"));
        assertThat(ModelSource.parse("~/models/smol").localPath(cache))
                .isEqualTo(Path.of(System.getProperty("user.home"), "models/smol"));
        Files.createDirectories(cache.resolve("HuggingFaceTB-SmolLM2-135M-Instruct"));
        assertThat(ModelSource.parse("hf:HuggingFaceTB/SmolLM2-135M-Instruct").localPath(cache))
                .isEqualTo(cache.resolve("HuggingFaceTB-SmolLM2-135M-Instruct"));
    }

    @Test
    void aHuggingFaceModelMissingFromTheCacheIsRefusedWithWhatToDo(@TempDir Path cache) {
        assertThatThrownBy(() -> ModelSource.parse("hf:org/absent").localPath(cache))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hf:org/absent is not in the model cache")
                .hasMessageContaining("or register a local directory or .gguf file");
    }
}
