package ai.steersynth.sweep.web;

import ai.steersynth.contracts.sweep.DetectorSettings;
import ai.steersynth.contracts.sweep.JudgeSettings;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.contracts.sweep.StrengthMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/sweeps}: a grid and its stage settings. Optional fields take the
 * defaults documented on each; unknown fields are rejected.
 *
 * @param name a label for people; defaults to the concepts joined
 * @param concepts concept pack ids
 * @param models registered model ids
 * @param methods steering methods
 * @param layers residual layers (0-based block index after which the vector is added)
 * @param strengths steering strengths (relative or absolute, see strengthMode)
 * @param strengthMode RELATIVE (default: 1.0 = one mean residual norm) or ABSOLUTE
 * @param positionPolicy PROMPT_AND_GENERATION (default) or GENERATION_ONLY
 * @param samplesPerConfig samples per config (default 64), also the detector budget
 * @param seed base seed (default 0)
 * @param decoding sampling settings
 * @param judge judge backend (default offline)
 * @param detector detector settings (default embedding-logreg, 3 seeds)
 * @param mattrWindow MATTR window of the diversity metrics (default 50)
 */
public record CreateSweepRequest(
        @Size(max = 200) String name,
        @NotEmpty @Size(max = 64) List<@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String> concepts,
        @NotEmpty @Size(max = 16) List<@NotBlank String> models,
        @NotEmpty @Size(max = 8) List<@NotNull SteeringMethod> methods,
        @NotEmpty @Size(max = 128) List<@NotNull @PositiveOrZero @Max(1023) Integer> layers,
        @NotEmpty @Size(max = 128) List<@NotNull @DecimalMin("-1000") @DecimalMax("1000") Double> strengths,
        StrengthMode strengthMode,
        PositionPolicy positionPolicy,
        @Positive Integer samplesPerConfig,
        Long seed,
        @Valid Decoding decoding,
        @Valid Judge judge,
        @Valid Detector detector,
        @Min(2) @Max(10_000) Integer mattrWindow) {

    /**
     * Sampling settings.
     *
     * @param maxNewTokens default 64
     * @param temperature default 0.7; 0 = greedy
     * @param topP default 0.9
     * @param topK default 0 (off)
     */
    public record Decoding(
            @Positive @Max(4096) Integer maxNewTokens,
            @DecimalMin("0") @DecimalMax("5") Double temperature,

            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
            Double topP,

            @PositiveOrZero Integer topK) {}

    /**
     * Judge settings.
     *
     * @param backend offline (default), openai or local-llm
     * @param model judge model (openai, local-llm)
     * @param baseUrl OpenAI-compatible endpoint (openai)
     */
    public record Judge(
            @Pattern(regexp = "offline|openai|local-llm") String backend, String model, String baseUrl) {
        JudgeSettings toSettings() {
            return new JudgeSettings(backend == null ? JudgeSettings.defaults().backend() : backend, model, baseUrl);
        }
    }

    /**
     * Detector settings.
     *
     * @param kind embedding-logreg (default), lm-probe or finetune
     * @param seeds training seeds per config (default 3)
     * @param successThreshold keep only samples judged at least this successful (default: keep all)
     */
    public record Detector(
            @Pattern(regexp = "embedding-logreg|lm-probe|finetune")
            String kind,

            @Positive @Max(20) Integer seeds,
            @DecimalMin("0") @DecimalMax("1") Double successThreshold) {
        DetectorSettings toSettings() {
            DetectorSettings defaults = DetectorSettings.defaults();
            return new DetectorSettings(
                    kind == null ? defaults.kind() : kind, seeds == null ? defaults.seeds() : seeds, successThreshold);
        }
    }
}
