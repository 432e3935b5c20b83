package ai.steersynth.generator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.steersynth.contracts.sweep.DecodingSettings;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.generator.config.GeneratorProperties;
import ai.steersynth.generator.domain.GeneratedText;
import ai.steersynth.generator.domain.ResolvedSteering;
import ai.steersynth.generator.domain.SampleJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator's engine adapter on the default model (SmolLM2-135M-Instruct GGUF, path in
 * {@code STEERSYNTH_TEST_MODEL}): rows of several configs in one batch give exactly the texts each
 * config gives alone.
 */
class EngineSampleGeneratorModelTest {

    private static LoadedModels models;
    private static ModelSource source;

    @BeforeAll
    static void loadModel() {
        String path = System.getenv("STEERSYNTH_TEST_MODEL");
        assumeTrue(
                path != null && Files.isRegularFile(Path.of(path)),
                "STEERSYNTH_TEST_MODEL is not set to the default model's GGUF (../shared/tools/fetch-model.sh prints it): skipping");
        source = ModelSource.parse(path);
        models = new LoadedModels(new GeneratorProperties(
                List.of(),
                8,
                "cpu",
                Path.of(System.getProperty("java.io.tmpdir")),
                Duration.ofMillis(100),
                Duration.ofMinutes(1),
                16));
    }

    @AfterAll
    static void release() {
        if (models != null) {
            models.destroy();
        }
    }

    @Test
    void aMixedBatchOfConfigsGivesTheSameSamplesAsEachConfigAlone() {
        int hidden = models.get(source).model().config().hiddenSize();
        float[] direction = randomUnit(hidden, 3);
        DecodingSettings greedy = new DecodingSettings(8, 0.0, 1.0, 0);
        List<SampleJob> jobs = List.of(
                job("a", "Reply to: I just got a new bike!", null, greedy),
                job("b", "Reply to: Anyone watching the game tonight?", steering(direction, 4f), greedy),
                job("c", "Reply to: Anyone watching the game tonight?", steering(direction, 12f), greedy),
                job("d", "Write a short greeting.", steering(direction, 0f), greedy));
        EngineSampleGenerator generator = new EngineSampleGenerator(models);

        List<GeneratedText> mixed = generator.generate(source, jobs);
        List<GeneratedText> alone = new ArrayList<>();
        for (SampleJob job : jobs) {
            alone.add(generator.generate(source, List.of(job)).get(0));
        }

        assertThat(mixed).isEqualTo(alone);
        assertThat(mixed).allSatisfy(text -> assertThat(text.tokenCount()).isBetween(1, 8));
        // The steering took effect: the same prompt steered at two strengths reads differently.
        assertThat(mixed.get(1).text()).isNotEqualTo(mixed.get(2).text());
    }

    private static SampleJob job(String config, String prompt, ResolvedSteering steering, DecodingSettings decoding) {
        return new SampleJob(config, 0, prompt, null, prompt, steering, 42L, decoding);
    }

    private static ResolvedSteering steering(float[] direction, float scale) {
        return new ResolvedSteering(10, direction, scale, PositionPolicy.PROMPT_AND_GENERATION, 0);
    }

    private static float[] randomUnit(int size, long seed) {
        Random random = new Random(seed);
        float[] v = new float[size];
        double norm = 0;
        for (int i = 0; i < size; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < size; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
