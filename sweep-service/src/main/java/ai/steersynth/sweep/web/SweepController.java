package ai.steersynth.sweep.web;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.DecodingSettings;
import ai.steersynth.contracts.sweep.JudgeSettings;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.StrengthMode;
import ai.steersynth.contracts.sweep.SweepSettings;
import ai.steersynth.platform.web.ApiValidationException;
import ai.steersynth.platform.web.FieldError;
import ai.steersynth.platform.web.NotFoundException;
import ai.steersynth.sweep.config.SweepProperties;
import ai.steersynth.sweep.domain.SweepGrid;
import ai.steersynth.sweep.persistence.ModelRepository;
import ai.steersynth.sweep.persistence.PackRepository;
import ai.steersynth.sweep.persistence.SweepRepository;
import ai.steersynth.sweep.persistence.SweepRow;
import ai.steersynth.sweep.persistence.SweepStore;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sweeps: submit a grid, list, read state and progress, cancel. */
@RestController
@RequestMapping("/api/sweeps")
@Validated
class SweepController {

    private static final SecureRandom IDS = new SecureRandom();

    private final SweepStore store;
    private final SweepRepository sweeps;
    private final ModelRepository models;
    private final PackRepository packs;
    private final SweepProperties limits;

    SweepController(
            SweepStore store,
            SweepRepository sweeps,
            ModelRepository models,
            PackRepository packs,
            SweepProperties limits) {
        this.store = store;
        this.sweeps = sweeps;
        this.models = models;
        this.packs = packs;
        this.limits = limits;
    }

    @PostMapping
    @Operation(summary = "Submit a sweep; answers 201 with its id and view")
    ResponseEntity<SweepView> create(@Valid @RequestBody CreateSweepRequest request) {
        CreateSweepRequest spec = withDefaults(request);
        SweepGrid grid = new SweepGrid(
                spec.concepts(),
                spec.models(),
                spec.methods(),
                spec.layers(),
                spec.strengths(),
                spec.strengthMode(),
                spec.positionPolicy());
        Map<String, ModelSource> modelSources = new LinkedHashMap<>();
        Map<String, String> packHashes = new LinkedHashMap<>();
        List<FieldError> errors = checkAgainstLimitsAndRegistry(spec, grid, modelSources, packHashes);
        if (!errors.isEmpty()) {
            throw new ApiValidationException(errors);
        }
        String sweepId = newSweepId();
        List<ConfigSpec> configs = grid.expand(sweepId);
        SweepSettings settings = new SweepSettings(
                spec.samplesPerConfig(),
                spec.seed(),
                new DecodingSettings(
                        spec.decoding().maxNewTokens(),
                        spec.decoding().temperature(),
                        spec.decoding().topP(),
                        spec.decoding().topK()),
                spec.judge().toSettings(),
                spec.detector().toSettings(),
                spec.mattrWindow());
        store.create(
                sweepId,
                spec.name(),
                spec,
                sha256(EventCodec.encode(spec)),
                settings,
                configs,
                modelSources,
                packHashes);
        return ResponseEntity.created(URI.create("/api/sweeps/" + sweepId)).body(view(sweepId));
    }

    @GetMapping
    @Operation(summary = "List sweeps, newest first")
    List<SweepView> list(
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return sweeps.listSweeps(limit, offset).stream()
                .map(s -> SweepView.of(s, sweeps.configsOf(s.id())))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A sweep's state and per-stage progress")
    SweepView get(@PathVariable String id) {
        return view(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a sweep that has not finished (409 when it has)")
    SweepView cancel(@PathVariable String id, @RequestBody(required = false) CancelRequest request) {
        store.cancel(id, request == null || request.reason() == null ? "cancelled by user" : request.reason());
        return view(id);
    }

    /**
     * Optional body of a cancel request.
     *
     * @param reason why, shown on the sweep
     */
    record CancelRequest(String reason) {}

    private SweepView view(String id) {
        SweepRow sweep = sweeps.findSweep(id).orElseThrow(() -> new NotFoundException("sweep", id));
        return SweepView.of(sweep, sweeps.configsOf(id));
    }

    private List<FieldError> checkAgainstLimitsAndRegistry(
            CreateSweepRequest spec,
            SweepGrid grid,
            Map<String, ModelSource> modelSources,
            Map<String, String> packHashes) {
        List<FieldError> errors = new ArrayList<>();
        if (spec.samplesPerConfig() > limits.maxSamplesPerConfig()) {
            errors.add(new FieldError(
                    "samplesPerConfig",
                    "is %d, over the limit of %d samples per config (steersynth.sweeps.max-samples-per-config)"
                            .formatted(spec.samplesPerConfig(), limits.maxSamplesPerConfig())));
        }
        if (grid.configCount() > limits.maxConfigsPerSweep()) {
            errors.add(new FieldError(
                    "configs",
                    "the grid expands to %d configs (incl. a prompting baseline and an original-data reference per concept and model), over the limit of %d configs per sweep (steersynth.sweeps.max-configs-per-sweep)"
                            .formatted(grid.configCount(), limits.maxConfigsPerSweep())));
        }
        for (int i = 0; i < spec.concepts().size(); i++) {
            String concept = spec.concepts().get(i);
            int index = i;
            packs.contentHash(concept)
                    .ifPresentOrElse(
                            hash -> packHashes.put(concept, hash),
                            () -> errors.add(new FieldError(
                                    "concepts[" + index + "]", "unknown concept pack '" + concept + "'")));
        }
        for (int i = 0; i < spec.models().size(); i++) {
            String model = spec.models().get(i);
            int index = i;
            models.find(model)
                    .ifPresentOrElse(
                            m -> modelSources.put(model, m.source()),
                            () -> errors.add(new FieldError("models[" + index + "]", "unknown model '" + model + "'")));
        }
        return errors;
    }

    private static CreateSweepRequest withDefaults(CreateSweepRequest r) {
        DecodingSettings dd = DecodingSettings.defaults();
        CreateSweepRequest.Decoding d =
                r.decoding() == null ? new CreateSweepRequest.Decoding(null, null, null, null) : r.decoding();
        return new CreateSweepRequest(
                r.name() == null || r.name().isBlank() ? String.join("+", r.concepts()) : r.name(),
                List.copyOf(r.concepts()),
                List.copyOf(r.models()),
                List.copyOf(r.methods()),
                List.copyOf(r.layers()),
                List.copyOf(r.strengths()),
                r.strengthMode() == null ? StrengthMode.RELATIVE : r.strengthMode(),
                r.positionPolicy() == null ? PositionPolicy.PROMPT_AND_GENERATION : r.positionPolicy(),
                r.samplesPerConfig() == null ? 64 : r.samplesPerConfig(),
                r.seed() == null ? 0L : r.seed(),
                new CreateSweepRequest.Decoding(
                        d.maxNewTokens() == null ? dd.maxNewTokens() : d.maxNewTokens(),
                        d.temperature() == null ? dd.temperature() : d.temperature(),
                        d.topP() == null ? dd.topP() : d.topP(),
                        d.topK() == null ? dd.topK() : d.topK()),
                r.judge() == null
                        ? new CreateSweepRequest.Judge(JudgeSettings.defaults().backend(), null, null)
                        : r.judge(),
                r.detector() == null ? new CreateSweepRequest.Detector(null, null, null) : r.detector(),
                r.mattrWindow() == null ? 50 : r.mattrWindow());
    }

    private static String newSweepId() {
        byte[] bytes = new byte[5];
        IDS.nextBytes(bytes);
        return "sw" + HexFormat.of().formatHex(bytes);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
