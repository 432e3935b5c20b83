package ai.steersynth.engine.steering.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.contracts.sweep.StrengthMode;
import ai.steersynth.engine.steering.Steering;
import ai.steersynth.engine.steering.SteeringPositions;
import ai.steersynth.engine.weights.GgmlType;
import ai.steersynth.engine.weights.GgufFile;
import ai.steersynth.engine.weights.GgufTensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFilesTest {

    @TempDir
    Path directory;

    private static SteeringVector vector(int layer, SteeringMethod method, long seed, double norm) {
        VectorProvenance provenance = new VectorProvenance(
                method,
                layer,
                List.of(ActivationPositions.AB_ANSWER_LETTER, ActivationPositions.TEXT_COMPLETION_MEAN),
                method == SteeringMethod.ACTADD ? 4 : 0,
                "model-hash",
                "llama",
                "toxicity",
                "pack-hash",
                "data-hash",
                32,
                method == SteeringMethod.LINEAR_PROBE ? 0.875 : null,
                seed);
        return new SteeringVector(SyntheticActivations.unitGaussian(new Random(seed), 48), norm, provenance);
    }

    private static SteeringVectorSet set() {
        return new SteeringVectorSet(
                "llama",
                List.of(
                        vector(3, SteeringMethod.LINEAR_PROBE, 1, 12.5),
                        vector(7, SteeringMethod.PCA, 2, 31.25),
                        vector(12, SteeringMethod.ACTADD, 3, 80.0)));
    }

    @Test
    void aVectorSetSurvivesAJsonRoundTripExactly() {
        Path file = directory.resolve("vectors.json");
        SteeringVectorJson.write(set(), file);
        assertThat(SteeringVectorJson.read(file)).isEqualTo(set());
    }

    @Test
    void jsonOfAnotherFormatIsRejected() {
        assertThatThrownBy(() -> SteeringVectorJson.fromJson(
                        "{\"format\":\"other\",\"formatVersion\":1,\"modelHint\":\"x\",\"vectors\":[]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected format steersynth-steering-vectors");
    }

    @Test
    void aVectorSetSurvivesAGgufRoundTripExactly() {
        Path file = directory.resolve("vectors.gguf");
        ControlVectorGguf.write(set(), 1.0, file);
        assertThat(ControlVectorGguf.read(file)).isEqualTo(set());
    }

    @Test
    void theGgufFileIsALlamaCppControlVectorWithScaledDirectionsNamedByBlockIndex() {
        Path file = directory.resolve("vectors.gguf");
        ControlVectorGguf.write(set(), 0.5, file);
        try (GgufFile gguf = GgufFile.open(file)) {
            assertThat(gguf.version()).isEqualTo(3);
            assertThat(gguf.metadata().string("general.architecture")).isEqualTo("controlvector");
            assertThat(gguf.metadata().string("controlvector.model_hint")).isEqualTo("llama");
            assertThat(gguf.metadata().integer("controlvector.layer_count")).isEqualTo(3);
            assertThat(gguf.dataOffset() % 32).isZero();
            assertThat(gguf.tensors().keySet()).containsExactly("direction.3", "direction.7", "direction.12");
            for (SteeringVector expected : set().vectors()) {
                GgufTensorInfo info = gguf.tensors().get("direction." + expected.layer());
                assertThat(info.type()).isEqualTo(GgmlType.F32);
                assertThat(info.dimensions()).containsExactly(48L);
                assertThat(info.offset() % 32).isZero();
                FloatBuffer data = gguf.map(info).asFloatBuffer();
                float[] direction = expected.direction();
                for (int i = 0; i < direction.length; i++) {
                    assertThat(data.get(i))
                            .isCloseTo((float) (direction[i] * expected.meanResidualNorm() * 0.5), within(1e-5f));
                }
            }
        }
        assertThat(ControlVectorGguf.read(file)).isEqualTo(set());
    }

    @Test
    void aControlVectorWithoutSteerSynthMetadataReadsAsUnitDirectionsScaledByTheirOwnNorm() {
        float[] tensor = {3f, 0f, 4f, 0f};
        Path file = directory.resolve("repeng.gguf");
        new GgufWriter()
                .putString("general.architecture", "controlvector")
                .putString("controlvector.model_hint", "mistral")
                .putUint32("controlvector.layer_count", 1)
                .addTensor("direction.5", tensor)
                .write(file);
        SteeringVector read = ControlVectorGguf.read(file).single();
        assertThat(read.layer()).isEqualTo(5);
        assertThat(read.direction()).containsExactly(0.6f, 0f, 0.8f, 0f);
        assertThat(read.meanResidualNorm()).isEqualTo(5.0);
        assertThat(read.provenance().method()).isNull();
        assertThat(read.scaled(1.0, StrengthMode.RELATIVE)).containsExactly(3f, 0f, 4f, 0f);
    }

    @Test
    void aVectorAtBlockZeroCannotBeExportedBecauseLlamaCppRejectsDirectionZero() {
        SteeringVectorSet atZero = SteeringVectorSet.of("llama", vector(0, SteeringMethod.PCA, 4, 1.0));
        assertThatThrownBy(() -> ControlVectorGguf.write(atZero, 1.0, directory.resolve("zero.gguf")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("direction.0");
    }

    @Test
    void aGgufWhoseTensorsWereEditedAfterExportIsRejected() throws Exception {
        Path file = directory.resolve("vectors.gguf");
        ControlVectorGguf.write(set(), 1.0, file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 61] ^= 0x40; // the high byte of a float of the last tensor: an exponent bit
        Files.write(file, bytes);
        assertThatThrownBy(() -> ControlVectorGguf.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("disagrees");
    }

    @Test
    void strengthsAreRelativeToTheMeanResidualNormOrAbsolute() {
        SteeringVector v = vector(7, SteeringMethod.PCA, 2, 31.25);
        assertThat(v.absoluteStrength(2.0, StrengthMode.RELATIVE)).isEqualTo(62.5);
        assertThat(v.absoluteStrength(2.0, StrengthMode.ABSOLUTE)).isEqualTo(2.0);
        assertThat(VectorMath.norm(v.scaled(0.5, StrengthMode.RELATIVE))).isCloseTo(15.625, within(1e-3));
        Steering steering = v.steering(0.5, StrengthMode.RELATIVE, PositionPolicy.GENERATION_ONLY);
        assertThat(steering.strength()).isEqualTo(15.625f);
        assertThat(steering.layers()).containsExactly(7);
        assertThat(steering.positions()).isEqualTo(SteeringPositions.generatedOnly());
    }

    @Test
    void anActAddVectorIsInjectedAtItsFirstPromptPositionsWhateverThePolicy() {
        SteeringVector v = vector(12, SteeringMethod.ACTADD, 3, 80.0);
        assertThat(v.positions(PositionPolicy.PROMPT_AND_GENERATION)).isEqualTo(SteeringPositions.firstPromptTokens(4));
    }

    @Test
    void aDirectionThatIsNotUnitNormIsRefused() {
        VectorProvenance provenance = vector(1, SteeringMethod.PCA, 1, 1).provenance();
        assertThatThrownBy(() -> new SteeringVector(new float[] {1f, 1f}, 1.0, provenance))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit-norm");
    }
}
