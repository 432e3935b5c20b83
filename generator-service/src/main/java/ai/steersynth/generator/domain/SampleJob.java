package ai.steersynth.generator.domain;

import ai.steersynth.contracts.sweep.DecodingSettings;

/**
 * One sample to generate.
 *
 * @param configId the config it belongs to
 * @param index its index within the config
 * @param prompt the generation prompt as stored with the sample
 * @param systemMessage a system message for the chat template, or null
 * @param userMessage the user message for the chat template
 * @param steering the steering to apply, or null for an unsteered row
 * @param seed the sample's seed
 * @param decoding sampling settings
 */
public record SampleJob(
        String configId,
        int index,
        String prompt,
        String systemMessage,
        String userMessage,
        ResolvedSteering steering,
        long seed,
        DecodingSettings decoding) {}
