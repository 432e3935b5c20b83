package ai.steersynth.metrics.web;

import ai.steersynth.metrics.persistence.ReportRepository;
import ai.steersynth.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Diversity reports: read a config's stored report. */
@RestController
@RequestMapping("/api/diversity")
class DiversityController {

    private final ReportRepository reports;

    DiversityController(ReportRepository reports) {
        this.reports = reports;
    }

    @GetMapping("/{configId}")
    @Operation(summary = "A config's diversity report (404 until it has been measured)")
    DiversityView get(@PathVariable String configId) {
        return reports.find(configId)
                .map(DiversityView::of)
                .orElseThrow(() -> new NotFoundException("diversity report of config", configId));
    }
}
