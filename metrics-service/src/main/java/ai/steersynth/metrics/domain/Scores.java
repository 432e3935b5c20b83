package ai.steersynth.metrics.domain;

/** Range checks shared by the result records. */
final class Scores {

    private Scores() {}

    static void requireUnit(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], was " + value);
        }
    }

    /** Summing values in [0, 1] and dividing may land an ulp outside; this puts it back. */
    static double clampUnit(double value) {
        return Math.min(1.0, Math.max(0.0, value));
    }
}
