package ai.steersynth.contracts.pack;

import java.util.List;

/**
 * Everything SteerSynth needs to know about one HHH-violating concept (ARCHITECTURE §2).
 *
 * @param id stable slug, {@code [a-z0-9][a-z0-9-]{0,63}}, e.g. {@code toxicity}
 * @param name human-readable name
 * @param definition what the concept is; the judge reads it
 * @param promptingInstruction how the prompting baseline asks the model to produce the concept
 * @param contrastivePairs pairs used to extract steering vectors
 * @param generationPrompts prompts on which steered (and baseline) generations are made
 * @param detectorData labelled examples, split into train, judge and test
 * @param provenance where the data came from and how it was normalised and split
 */
public record ConceptPack(
        String id,
        String name,
        String definition,
        String promptingInstruction,
        List<ContrastivePair> contrastivePairs,
        List<String> generationPrompts,
        DetectorData detectorData,
        PackProvenance provenance) {

    public ConceptPack {
        contrastivePairs = contrastivePairs == null ? List.of() : List.copyOf(contrastivePairs);
        generationPrompts = generationPrompts == null ? List.of() : List.copyOf(generationPrompts);
    }
}
