package ai.steersynth.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.steersynth.engine.ModelFiles;
import ai.steersynth.engine.generate.TokenLogProbabilities.ScoredSequence;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.tokenizer.TextTokenizer;
import ai.steersynth.engine.weights.TestModels;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Teacher-forced scoring on the default model (SmolLM2-135M-Instruct; skipped without STEERSYNTH_TEST_MODEL). */
class TokenLogProbabilitiesModelTest {

    @Test
    void theModelFindsParisLikelierThanLondonAfterTheCapitalOfFrance() {
        try (ModelFiles files = ModelFiles.open(TestModels.defaultModel());
                LlamaModel model = LlamaModel.load(files.weights(), Device.cpu())) {
            TextTokenizer tokenizer = files.tokenizer();
            int[] context = withBos(tokenizer, tokenizer.encode("The capital of France is", false));
            ScoredSequence paris = new ScoredSequence(context, tokenizer.encode(" Paris", false));
            ScoredSequence london = new ScoredSequence(context, tokenizer.encode(" London", false));
            ScoredSequence longer = new ScoredSequence(
                    withBos(tokenizer, tokenizer.encode("Water boils at", false)),
                    tokenizer.encode(" one hundred degrees Celsius at sea level.", false));
            TokenLogProbabilities scorer = new TokenLogProbabilities(model);

            List<float[]> scores = scorer.score(List.of(paris, london, longer));

            assertThat(sum(scores.get(0))).isGreaterThan(sum(scores.get(1)));
            float[] alone = scorer.score(List.of(longer)).get(0);
            for (int k = 0; k < alone.length; k++) {
                assertThat(scores.get(2)[k]).as("token " + k).isCloseTo(alone[k], Offset.offset(1e-3f));
            }
        }
    }

    private static int[] withBos(TextTokenizer tokenizer, int[] ids) {
        if (tokenizer.bosTokenId() < 0) {
            return ids;
        }
        int[] out = new int[ids.length + 1];
        out[0] = tokenizer.bosTokenId();
        System.arraycopy(ids, 0, out, 1, ids.length);
        return out;
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}
