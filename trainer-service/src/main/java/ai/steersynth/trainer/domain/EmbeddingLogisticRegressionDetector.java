package ai.steersynth.trainer.domain;

import ai.steersynth.ml.classify.LogisticRegression;
import ai.steersynth.ml.classify.ValidatedLogisticRegression;
import ai.steersynth.ml.embedding.SentenceEmbedder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The default detector: all-MiniLM-L6-v2 sentence embeddings as features and L2-regularised logistic
 * regression on them, with C chosen on a stratified validation part of the training set (seeded by the
 * set's composition seed) and the model refitted on the whole set.
 */
public final class EmbeddingLogisticRegressionDetector implements Detector {

    /** The kind's name. */
    public static final String KIND = "embedding-logreg";

    private final SentenceEmbedder embedder;
    private final ValidatedLogisticRegression regression;

    /**
     * @param embedder the feature extractor (share one: it caches the test split's vectors)
     * @param regression the C grid, validation share and fit options
     */
    public EmbeddingLogisticRegressionDetector(SentenceEmbedder embedder, ValidatedLogisticRegression regression) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.regression = Objects.requireNonNull(regression, "regression");
    }

    /** With {@link ValidatedLogisticRegression#defaults()}. */
    public EmbeddingLogisticRegressionDetector(SentenceEmbedder embedder) {
        this(embedder, ValidatedLogisticRegression.defaults());
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
        float[][] features = embedder.embed(trainingSet.texts());
        ValidatedLogisticRegression.Result result = regression.fit(features, trainingSet.labels(), composition.seed());
        return new Trained(embedder, result);
    }

    private record Trained(SentenceEmbedder embedder, ValidatedLogisticRegression.Result result)
            implements TrainedDetector {

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public double[] score(List<String> texts) {
            return result.model().predictProbabilities(embedder.embed(texts));
        }

        @Override
        public Map<String, String> parameters() {
            LogisticRegression model = result.model();
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("embedding", "all-MiniLM-L6-v2-q");
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
