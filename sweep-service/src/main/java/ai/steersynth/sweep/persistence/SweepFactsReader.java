package ai.steersynth.sweep.persistence;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.result.DetectorRun;
import ai.steersynth.contracts.result.DiversityReport;
import ai.steersynth.sweep.domain.ConfigFacts;
import ai.steersynth.sweep.domain.SweepFacts;
import ai.steersynth.sweep.domain.SweepReport.ModelProvenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a sweep's stored numbers into the report's plain input: every config's counters, judged
 * means, diversity and detector run, and the model sources and pack hashes it was submitted with
 * (falling back to the registry for sweeps stored before those were kept).
 */
@Component
public class SweepFactsReader {

    private final SweepRepository sweeps;
    private final ModelRepository models;
    private final PackRepository packs;
    private final JudgeValidityRepository judgeValidity;

    public SweepFactsReader(
            SweepRepository sweeps,
            ModelRepository models,
            PackRepository packs,
            JudgeValidityRepository judgeValidity) {
        this.sweeps = sweeps;
        this.models = models;
        this.packs = packs;
        this.judgeValidity = judgeValidity;
    }

    /** The sweep's facts, read in one transaction so they are consistent; empty for an unknown sweep. */
    @Transactional(readOnly = true)
    public Optional<SweepFacts> read(String sweepId, String codeVersion) {
        Optional<SweepRow> sweep = sweeps.findSweep(sweepId);
        if (sweep.isEmpty()) {
            return Optional.empty();
        }
        List<ConfigRow> rows = sweeps.configsOf(sweepId);
        Map<String, ModelProvenance> modelsById = new LinkedHashMap<>();
        Map<String, String> packHashes = new LinkedHashMap<>();
        List<ConfigFacts> configs = new ArrayList<>();
        for (ConfigRow row : rows) {
            String modelId = row.spec().modelId();
            modelsById.computeIfAbsent(modelId, id -> ModelProvenance.ofSource(id, modelSource(row)));
            String conceptId = row.spec().conceptId();
            if (!packHashes.containsKey(conceptId)) {
                String hash = row.packContentHash() != null
                        ? row.packContentHash()
                        : packs.contentHash(conceptId).orElse(null);
                if (hash != null) {
                    packHashes.put(conceptId, hash);
                }
            }
            configs.add(facts(row));
        }
        SweepRow s = sweep.get();
        return Optional.of(new SweepFacts(
                s.id(),
                s.name(),
                s.state(),
                s.specHash(),
                codeVersion,
                List.copyOf(modelsById.values()),
                packHashes,
                configs,
                judgeValidity.ofSweep(sweepId)));
    }

    /** The source a config's model was submitted with, else what the registry says now. */
    private String modelSource(ConfigRow row) {
        if (row.modelSource() != null) {
            return row.modelSource();
        }
        return models.find(row.spec().modelId()).map(m -> m.source().asText()).orElse("unregistered");
    }

    /** The report input of one stored config: judged means, diversity and detector run decoded. */
    public static ConfigFacts facts(ConfigRow row) {
        Double success = row.samplesJudged() == 0 ? null : row.successSum() / row.samplesJudged();
        Double coherence = row.samplesJudged() == 0 ? null : row.coherenceSum() / row.samplesJudged();
        Double diversity = row.diversityReportJson() == null
                ? null
                : EventCodec.decode(row.diversityReportJson(), DiversityReport.class)
                        .diversity();
        DetectorRun run =
                row.detectorRunJson() == null ? null : EventCodec.decode(row.detectorRunJson(), DetectorRun.class);
        return new ConfigFacts(
                row.spec(),
                row.generationState(),
                row.trainingState(),
                row.samplesRequested(),
                row.samplesGenerated(),
                row.samplesJudged(),
                row.judgementsFailed(),
                success,
                coherence,
                diversity,
                run,
                row.error());
    }
}
