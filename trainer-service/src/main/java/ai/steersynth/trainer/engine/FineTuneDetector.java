package ai.steersynth.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.engine.model.ModelConfig;
import ai.steersynth.ml.evaluate.Auroc;
import ai.steersynth.trainer.domain.Detector;
import ai.steersynth.trainer.domain.TrainedDetector;
import ai.steersynth.trainer.domain.TrainingSet;
import ai.steersynth.trainer.domain.TrainingSetComposition;
import ai.steersynth.trainer.engine.ResidualFeatureReader.TokenResiduals;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The {@code finetune} detector: the config's own model with a classification head, fine-tuned through DJL's
 * training API ({@link GradientCollector}, {@link Optimizer#adam() Adam}, {@link Loss#sigmoidBinaryCrossEntropyLoss()
 * sigmoid binary cross-entropy}). Every block but the last is frozen: the residual entering the last block is computed
 * once per text by the engine, without gradients. Trained, starting from the checkpoint: the last decoder block (its
 * two RMSNorm weights, q/k/v/o projections and biases if any, gate/up/down MLP projections), the final RMSNorm, and a
 * linear head (zero-initialised) over the final-norm output averaged over the text's tokens but the first; see
 * {@link LastBlockClassifier}.
 *
 * <p>The composed set is split, stratified and seeded by its composition seed, into a training part and a validation
 * part ({@link Options#validationShare()}); training runs {@link Options#epochs()} epochs of seeded mini-batches and
 * keeps the parameters of the epoch with the lowest validation cross-entropy (early stopping). Deterministic given the set. One
 * fine-tune runs at a time per JVM (DJL's PyTorch gradient collector is process-wide). Runs on the model's device:
 * practical on a CPU for small sets and models (hundreds of short texts, a 135M model); a GPU is recommended beyond.
 */
public final class FineTuneDetector implements Detector {

    /** The kind's name. */
    public static final String KIND = "finetune";

    private static final Object ONE_AT_A_TIME = new Object();
    private static final int SCORE_CHUNK = 256;

    private final LanguageModels models;
    private final ModelSource source;
    private final Options options;

    /**
     * @param models the shared models
     * @param source the config's model
     * @param options training settings
     */
    public FineTuneDetector(LanguageModels models, ModelSource source, Options options) {
        this.models = Objects.requireNonNull(models, "models");
        this.source = Objects.requireNonNull(source, "source");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Training settings.
     *
     * @param epochs passes over the training part, at least 1
     * @param batchSize texts per optimiser step, at least 1
     * @param learningRate Adam's step size for the block and the final norm (pretrained: keep it small)
     * @param headLearningRate Adam's step size for the new head
     * @param validationShare the share of each class held out to choose the epoch, in (0, 0.5]
     */
    public record Options(
            int epochs, int batchSize, float learningRate, float headLearningRate, double validationShare) {

        public Options {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            if (!(learningRate > 0) || !(headLearningRate > 0)) {
                throw new IllegalArgumentException(
                        "learning rates must be positive, got " + learningRate + " and " + headLearningRate);
            }
            if (!(validationShare > 0 && validationShare <= 0.5)) {
                throw new IllegalArgumentException("validationShare must be in (0, 0.5], got " + validationShare);
            }
        }

        /** 8 epochs of 16 texts; 1e-4 for the block, 1e-2 for the head; a quarter held out. */
        public static Options defaults() {
            return new Options(8, 16, 1e-4f, 1e-2f, 0.25);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public TrainedDetector train(TrainingSet trainingSet) {
        TrainingSetComposition composition = trainingSet.composition();
        if (composition.negatives() < 2 || composition.positives() < 2) {
            throw new IllegalArgumentException(KIND + " needs at least 2 examples per class to hold out a validation"
                    + " part; got " + composition.negatives() + " negatives and " + composition.positives()
                    + " positives");
        }
        int[] labels = trainingSet.labels();
        Split split = split(labels, composition.seed());
        synchronized (ONE_AT_A_TIME) {
            // The frozen part: inputs of the last block, and the block's starting weights, read under the models' lock.
            Frozen frozen = models.use(source, reader -> {
                ModelConfig config = reader.config();
                if (config.numberOfLayers() < 2) {
                    throw new IllegalArgumentException(
                            KIND + " needs a model of at least 2 blocks, " + source.asText() + " has 1");
                }
                List<TokenResiduals> inputs = reader.tokenResiduals(trainingSet.texts(), config.numberOfLayers() - 2);
                try (NDManager scratch = NDManager.newBaseManager(reader.device(), "PyTorch")) {
                    LastBlockClassifier initial = LastBlockClassifier.fromModel(reader, scratch);
                    return new Frozen(config, inputs, initial.snapshot(), initial.shapes(), reader.device());
                }
            });
            return fit(frozen, labels, split, composition.seed());
        }
    }

    private TrainedDetector fit(Frozen frozen, int[] labels, Split split, long seed) {
        try (NDManager manager = NDManager.newBaseManager(frozen.device(), "PyTorch")) {
            LastBlockClassifier model =
                    LastBlockClassifier.fromValues(frozen.config(), frozen.initial(), frozen.shapes(), manager);
            model.parameters().values().forEach(p -> p.setRequiresGradient(true));
            Optimizer block = Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed(options.learningRate()))
                    .build();
            Optimizer head = Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed(options.headLearningRate()))
                    .build();
            Loss loss = Loss.sigmoidBinaryCrossEntropyLoss();
            Random order = new Random(seed);
            List<Integer> train = new ArrayList<>(split.train());
            Map<String, float[]> best = model.snapshot();
            double bestLoss = Double.POSITIVE_INFINITY;
            int bestEpoch = 0;
            List<Double> validationLosses = new ArrayList<>();
            List<Double> validationAurocs = new ArrayList<>();
            List<Double> trainingLosses = new ArrayList<>();
            for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                Collections.shuffle(train, order);
                double lossSum = 0;
                for (int start = 0; start < train.size(); start += options.batchSize()) {
                    List<Integer> rows = train.subList(start, Math.min(train.size(), start + options.batchSize()));
                    try (NDManager step = manager.newSubManager()) {
                        Batch batch = batch(step, frozen.inputs(), rows, labels);
                        NDArray value;
                        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                            value = loss.evaluate(
                                    new NDList(batch.labels()), new NDList(model.logits(batch.x(), batch.pool())));
                            collector.backward(value);
                        }
                        lossSum += value.getFloat() * rows.size();
                        for (Map.Entry<String, NDArray> p : model.parameters().entrySet()) {
                            NDArray gradient = p.getValue().getGradient();
                            boolean isHead = p.getKey().startsWith("head.");
                            (isHead ? head : block).update(p.getKey(), p.getValue(), gradient);
                            gradient.subi(gradient); // gradients accumulate in PyTorch: zero them for the next step
                            gradient.close();
                        }
                    }
                }
                trainingLosses.add(lossSum / train.size());
                double[] validationLogits = logits(model, manager, frozen.inputs(), split.validation(), 64);
                int[] truth =
                        split.validation().stream().mapToInt(i -> labels[i]).toArray();
                double validationLoss = crossEntropy(validationLogits, truth);
                validationLosses.add(validationLoss);
                validationAurocs.add(Auroc.of(validationLogits, truth));
                if (validationLoss < bestLoss) {
                    bestLoss = validationLoss;
                    bestEpoch = epoch;
                    best = model.snapshot();
                }
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("model", source.asText());
            parameters.put(
                    "trained",
                    "last block (" + (frozen.config().numberOfLayers() - 1)
                            + ": norms, attention, MLP), final norm, linear head over the mean of the final-norm"
                            + " output (tokens but the first)");
            parameters.put("frozenBlocks", "0.." + (frozen.config().numberOfLayers() - 2));
            parameters.put("maxTokens", Integer.toString(models.maxTokens()));
            parameters.put("optimizer", "Adam");
            parameters.put("learningRate", Float.toString(options.learningRate()));
            parameters.put("headLearningRate", Float.toString(options.headLearningRate()));
            parameters.put("loss", "sigmoid binary cross-entropy");
            parameters.put("epochs", Integer.toString(options.epochs()));
            parameters.put("batchSize", Integer.toString(options.batchSize()));
            parameters.put("chosenEpoch", Integer.toString(bestEpoch));
            parameters.put("validationLossByEpoch", validationLosses.toString());
            parameters.put("validationAurocByEpoch", validationAurocs.toString());
            parameters.put("trainingLossByEpoch", trainingLosses.toString());
            parameters.put("trainingSize", Integer.toString(split.train().size()));
            parameters.put("validationSize", Integer.toString(split.validation().size()));
            parameters.put("device", frozen.device().toString());
            return new Trained(models, source, frozen.config(), best, frozen.shapes(), Map.copyOf(parameters));
        }
    }

    /** Mean sigmoid binary cross-entropy of logits against 0/1 labels, computed stably. */
    static double crossEntropy(double[] logits, int[] labels) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double z = logits[i];
            // log(1 + e^-|z|) + max(z, 0) - z * y
            sum += Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - z * labels[i];
        }
        return sum / logits.length;
    }

    /** Logits of the rows, in batches, without gradients. */
    static double[] logits(
            LastBlockClassifier model, NDManager manager, List<TokenResiduals> inputs, List<Integer> rows, int size) {
        double[] out = new double[rows.size()];
        for (int start = 0; start < rows.size(); start += size) {
            List<Integer> chunk = rows.subList(start, Math.min(rows.size(), start + size));
            try (NDManager step = manager.newSubManager()) {
                Batch batch = batch(step, inputs, chunk, null);
                float[] values = model.logits(batch.x(), batch.pool()).toFloatArray();
                for (int i = 0; i < values.length; i++) {
                    out[start + i] = values[i];
                }
            }
        }
        return out;
    }

    /** Right-padded inputs, pooling weights and (when given) labels of some rows. */
    static Batch batch(NDManager manager, List<TokenResiduals> inputs, List<Integer> rows, int[] labels) {
        int hidden = inputs.get(rows.get(0)).hidden();
        int longest = rows.stream().mapToInt(r -> inputs.get(r).length()).max().orElseThrow();
        float[] x = new float[rows.size() * longest * hidden];
        float[] pool = new float[rows.size() * longest];
        float[] y = new float[rows.size()];
        for (int b = 0; b < rows.size(); b++) {
            TokenResiduals row = inputs.get(rows.get(b));
            System.arraycopy(row.values(), 0, x, b * longest * hidden, row.length() * hidden);
            int count = row.length() - row.readFrom();
            for (int s = row.readFrom(); s < row.length(); s++) {
                pool[b * longest + s] = 1f / count;
            }
            if (labels != null) {
                y[b] = labels[rows.get(b)];
            }
        }
        return new Batch(
                manager.create(x, new Shape(rows.size(), longest, hidden)),
                manager.create(pool, new Shape(rows.size(), longest, 1)),
                manager.create(y));
    }

    /** Each class shuffled by the seed, its first {@code ceil(share * n)} (at least 1) held out. */
    private Split split(int[] labels, long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int label = 0; label <= 1; label++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == label) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            int held = Math.max(1, (int) Math.ceil(options.validationShare() * members.size()));
            held = Math.min(held, members.size() - 1);
            validation.addAll(members.subList(0, held));
            train.addAll(members.subList(held, members.size()));
        }
        Collections.sort(train);
        Collections.sort(validation);
        return new Split(train, validation);
    }

    record Batch(NDArray x, NDArray pool, NDArray labels) {}

    private record Split(List<Integer> train, List<Integer> validation) {}

    private record Frozen(
            ModelConfig config,
            List<TokenResiduals> inputs,
            Map<String, float[]> initial,
            Map<String, Shape> shapes,
            ai.djl.Device device) {}

    private record Trained(
            LanguageModels models,
            ModelSource source,
            ModelConfig config,
            Map<String, float[]> weights,
            Map<String, Shape> shapes,
            Map<String, String> parameters)
            implements TrainedDetector {

        @Override
        public String kind() {
            return KIND;
        }

        /** Scored in chunks of {@link #SCORE_CHUNK} texts, so memory does not grow with the test split. */
        @Override
        public double[] score(List<String> texts) {
            double[] scores = new double[texts.size()];
            for (int start = 0; start < texts.size(); start += SCORE_CHUNK) {
                List<String> chunk = texts.subList(start, Math.min(texts.size(), start + SCORE_CHUNK));
                ai.djl.Device[] device = new ai.djl.Device[1];
                List<TokenResiduals> inputs = models.use(source, reader -> {
                    device[0] = reader.device();
                    return reader.tokenResiduals(chunk, config.numberOfLayers() - 2);
                });
                try (NDManager manager = NDManager.newBaseManager(device[0], "PyTorch")) {
                    LastBlockClassifier model = LastBlockClassifier.fromValues(config, weights, shapes, manager);
                    List<Integer> rows = new ArrayList<>();
                    for (int i = 0; i < chunk.size(); i++) {
                        rows.add(i);
                    }
                    double[] logits = logits(model, manager, inputs, rows, 64);
                    for (int i = 0; i < logits.length; i++) {
                        scores[start + i] = 1 / (1 + Math.exp(-logits[i]));
                    }
                }
            }
            return scores;
        }

        @Override
        public Map<String, String> parameters() {
            return parameters;
        }
    }
}
