package ai.steersynth.packs.importer;

import ai.steersynth.packs.normalise.TextNormaliser;
import ai.steersynth.packs.split.SplitPlan;

/**
 * Settings shared by all importers.
 *
 * @param splitPlan fractions, seed, balancing and caps of the detector splits
 * @param maxTextLength texts are cut to this many characters (recorded in the provenance)
 * @param maxContrastivePairs most contrastive pairs a built pack holds
 * @param minGenerationPrompts A/B importers top the open-ended prompts up with train-split question
 *     stems until there are this many generation prompts
 */
public record PackBuildOptions(
        SplitPlan splitPlan, int maxTextLength, int maxContrastivePairs, int minGenerationPrompts) {

    /** {@link SplitPlan#DEFAULT}, 4,000 characters, 1,000 pairs, 100 generation prompts. */
    public static final PackBuildOptions DEFAULT =
            new PackBuildOptions(SplitPlan.DEFAULT, TextNormaliser.DEFAULT_MAX_TEXT_LENGTH, 1_000, 100);

    public PackBuildOptions {
        if (maxContrastivePairs < 1) {
            throw new IllegalArgumentException("maxContrastivePairs must be at least 1");
        }
        if (minGenerationPrompts < 0) {
            throw new IllegalArgumentException("minGenerationPrompts must not be negative");
        }
    }

    public PackBuildOptions withSplitPlan(SplitPlan plan) {
        return new PackBuildOptions(plan, maxTextLength, maxContrastivePairs, minGenerationPrompts);
    }

    public TextNormaliser normaliser() {
        return new TextNormaliser(maxTextLength);
    }
}
