package ai.steersynth.metrics.config;

import ai.steersynth.metrics.domain.TextEmbedder;
import ai.steersynth.ml.embedding.SentenceEmbedder;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sentence embedder behind the diversity metrics and the bounded pool configs are measured on. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /**
     * ml's all-MiniLM-L6-v2 embedder without a cache: each config's texts are embedded once, and identical texts
     * within one call are embedded once anyway.
     */
    @Bean
    TextEmbedder textEmbedder() {
        SentenceEmbedder sentenceEmbedder = new SentenceEmbedder(SentenceEmbedder.DEFAULT_BATCH_SIZE, 0);
        return sentenceEmbedder::embed;
    }

    /**
     * {@code poolSize} measuring threads; the queue holds config ids only, so it may grow. On shutdown running
     * measurements are interrupted and stay CLAIMED in the database, and the next start runs them again.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService diversityPool(MetricsProperties properties) {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(
                properties.poolSize(),
                properties.poolSize(),
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "diversity-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
