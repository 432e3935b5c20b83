package ai.steersynth.generator.domain;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.SweepSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a config still needs generated. Sample {@code i} uses generation prompt {@code i mod P}; a
 * steered config asks the prompt plainly and steers, the prompting baseline puts the pack's
 * prompting instruction in the system turn and does not steer.
 */
public final class JobPlanner {

    private JobPlanner() {}

    /**
     * Jobs for the config's unpublished indices, lowest first, at most {@code limit}.
     *
     * @param steering the config's resolved steering; null for the baseline
     */
    public static List<SampleJob> missingJobs(
            ConfigSpec config,
            SweepSettings settings,
            ConceptPack pack,
            ResolvedSteering steering,
            Set<Integer> published,
            int limit) {
        if (pack.generationPrompts().isEmpty()) {
            throw new IllegalArgumentException("concept pack '" + pack.id() + "' has no generation prompts");
        }
        boolean baseline = config.kind() == ConfigKind.PROMPTING_BASELINE;
        List<SampleJob> jobs = new ArrayList<>();
        for (int index = 0; index < settings.samplesPerConfig() && jobs.size() < limit; index++) {
            if (published.contains(index)) {
                continue;
            }
            String prompt = pack.generationPrompts()
                    .get(index % pack.generationPrompts().size());
            jobs.add(new SampleJob(
                    config.configId(),
                    index,
                    prompt,
                    baseline ? pack.promptingInstruction() : null,
                    prompt,
                    baseline ? null : steering,
                    SampleSeeds.seedOf(settings.seed(), config, index),
                    settings.decoding()));
        }
        return jobs;
    }
}
