package ai.steersynth.engine.steering.extract;

/** Where in a contrastive item the residual stream was read. */
public enum ActivationPositions {
    /**
     * A/B items (CAA): the user turn holds the question with its choices, the assistant turn starts
     * with the answer ({@code (A}); the residual at the answer letter's token.
     */
    AB_ANSWER_LETTER,
    /** TEXT pairs: prompt plus completion; the mean of the residual over the completion's tokens. */
    TEXT_COMPLETION_MEAN
}
