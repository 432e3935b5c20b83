package ai.steersynth.engine.generate;

/**
 * Decides after each sampled token whether a row is done, e.g. because its decoded text now ends in
 * a stop string (see {@link StopStrings}). Stop token ids are handled by the request itself.
 */
@FunctionalInterface
public interface StopCondition {

    /**
     * @param row the row's index in the request
     * @param generatedTokenIds every token the row has generated so far, the newest last
     */
    boolean shouldStop(int row, int[] generatedTokenIds);

    /** Never stops. */
    StopCondition NEVER = (row, generatedTokenIds) -> false;
}
