package ai.steersynth.contracts.sweep;

/**
 * How the extrinsic test trains detectors.
 *
 * @param kind {@code embedding-logreg} (default), {@code lm-probe} or {@code finetune}
 * @param seeds training seeds per config; results report mean and spread
 * @param successThreshold when set, only samples judged at least this successful replace positives
 */
public record DetectorSettings(String kind, int seeds, Double successThreshold) {

    public static DetectorSettings defaults() {
        return new DetectorSettings("embedding-logreg", 3, null);
    }
}
