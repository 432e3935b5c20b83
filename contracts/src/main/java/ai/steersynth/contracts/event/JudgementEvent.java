package ai.steersynth.contracts.event;

import ai.steersynth.contracts.result.Judgement;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** Judge output on {@code Topics.JUDGEMENTS}, keyed by config id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JudgementEvent.SampleJudged.class, name = "SampleJudged"),
    @JsonSubTypes.Type(value = JudgementEvent.SampleJudgementFailed.class, name = "SampleJudgementFailed")
})
public sealed interface JudgementEvent extends Event {

    /** The config of the judged sample. */
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
}
