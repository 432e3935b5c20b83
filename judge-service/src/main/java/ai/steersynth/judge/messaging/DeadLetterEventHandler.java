package ai.steersynth.judge.messaging;

import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.sweep.JudgeSettings;
import ai.steersynth.judge.domain.JudgeRegistry;
import ai.steersynth.judge.domain.JudgeResult;
import ai.steersynth.judge.persistence.SweepRepository;
import ai.steersynth.judge.persistence.SweepRepository.ConfigContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A sample this service dead-lettered after its retries is announced as {@code SampleJudgementFailed},
 * so the sweep's counters account for it and the sweep shows why.
 */
@Component
class DeadLetterEventHandler {

    static final String CONSUMER = "judge-dead-letters";

    private final SweepRepository sweeps;
    private final JudgeRegistry registry;
    private final JudgementRecorder recorder;

    DeadLetterEventHandler(SweepRepository sweeps, JudgeRegistry registry, JudgementRecorder recorder) {
        this.sweeps = sweeps;
        this.registry = registry;
        this.recorder = recorder;
    }

    @Transactional
    public void handle(SampleEvent event, String exceptionMessage) {
        if (!(event instanceof SampleEvent.SampleGenerated generated)) {
            return;
        }
        JudgeSettings settings =
                sweeps.findConfig(event.configId()).map(ConfigContext::judge).orElse(JudgeSettings.defaults());
        String reason =
                "dead-lettered after retries: " + (exceptionMessage == null ? "unknown error" : exceptionMessage);
        recorder.record(
                event.eventId(),
                CONSUMER,
                generated,
                registry.judgeIdOf(settings),
                "none",
                JudgeResult.unscored(reason, "", 0));
    }
}
