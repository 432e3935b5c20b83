package ai.steersynth.judge.domain;

import ai.steersynth.contracts.pack.LabelledExample;
import java.util.List;

/**
 * What a judge knows about the concept it scores against.
 *
 * @param id the concept pack id
 * @param contentHash the pack's content hash; a classifier trained on the pack is valid for exactly this hash
 * @param definition what the concept is, as the rubric shows it to an LLM judge
 * @param judgeSplit the pack's judge split (label 1 = violating), which trains the offline judge
 */
public record JudgeConcept(String id, String contentHash, String definition, List<LabelledExample> judgeSplit) {

    public JudgeConcept {
        judgeSplit = judgeSplit == null ? List.of() : List.copyOf(judgeSplit);
    }
}
