package ai.steersynth.metrics.domain;

/**
 * Tunables of the diversity metrics.
 *
 * @param mattrWindow the MATTR window in tokens, at least 1
 */
public record DiversitySettings(int mattrWindow) {

    /** The MATTR window of Covington and McFall (2010), and our default. */
    public static final int DEFAULT_MATTR_WINDOW = 50;

    public DiversitySettings {
        if (mattrWindow < 1) {
            throw new IllegalArgumentException("mattrWindow must be at least 1, was " + mattrWindow);
        }
    }

    /** The defaults: a MATTR window of 50 tokens. */
    public static DiversitySettings defaults() {
        return new DiversitySettings(DEFAULT_MATTR_WINDOW);
    }
}
