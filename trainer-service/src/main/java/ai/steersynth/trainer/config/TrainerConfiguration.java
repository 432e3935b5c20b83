package ai.steersynth.trainer.config;

import ai.steersynth.ml.embedding.SentenceEmbedder;
import ai.steersynth.trainer.domain.DetectorEvaluator;
import ai.steersynth.trainer.domain.DetectorRegistry;
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

    @Bean
    DetectorRegistry detectorRegistry(SentenceEmbedder embedder) {
        return DetectorRegistry.withDefaults(embedder);
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
