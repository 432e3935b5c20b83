package ai.steersynth.trainer.domain;

import ai.steersynth.ml.classify.LogisticRegression;
import ai.steersynth.ml.classify.ValidatedLogisticRegression;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code lm-probe} detector: a linear probe on the generating model's own representations. Each input is run
 * through the model; its residual stream after one block, mean-pooled over the input's tokens, is the feature
 * vector; L2-regularised logistic regression on it, with C chosen on a stratified validation part of the set
 * (seeded by the set's composition seed) and refitted on the whole set, as in {@link
 * EmbeddingLogisticRegressionDetector}. Only the regression is trained; the model is frozen.
 */
public final class LanguageModelProbeDetector implements Detector {

    /** The kind's name. */
    public static final String KIND = "lm-probe";

    private final ResidualFeatures features;
    private final Integer layer;
    private final ValidatedLogisticRegression regression;

    /**
     * @param features the model's residual features
     * @param layer the 0-based block read, or {@code null} for {@link #defaultLayer(int)}
     * @param regression the C grid, validation share and fit options
     * @throws IllegalArgumentException if the layer is outside the model's blocks
     */
    public LanguageModelProbeDetector(
            ResidualFeatures features, Integer layer, ValidatedLogisticRegression regression) {
        this.features = Objects.requireNonNull(features, "features");
        this.regression = Objects.requireNonNull(regression, "regression");
        int layers = features.numberOfLayers();
        if (layer != null && (layer < 0 || layer >= layers)) {
            throw new IllegalArgumentException("lm-probe layer " + layer + " is outside the " + layers + " blocks of "
                    + features.model() + " (0-based, 0.." + (layers - 1) + ")");
        }
        this.layer = layer;
    }

    /**
     * The block read when none is configured: about two thirds of the model's depth, {@code round(2 * layers / 3)}
     * clamped to the last block, where linear probes of concepts such as toxicity are typically strongest.
     */
    public static int defaultLayer(int numberOfLayers) {
        if (numberOfLayers < 1) {
            throw new IllegalArgumentException("a model needs at least one layer, got " + numberOfLayers);
        }
        return Math.min(numberOfLayers - 1, Math.round(2f * numberOfLayers / 3f));
    }

    /** The block this detector reads. */
    public int layer() {
        return layer != null ? layer : defaultLayer(features.numberOfLayers());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public TrainedDetector train(TrainingSet trainingSet) {
        TrainingSetComposition composition = trainingSet.composition();
        if (composition.negatives() < 2 || composition.positives() < 2) {
            throw new IllegalArgumentException(KIND + " needs at least 2 examples per class to validate C; got "
                    + composition.negatives() + " negatives and " + composition.positives() + " positives");
        }
        int read = layer();
        float[][] x = features.features(trainingSet.texts(), read);
        ValidatedLogisticRegression.Result result = regression.fit(x, trainingSet.labels(), composition.seed());
        return new Trained(features, read, layer == null, result);
    }

    private record Trained(
            ResidualFeatures features, int layer, boolean defaultLayer, ValidatedLogisticRegression.Result result)
            implements TrainedDetector {

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public double[] score(List<String> texts) {
            return result.model().predictProbabilities(features.features(texts, layer));
        }

        @Override
        public Map<String, String> parameters() {
            LogisticRegression model = result.model();
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("model", features.model());
            parameters.put("layer", Integer.toString(layer));
            parameters.put("layerChosenBy", defaultLayer ? "default (2/3 of depth)" : "configured");
            parameters.put("modelLayers", Integer.toString(features.numberOfLayers()));
            parameters.put("pooling", "mean over the input's tokens");
            parameters.put("maxTokens", Integer.toString(features.maxTokens()));
            parameters.put("C", Double.toString(result.chosenC()));
            parameters.put("standardise", Boolean.toString(model.options().standardise()));
            for (ValidatedLogisticRegression.Candidate c : result.candidates()) {
                parameters.put("validationAuroc[C=" + c.c() + "]", Double.toString(c.validationAuroc()));
            }
            parameters.put("validationSize", Integer.toString(result.validationSize()));
            parameters.put("solver", model.diagnostics().solver().name());
            parameters.put("converged", Boolean.toString(model.diagnostics().converged()));
            return Map.copyOf(parameters);
        }
    }
}
