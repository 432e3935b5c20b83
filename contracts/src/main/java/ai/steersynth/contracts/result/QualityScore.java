package ai.steersynth.contracts.result;

/**
 * The intrinsic quality of one config: mean success, mean coherence, diversity, and their harmonic
 * mean. This is the one place HM is computed; the sweep service calls it once a config's judgements
 * and diversity report are both in.
 *
 * @param success mean judged success in [0, 1]
 * @param coherence mean judged coherence in [0, 1]
 * @param diversity the diversity axis in [0, 1]
 * @param harmonicMean 3 / (1/s + 1/c + 1/d), 0 when any axis is 0
 */
public record QualityScore(double success, double coherence, double diversity, double harmonicMean) {

    /** Computes HM from the three axes. */
    public static QualityScore of(double success, double coherence, double diversity) {
        return new QualityScore(success, coherence, diversity, harmonicMean(success, coherence, diversity));
    }

    /** 3 / (1/s + 1/c + 1/d); 0 when any axis is 0 (the limit of the formula). */
    public static double harmonicMean(double success, double coherence, double diversity) {
        for (double axis : new double[] {success, coherence, diversity}) {
            if (!(axis >= 0.0 && axis <= 1.0)) {
                throw new IllegalArgumentException("quality axes must lie in [0, 1], got " + axis);
            }
            if (axis == 0.0) {
                return 0.0;
            }
        }
        return 3.0 / (1.0 / success + 1.0 / coherence + 1.0 / diversity);
    }
}
