package ai.steersynth.contracts.event;

import ai.steersynth.contracts.result.Judgement;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Judge output on {@code Topics.JUDGEMENTS}, keyed by config id; {@link JudgeValidityAssessed}, which is
 * about a sweep's concept rather than a config, is keyed by {@code <sweepId>:<conceptId>}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JudgementEvent.SampleJudged.class, name = "SampleJudged"),
    @JsonSubTypes.Type(value = JudgementEvent.SampleJudgementFailed.class, name = "SampleJudgementFailed"),
    @JsonSubTypes.Type(value = JudgementEvent.JudgeValidityAssessed.class, name = "JudgeValidityAssessed")
})
public sealed interface JudgementEvent extends Event {

    /** The config of the judged sample; {@code null} for {@link JudgeValidityAssessed}. */
    String configId();

    /** The sweep of that config. */
    String sweepId();

    @Override
    default String key() {
        return configId();
    }

    /** A sample was scored; event id {@code sample-judged:<sampleId>:<judgeId>}. */
    record SampleJudged(
            String eventId, String configId, Instant occurredAt, int schemaVersion, String sweepId, Judgement judgement)
            implements JudgementEvent {}

    /** A sample could not be scored (recorded as unscored, never as 0). */
    record SampleJudgementFailed(
            String eventId,
            String configId,
            Instant occurredAt,
            int schemaVersion,
            String sweepId,
            String sampleId,
            String reason,
            String rawOutput)
            implements JudgementEvent {}

    /**
     * How well the sweep's judge separates real violations from non-violations of one of the sweep's
     * concepts: the AUROC of its success score on the pack's labelled test split against the gold labels.
     * Published once per (sweep, concept); event id {@code judge-validity:<sweepId>:<conceptId>}.
     *
     * @param auroc the AUROC, or {@code null} when it could not be computed ({@code reason} says why)
     * @param examples test examples the judge scored (the AUROC's sample size)
     * @param positives of those, the violating ones
     * @param threshold the AUROC below which the judge is invalid for the concept
     * @param valid {@code auroc >= threshold}, or {@code null} when there is no AUROC
     * @param reason why there is no AUROC, or which test examples were left unscored; may be {@code null}
     */
    record JudgeValidityAssessed(
            String eventId,
            String sweepId,
            Instant occurredAt,
            int schemaVersion,
            String conceptId,
            String judgeId,
            String rubricVersion,
            String packContentHash,
            Double auroc,
            int examples,
            int positives,
            double threshold,
            Boolean valid,
            String reason)
            implements JudgementEvent {

        /** Not about one config. */
        @Override
        public String configId() {
            return null;
        }

        @Override
        public String key() {
            return sweepId + ":" + conceptId;
        }
    }
}
