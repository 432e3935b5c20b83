package ai.steersynth.sweep.web;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.platform.web.ApiValidationException;
import ai.steersynth.platform.web.ConflictException;
import ai.steersynth.platform.web.NotFoundException;
import ai.steersynth.sweep.domain.SweepReportBuilder;
import ai.steersynth.sweep.persistence.ConfigRow;
import ai.steersynth.sweep.persistence.ModelRepository;
import ai.steersynth.sweep.persistence.PackRepository;
import ai.steersynth.sweep.persistence.SampleRepository;
import ai.steersynth.sweep.persistence.SampleRepository.SampleRow;
import ai.steersynth.sweep.persistence.SweepFactsReader;
import ai.steersynth.sweep.persistence.SweepRepository;
import ai.steersynth.sweep.persistence.SweepRow;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Export of one config's synthetic dataset (JSONL or Parquet) and its Markdown dataset card. */
@RestController
@RequestMapping("/api/sweeps/{id}/configs/{configId}")
class DatasetController {

    static final MediaType JSONL = MediaType.parseMediaType("application/x-ndjson");
    static final MediaType PARQUET = MediaType.parseMediaType("application/vnd.apache.parquet");
    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final SweepRepository sweeps;
    private final SampleRepository samples;
    private final ModelRepository models;
    private final PackRepository packs;

    DatasetController(SweepRepository sweeps, SampleRepository samples, ModelRepository models, PackRepository packs) {
        this.sweeps = sweeps;
        this.samples = samples;
        this.models = models;
        this.packs = packs;
    }

    @GetMapping("/dataset")
    @Operation(summary = "The config's samples as JSONL or Parquet (label 1, config fields, seed, scores)")
    ResponseEntity<byte[]> dataset(
            @PathVariable String id,
            @PathVariable String configId,
            @RequestParam(defaultValue = "jsonl") String format) {
        if (!format.equals("jsonl") && !format.equals("parquet")) {
            throw new ApiValidationException("format", "must be 'jsonl' or 'parquet', got '" + format + "'");
        }
        ConfigRow config = config(id, configId);
        List<DatasetRow> rows = samplesOf(config).stream()
                .map(s -> new DatasetRow(config.spec(), s))
                .toList();
        boolean jsonl = format.equals("jsonl");
        return ResponseEntity.ok()
                .contentType(jsonl ? JSONL : PARQUET)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(configId + (jsonl ? ".jsonl" : ".parquet"))
                                .build()
                                .toString())
                .body(jsonl ? DatasetWriter.jsonl(rows) : DatasetWriter.parquet(rows));
    }

    @GetMapping("/dataset-card")
    @Operation(summary = "The dataset card (Markdown): provenance, settings, scores, licence of the source data")
    ResponseEntity<String> datasetCard(@PathVariable String id, @PathVariable String configId) {
        SweepRow sweep = sweeps.findSweep(id).orElseThrow(() -> new NotFoundException("sweep", id));
        ConfigRow config = config(id, configId);
        List<SampleRow> rows = samplesOf(config);
        String conceptId = config.spec().conceptId();
        ConceptPack pack = packs.find(conceptId).orElse(null);
        String modelSource = config.modelSource() != null
                ? config.modelSource()
                : models.find(config.spec().modelId())
                        .map(m -> m.source().asText())
                        .orElse("unregistered");
        DatasetCard card = new DatasetCard(
                sweep,
                config.spec(),
                SweepReportBuilder.entry(SweepFactsReader.facts(config)),
                modelSource,
                config.packContentHash(),
                pack,
                rows,
                CodeVersion.current());
        return ResponseEntity.ok().contentType(MARKDOWN).body(card.render());
    }

    private ConfigRow config(String sweepId, String configId) {
        if (sweeps.findSweep(sweepId).isEmpty()) {
            throw new NotFoundException("sweep", sweepId);
        }
        return sweeps.findConfig(configId)
                .filter(c -> c.spec().sweepId().equals(sweepId))
                .orElseThrow(() -> new NotFoundException("config", configId));
    }

    private List<SampleRow> samplesOf(ConfigRow config) {
        List<SampleRow> rows = samples.samplesOf(config.spec().configId());
        if (rows.isEmpty()) {
            throw new ConflictException("config '" + config.spec().configId() + "' has no samples yet"
                    + (config.spec().kind().generates() ? "" : " (an original-data config generates none)"));
        }
        return rows;
    }
}
