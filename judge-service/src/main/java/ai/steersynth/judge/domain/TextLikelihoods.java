package ai.steersynth.judge.domain;

import ai.steersynth.contracts.sweep.ModelSource;
import java.util.List;
import java.util.Optional;

/**
 * How likely a language model finds texts: the per-token log-likelihood the offline judge's coherence is
 * calibrated from. The engine adapter lives in the {@code engine} package; {@link #NONE} has no models.
 */
public interface TextLikelihoods {

    /**
     * Why {@code model} cannot score texts on this machine (not downloaded, not loadable), or empty when it
     * can. May load the model on first call; the answer for a source does not change afterwards.
     */
    Optional<String> unavailableReason(ModelSource model);

    /**
     * Each request's text scored by {@code model}, conditioned on the request's prompt when it has one.
     *
     * @throws IllegalStateException when the model is unavailable
     */
    List<TextLikelihood> score(ModelSource model, List<JudgeRequest> requests);

    /**
     * One text's likelihood.
     *
     * @param meanNegativeLogLikelihood mean over the text's tokens of {@code -ln p(token | prefix)}, in nats
     * @param tokens how many tokens were scored (0 for an empty text, whose mean is 0)
     * @param conditioning what the text was conditioned on, e.g. {@code chat-template-prompt} or {@code bos}
     */
    record TextLikelihood(double meanNegativeLogLikelihood, int tokens, String conditioning) {}

    /** No models: every source is unavailable. */
    TextLikelihoods NONE = new TextLikelihoods() {
        @Override
        public Optional<String> unavailableReason(ModelSource model) {
            return Optional.of("this judge service has no language-model engine configured");
        }

        @Override
        public List<TextLikelihood> score(ModelSource model, List<JudgeRequest> requests) {
            throw new IllegalStateException("no language-model engine configured");
        }
    };
}
