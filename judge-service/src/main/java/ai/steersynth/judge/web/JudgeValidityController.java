package ai.steersynth.judge.web;

import ai.steersynth.judge.domain.ValidityReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/judges/{judgeId}/validity?concept=<packId>}: the AUROC of the judge's success score
 * against the pack's gold test labels, with {@code valid=false} below the threshold (0.7 by default, {@code steersynth.judge.validity-threshold}).
 * Computed on the first request for a pack's content, then served from the judging schema.
 */
@RestController
class JudgeValidityController {

    private final ValidityReports reports;

    JudgeValidityController(ValidityReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/judges/{judgeId}/validity")
    ValidityReport validity(@PathVariable String judgeId, @RequestParam String concept) {
        return reports.of(judgeId, concept);
    }
}
