package ai.steersynth.judge.domain;

import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.ml.classify.LogisticRegression;
import ai.steersynth.ml.classify.LogisticRegressionOptions;
import ai.steersynth.ml.classify.Solver;
import ai.steersynth.ml.classify.ValidatedLogisticRegression;
import ai.steersynth.ml.embedding.SentenceEmbedder;
import java.util.ArrayList;
import java.util.List;

/**
 * P(violating | prompt, text) from MiniLM sentence embeddings and an L2 logistic regression whose C is
 * chosen on a validation part of the pack's judge split. Features: the text's embedding and, when the
 * judge split has prompts, its element-wise product with the prompt's embedding (zeros for a text without
 * a prompt), so the classifier can tell an answer that agrees with what the prompt signals (sycophancy,
 * false premises) from one that does not. Fitted with L-BFGS: Newton's method builds a d x d Hessian per
 * step, which at 768 features and thousands of examples costs minutes for no gain in accuracy.
 */
public final class ConceptClassifier {

    private final SentenceEmbedder embedder;
    private final LogisticRegression model;
    private final boolean usesPrompts;
    private final double chosenC;
    private final int trainingSize;

    private ConceptClassifier(
            SentenceEmbedder embedder,
            LogisticRegression model,
            boolean usesPrompts,
            double chosenC,
            int trainingSize) {
        this.embedder = embedder;
        this.model = model;
        this.usesPrompts = usesPrompts;
        this.chosenC = chosenC;
        this.trainingSize = trainingSize;
    }

    /**
     * Trains on labelled examples (label 1 = violating).
     *
     * @throws IllegalArgumentException when a class has fewer than two examples
     */
    public static ConceptClassifier train(SentenceEmbedder embedder, List<LabelledExample> examples, long seed) {
        int[] labels = new int[examples.size()];
        List<String> prompts = new ArrayList<>(examples.size());
        List<String> texts = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            labels[i] = examples.get(i).label();
            prompts.add(examples.get(i).prompt());
            texts.add(examples.get(i).text());
        }
        boolean usesPrompts = prompts.stream().anyMatch(p -> p != null && !p.isBlank());
        double[][] features = features(embedder, usesPrompts, prompts, texts);
        ValidatedLogisticRegression regression = new ValidatedLogisticRegression(
                ValidatedLogisticRegression.DEFAULT_C_GRID,
                0.25,
                LogisticRegressionOptions.defaults().withStandardise(true).withSolver(Solver.LBFGS));
        ValidatedLogisticRegression.Result fit = regression.fit(features, labels, seed);
        return new ConceptClassifier(embedder, fit.model(), usesPrompts, fit.chosenC(), examples.size());
    }

    /** P(violating) of each (prompt, text), in order; prompts may be null. */
    public double[] probabilities(List<String> prompts, List<String> texts) {
        return model.predictProbabilities(features(embedder, usesPrompts, prompts, texts));
    }

    /** The regularisation strength chosen on the validation part. */
    public double chosenC() {
        return chosenC;
    }

    /** Examples the final model was fitted on. */
    public int trainingSize() {
        return trainingSize;
    }

    static double[][] features(
            SentenceEmbedder embedder, boolean usesPrompts, List<String> prompts, List<String> texts) {
        float[][] textVectors = embedder.embed(texts);
        int d = SentenceEmbedder.DIMENSION;
        if (!usesPrompts) {
            double[][] rows = new double[texts.size()][d];
            for (int i = 0; i < texts.size(); i++) {
                for (int j = 0; j < d; j++) {
                    rows[i][j] = textVectors[i][j];
                }
            }
            return rows;
        }
        List<String> present = new ArrayList<>();
        for (String prompt : prompts) {
            if (prompt != null && !prompt.isBlank()) {
                present.add(prompt);
            }
        }
        float[][] promptVectors = embedder.embed(present);
        double[][] rows = new double[texts.size()][2 * d];
        int next = 0;
        for (int i = 0; i < texts.size(); i++) {
            String prompt = prompts.get(i);
            float[] p = prompt != null && !prompt.isBlank() ? promptVectors[next++] : null;
            for (int j = 0; j < d; j++) {
                rows[i][j] = textVectors[i][j];
                rows[i][d + j] = p == null ? 0 : (double) textVectors[i][j] * p[j];
            }
        }
        return rows;
    }
}
