package ai.steersynth.trainer.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tunables of the trainer.
 *
 * @param poolSize detectors trained at once; keep it small on a machine shared with the generator
 * @param bootstrapResamples resamples of the AUROC interval
 * @param confidenceLevel coverage of the AUROC interval
 * @param lmProbe the {@code lm-probe} detector's settings (and how both model-reading kinds load the model)
 * @param finetune the {@code finetune} detector's settings
 */
@Validated
@ConfigurationProperties("steersynth.trainer")
public record TrainerProperties(
        @Positive int poolSize,
        @Min(100) int bootstrapResamples,

        @DecimalMin(value = "0.5", inclusive = false) @DecimalMax(value = "1.0", inclusive = false)
        double confidenceLevel,

        @Valid @NotNull LmProbe lmProbe,
        @Valid @NotNull Finetune finetune) {

    /**
     * How {@code finetune} trains the model's last block and head.
     *
     * @param epochs passes over the training part (the epoch with the best validation AUROC is kept)
     * @param batchSize texts per optimiser step
     * @param learningRate Adam's step for the pretrained last block and final norm
     * @param headLearningRate Adam's step for the new linear head
     * @param validationShare share of each class held out to choose the epoch
     */
    public record Finetune(
            @DefaultValue("8") @Positive int epochs,
            @DefaultValue("16") @Positive int batchSize,
            @DefaultValue("1e-4") @Positive float learningRate,
            @DefaultValue("1e-2") @Positive float headLearningRate,

            @DefaultValue("0.25") @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.5")
            double validationShare) {}

    /**
     * How {@code lm-probe} reads the config's model.
     *
     * @param layer the 0-based block whose residual is read; unset means about 2/3 of the model's depth (checked
     *     against the model when it is loaded)
     * @param maxTokens the most tokens of an input read (longer ones keep their first token and their end)
     * @param batchSize inputs per forward pass
     * @param maxLoadedModels models held in memory at once (another is loaded after closing the least recent)
     * @param featureCache feature vectors cached per model (the test split is read once for every seed)
     * @param device {@code cpu}, {@code cuda}, {@code cuda:N} or {@code auto}
     * @param modelCache where Hugging Face models ({@code hf:org/name}) are found, as {@code <org>-<name>}
     */
    public record LmProbe(
            @Min(0) Integer layer,
            @DefaultValue("256") @Min(2) int maxTokens,
            @DefaultValue("8") @Positive int batchSize,
            @DefaultValue("1") @Positive int maxLoadedModels,
            @DefaultValue("8192") @Min(0) int featureCache,
            @DefaultValue("cpu") @NotBlank String device,
            @NotNull Path modelCache) {}
}
