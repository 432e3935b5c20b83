package ai.steersynth.sweep.web;

import ai.steersynth.platform.web.NotFoundException;
import ai.steersynth.sweep.domain.SweepFacts;
import ai.steersynth.sweep.domain.SweepReport;
import ai.steersynth.sweep.domain.SweepReportBuilder;
import ai.steersynth.sweep.persistence.SweepFactsReader;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A sweep's report, as JSON and as a page with plots; both computed from the stored numbers on each call. */
@RestController
@RequestMapping("/api/sweeps/{id}")
class ReportController {

    private final SweepFactsReader facts;
    private final SweepReportBuilder builder = new SweepReportBuilder();

    ReportController(SweepFactsReader facts) {
        this.facts = facts;
    }

    @GetMapping(value = "/report", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The sweep's report: leaderboards, x of N beat prompting, correlations, curves")
    SweepReport report(@PathVariable String id) {
        return build(id);
    }

    @GetMapping(value = "/report.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The sweep's report as an HTML page with SVG plots")
    String reportHtml(@PathVariable String id) {
        return ReportHtml.render(build(id));
    }

    private SweepReport build(String id) {
        SweepFacts sweep = facts.read(id, CodeVersion.current()).orElseThrow(() -> new NotFoundException("sweep", id));
        return builder.build(sweep);
    }
}
