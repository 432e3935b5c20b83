package ai.steersynth.judge.web;

import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.judge.domain.Judge;
import ai.steersynth.judge.domain.JudgeConcept;
import ai.steersynth.judge.domain.JudgeRegistry;
import ai.steersynth.judge.domain.JudgeValidation;
import ai.steersynth.judge.domain.UnsupportedJudgeException;
import ai.steersynth.judge.domain.ValidityReport;
import ai.steersynth.judge.persistence.PackRepository;
import ai.steersynth.judge.persistence.ValidityRepository;
import ai.steersynth.platform.web.ApiValidationException;
import ai.steersynth.platform.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Computes a judge's validity on a pack's test split on first request and keeps it per pack content. */
@Component
class ValidityReports {

    private final JudgeRegistry registry;
    private final PackRepository packs;
    private final ValidityRepository reports;
    private final Clock clock;
    private final double threshold;

    ValidityReports(
            JudgeRegistry registry,
            PackRepository packs,
            ValidityRepository reports,
            Clock clock,
            @Value("${steersynth.judge.validity-threshold}") double threshold) {
        this.registry = registry;
        this.packs = packs;
        this.reports = reports;
        this.clock = clock;
        this.threshold = threshold;
    }

    ValidityReport of(String judgeId, String conceptId) {
        Judge judge;
        try {
            judge = registry.forId(judgeId);
        } catch (UnsupportedJudgeException e) {
            throw new NotFoundException("judge", judgeId);
        }
        JudgeConcept concept =
                packs.findConcept(conceptId).orElseThrow(() -> new NotFoundException("concept pack", conceptId));
        return reports.find(judge.judgeId(), judge.rubricVersion(), concept.id(), concept.contentHash())
                .orElseGet(() -> compute(judge, concept));
    }

    private ValidityReport compute(Judge judge, JudgeConcept concept) {
        List<LabelledExample> test = packs.testSplit(concept.id(), concept.contentHash());
        if (test.isEmpty()) {
            throw new ApiValidationException("concept", "pack '" + concept.id() + "' has no test split");
        }
        ValidityReport report = JudgeValidation.validate(judge, concept, test, threshold, clock.instant());
        reports.insert(report);
        return report;
    }
}
