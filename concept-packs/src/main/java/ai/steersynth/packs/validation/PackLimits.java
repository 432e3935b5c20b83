package ai.steersynth.packs.validation;

/**
 * Size limits a concept pack must respect. The defaults keep an uploaded pack within what a sweep
 * can hold in memory and send through Kafka events comfortably.
 *
 * @param maxDetectorExamples most examples over all three detector splits together
 * @param maxTextLength most characters in any one text (prompts, completions, examples, definition)
 * @param maxContrastivePairs most contrastive pairs
 * @param maxGenerationPrompts most generation prompts
 * @param maxNameLength most characters in the pack name
 * @param maxReportedErrors at most this many field errors are reported; a broken 100k-example
 *     upload would otherwise produce an error list larger than the upload
 */
public record PackLimits(
        int maxDetectorExamples,
        int maxTextLength,
        int maxContrastivePairs,
        int maxGenerationPrompts,
        int maxNameLength,
        int maxReportedErrors) {

    /** The limits used when nothing else is configured. */
    public static final PackLimits DEFAULT = new PackLimits(100_000, 4_000, 20_000, 10_000, 200, 200);

    public PackLimits {
        requirePositive(maxDetectorExamples, "maxDetectorExamples");
        requirePositive(maxTextLength, "maxTextLength");
        requirePositive(maxContrastivePairs, "maxContrastivePairs");
        requirePositive(maxGenerationPrompts, "maxGenerationPrompts");
        requirePositive(maxNameLength, "maxNameLength");
        requirePositive(maxReportedErrors, "maxReportedErrors");
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
