package ai.steersynth.contracts.result;

/**
 * One generated response.
 *
 * @param sampleId deterministic: {@code <configId>:<index>}, so a regenerated sample keeps its id
 * @param configId the config it belongs to
 * @param index 0-based position within the config's samples
 * @param prompt the generation prompt (before the chat template)
 * @param text the generated text
 * @param tokenCount generated tokens
 * @param seed the sampling seed of this sample
 * @param finishReason {@code stop} or {@code length}
 */
public record Sample(
        String sampleId,
        String configId,
        int index,
        String prompt,
        String text,
        int tokenCount,
        long seed,
        String finishReason) {

    /** The deterministic id of a config's {@code index}-th sample. */
    public static String idOf(String configId, int index) {
        return configId + ":" + index;
    }
}
