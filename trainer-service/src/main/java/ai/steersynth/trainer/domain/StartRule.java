package ai.steersynth.trainer.domain;

import ai.steersynth.contracts.sweep.ConfigKind;
import java.util.Objects;

/**
 * When a config's detector may train (ARCHITECTURE §4: a stage starts a config when it has what it needs). An
 * original-data config needs its sweep and pack; a generating config also needs its complete sample set and,
 * when the sweep filters by success, a judgement (or a judgement failure) for every sample.
 */
public final class StartRule {

    private StartRule() {}

    /** What the trainer knows about one config when an event about it arrives. */
    public record Facts(
            ConfigKind kind,
            boolean sweepCancelled,
            boolean packKnown,
            Integer expectedSamples,
            String generationFailure,
            int samplesStored,
            int samplesJudged,
            boolean filtersBySuccess) {

        public Facts {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** What to do with the config now. */
    public enum Action {
        /** Not everything is in yet. */
        WAIT,
        /** Train now. */
        START,
        /** Announce a failed detector run: the config can never train. */
        FAIL,
        /** Its sweep was cancelled: do nothing more for it. */
        SKIP
    }

    /**
     * A decision with its reason.
     *
     * @param action what to do
     * @param reason why (the failure reason for {@link Action#FAIL})
     */
    public record Decision(Action action, String reason) {}

    /** Decides for one config. */
    public static Decision decide(Facts facts) {
        if (facts.sweepCancelled()) {
            return new Decision(Action.SKIP, "sweep cancelled");
        }
        if (facts.kind().generates() && facts.generationFailure() != null) {
            return new Decision(Action.FAIL, "generation failed: " + facts.generationFailure());
        }
        if (!facts.packKnown()) {
            return new Decision(Action.WAIT, "concept pack not received yet");
        }
        if (!facts.kind().generates()) {
            return new Decision(Action.START, "original data needs only the pack");
        }
        if (facts.expectedSamples() == null) {
            return new Decision(Action.WAIT, "generation not complete");
        }
        if (facts.samplesStored() < facts.expectedSamples()) {
            return new Decision(
                    Action.WAIT, facts.samplesStored() + " of " + facts.expectedSamples() + " samples received");
        }
        if (facts.filtersBySuccess() && facts.samplesJudged() < facts.expectedSamples()) {
            return new Decision(
                    Action.WAIT, facts.samplesJudged() + " of " + facts.expectedSamples() + " samples judged");
        }
        return new Decision(Action.START, "all samples" + (facts.filtersBySuccess() ? " and judgements" : "") + " in");
    }
}
