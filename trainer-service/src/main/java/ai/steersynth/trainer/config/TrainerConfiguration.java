package ai.steersynth.trainer.config;

import ai.steersynth.ml.classify.ValidatedLogisticRegression;
import ai.steersynth.ml.embedding.SentenceEmbedder;
import ai.steersynth.trainer.domain.DetectorEvaluator;
import ai.steersynth.trainer.domain.DetectorRegistry;
import ai.steersynth.trainer.domain.LanguageModelProbeDetector;
import ai.steersynth.trainer.engine.FileModelLoader;
import ai.steersynth.trainer.engine.FineTuneDetector;
import ai.steersynth.trainer.engine.LanguageModels;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The detector kinds, the evaluator and the bounded pool detectors train on. */
@Configuration(proxyBeanMethods = false)
class TrainerConfiguration {

    /** One embedder for every detector, so the test split of a pack is embedded once and then cached. */
    @Bean
    SentenceEmbedder sentenceEmbedder() {
        return new SentenceEmbedder();
    }

    /** The engine's models for {@code lm-probe} and {@code finetune}, loaded on first use and closed on shutdown. */
    @Bean(destroyMethod = "close")
    LanguageModels languageModels(TrainerProperties properties) {
        TrainerProperties.LmProbe probe = properties.lmProbe();
        return new LanguageModels(
                new FileModelLoader(probe.modelCache(), probe.device()),
                probe.maxLoadedModels(),
                probe.maxTokens(),
                probe.batchSize(),
                probe.featureCache());
    }

    /**
     * {@code embedding-logreg}, {@code lm-probe} (on the config's model, at the configured layer) and {@code
     * finetune} (the config's model's last block and a head).
     */
    @Bean
    DetectorRegistry detectorRegistry(SentenceEmbedder embedder, LanguageModels models, TrainerProperties properties) {
        Integer layer = properties.lmProbe().layer();
        TrainerProperties.Finetune f = properties.finetune();
        FineTuneDetector.Options finetune = new FineTuneDetector.Options(
                f.epochs(), f.batchSize(), f.learningRate(), f.headLearningRate(), f.validationShare());
        return DetectorRegistry.withDefaults(embedder)
                .withModelKind(
                        LanguageModelProbeDetector.KIND,
                        source -> new LanguageModelProbeDetector(
                                models.features(source), layer, ValidatedLogisticRegression.defaults()))
                .withModelKind(FineTuneDetector.KIND, source -> new FineTuneDetector(models, source, finetune));
    }

    @Bean
    DetectorEvaluator detectorEvaluator(TrainerProperties properties) {
        return new DetectorEvaluator(properties.bootstrapResamples(), properties.confidenceLevel());
    }

    /**
     * {@code poolSize} training threads; the queue holds config ids only, so it may grow. On shutdown running jobs
     * are interrupted and stay STARTED in the database, and the next start runs them again.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService trainingExecutor(TrainerProperties properties) {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(
                properties.poolSize(),
                properties.poolSize(),
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "detector-training-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
