package ai.steersynth.engine.generate;

/** Receives each generated token as it is sampled (streaming). Called on the generating thread. */
@FunctionalInterface
public interface TokenListener {

    /**
     * @param row the row's index in the request
     * @param tokenId the token just sampled (a stop token included)
     */
    void onToken(int row, int tokenId);

    /** Ignores every token. */
    TokenListener NONE = (row, tokenId) -> {};
}
