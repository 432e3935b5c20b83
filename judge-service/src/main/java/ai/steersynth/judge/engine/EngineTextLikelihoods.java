package ai.steersynth.judge.engine;

import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.engine.chat.ChatMessage;
import ai.steersynth.engine.generate.TokenLogProbabilities;
import ai.steersynth.engine.generate.TokenLogProbabilities.ScoredSequence;
import ai.steersynth.engine.tokenizer.TextTokenizer;
import ai.steersynth.judge.domain.JudgeRequest;
import ai.steersynth.judge.domain.TextLikelihoods;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Text likelihoods from a model loaded in the engine. A text with a prompt is scored as the assistant's
 * reply to it: the context is the model's chat template rendered for the prompt as the user message with
 * the generation prompt appended, exactly as the generator framed it (minus any system message the sample
 * does not carry). A text without a prompt is scored after BOS (or EOS for models without BOS). Texts are
 * cut to their first {@code maxTokens} tokens and scored {@code batchSize} at a time.
 */
public final class EngineTextLikelihoods implements TextLikelihoods {

    /** Conditioning names recorded in the raw output. */
    static final String CHAT_PROMPT = "chat-template-prompt";

    static final String BOS = "bos";

    private final JudgeModels models;
    private final int maxTokens;
    private final int batchSize;

    public EngineTextLikelihoods(JudgeModels models, int maxTokens, int batchSize) {
        if (maxTokens < 1 || batchSize < 1) {
            throw new IllegalArgumentException("maxTokens and batchSize must be positive");
        }
        this.models = models;
        this.maxTokens = maxTokens;
        this.batchSize = batchSize;
    }

    @Override
    public Optional<String> unavailableReason(ModelSource model) {
        return models.unavailableReason(model);
    }

    @Override
    public List<TextLikelihood> score(ModelSource model, List<JudgeRequest> requests) {
        JudgeModels.LoadedModel loaded = models.get(model);
        TextTokenizer tokenizer = loaded.files().tokenizer();
        TokenLogProbabilities scorer = new TokenLogProbabilities(loaded.model());
        List<TextLikelihood> results = new ArrayList<>(requests.size());
        for (int start = 0; start < requests.size(); start += batchSize) {
            List<JudgeRequest> batch = requests.subList(start, Math.min(requests.size(), start + batchSize));
            List<ScoredSequence> rows = new ArrayList<>(batch.size());
            List<String> conditioning = new ArrayList<>(batch.size());
            for (JudgeRequest request : batch) {
                boolean prompted = request.prompt() != null && !request.prompt().isBlank();
                int[] context = prompted
                        ? tokenizer.encode(
                                loaded.files().chatTemplate().render(List.of(ChatMessage.user(request.prompt())), true),
                                false)
                        : startOfText(tokenizer);
                int[] text = tokenizer.encode(request.text(), false);
                rows.add(new ScoredSequence(context, Arrays.copyOf(text, Math.min(text.length, maxTokens))));
                conditioning.add(prompted ? CHAT_PROMPT : BOS);
            }
            List<float[]> logProbabilities = scorer.score(rows);
            for (int i = 0; i < rows.size(); i++) {
                float[] row = logProbabilities.get(i);
                double sum = 0;
                for (float logProbability : row) {
                    sum -= logProbability;
                }
                results.add(
                        new TextLikelihood(row.length == 0 ? 0 : sum / row.length, row.length, conditioning.get(i)));
            }
        }
        return results;
    }

    private static int[] startOfText(TextTokenizer tokenizer) {
        int id = tokenizer.bosTokenId() >= 0 ? tokenizer.bosTokenId() : tokenizer.eosTokenId();
        if (id < 0) {
            throw new IllegalStateException("the model has neither BOS nor EOS to score a text without a prompt after");
        }
        return new int[] {id};
    }
}
