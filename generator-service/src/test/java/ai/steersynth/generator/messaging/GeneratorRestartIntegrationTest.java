package ai.steersynth.generator.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.ConceptPackEvent;
import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.event.GenerationTaskEvent;
import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.DetectorData;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.contracts.pack.PackProvenance;
import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.DecodingSettings;
import ai.steersynth.contracts.sweep.DetectorSettings;
import ai.steersynth.contracts.sweep.JudgeSettings;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.contracts.sweep.StrengthMode;
import ai.steersynth.contracts.sweep.SweepSettings;
import ai.steersynth.generator.GeneratorServiceApplication;
import ai.steersynth.generator.domain.GeneratedText;
import ai.steersynth.generator.domain.ResolvedSteering;
import ai.steersynth.generator.domain.SampleGenerator;
import ai.steersynth.generator.domain.SampleJob;
import ai.steersynth.generator.domain.SteeringResolver;
import ai.steersynth.platform.test.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The generator is stopped in the middle of a sweep and started again on the same broker and
 * database: every config must end with exactly its requested samples, each published once.
 * The engine is replaced by a deterministic stand-in (this test is about the service's bookkeeping;
 * the engine has its own tests on real weights).
 */
class GeneratorRestartIntegrationTest {

    private static final int SAMPLES = 6;
    private static final String MODEL = "tiny";
    private static EmbeddedKafkaKraftBroker broker;
    private static TestDatabases.Database database;

    /** Batches the stand-in engine served in the current context. */
    static final AtomicInteger batches = new AtomicInteger();
    /** When set, the stand-in engine blocks after this many batches (to stop mid-sweep). */
    static volatile CountDownLatch blockAfterTwoBatches;

    @BeforeAll
    static void startInfrastructure() {
        broker = new EmbeddedKafkaKraftBroker(
                1, 1, Topics.SAMPLES, Topics.SWEEPS, Topics.CONCEPT_PACKS, Topics.generationTasks(MODEL));
        broker.afterPropertiesSet();
        database = TestDatabases.create();
    }

    @AfterAll
    static void stopInfrastructure() {
        broker.destroy();
    }

    @Test
    void aGeneratorRestartedMidSweepPublishesEveryRequestedSampleExactlyOnce() throws Exception {
        List<ConfigSpec> configs = List.of(
                config("sw1-c000", ConfigKind.STEERED, 0.5),
                config("sw1-c001", ConfigKind.STEERED, 1.0),
                config("sw1-c002", ConfigKind.PROMPTING_BASELINE, null));
        publishPackAndTasks(configs);

        blockAfterTwoBatches = new CountDownLatch(1);
        ConfigurableApplicationContext first = start();
        await().atMost(Duration.ofSeconds(60)).until(() -> batches.get() >= 2);
        first.close();
        blockAfterTwoBatches.countDown();
        blockAfterTwoBatches = null;
        JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                database.url(), database.user(), database.password()));
        int storedAfterStop = jdbc.sql("SELECT count(*) FROM generation.sample")
                .query(Integer.class)
                .single();
        assertThat(storedAfterStop).isBetween(1, configs.size() * SAMPLES - 1);

        try (ConfigurableApplicationContext second = start()) {
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> jdbc.sql("SELECT count(*) FROM generation.task WHERE state = 'DONE'")
                                    .query(Integer.class)
                                    .single()
                            == configs.size());

            Map<String, List<SampleEvent>> events = samplesOnTheTopic(configs.size() * (SAMPLES + 1));
            for (ConfigSpec config : configs) {
                List<SampleEvent> forConfig = events.getOrDefault(config.configId(), List.of());
                List<String> sampleIds = forConfig.stream()
                        .filter(e -> e instanceof SampleEvent.SampleGenerated)
                        .map(e -> ((SampleEvent.SampleGenerated) e).sample().sampleId())
                        .toList();
                assertThat(sampleIds).as(config.configId()).hasSize(SAMPLES).doesNotHaveDuplicates();
                assertThat(forConfig.stream().filter(e -> e instanceof SampleEvent.ConfigGenerationCompleted))
                        .as(config.configId())
                        .hasSize(1);
            }
        }
    }

    private static ConfigurableApplicationContext start() {
        batches.set(0);
        return GeneratorServiceApplication.builder()
                .sources(StandInEngine.class)
                .run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password(),
                        "--steersynth.generator.batch-size=4",
                        "--steersynth.generator.idle-poll=50ms",
                        "--steersynth.outbox.poll-interval=50ms",
                        "--logging.level.org.apache.kafka=WARN");
    }

    private static ConfigSpec config(String id, ConfigKind kind, Double strength) {
        boolean steered = kind == ConfigKind.STEERED;
        return new ConfigSpec(
                id,
                "sw1",
                kind,
                "tiny-pack",
                MODEL,
                steered ? SteeringMethod.MEAN_DIFFERENCE : null,
                steered ? 1 : null,
                strength,
                steered ? StrengthMode.ABSOLUTE : null,
                steered ? PositionPolicy.PROMPT_AND_GENERATION : null);
    }

    private static void publishPackAndTasks(List<ConfigSpec> configs) throws Exception {
        ConceptPack pack = new ConceptPack(
                "tiny-pack",
                "Tiny",
                "definition",
                "Please be rude.",
                List.of(new ContrastivePair(ContrastivePair.PairKind.TEXT, "", "bad", "good")),
                List.of("Reply to: hello", "Reply to: weather"),
                new DetectorData(
                        List.of(new LabelledExample(null, "x", 1), new LabelledExample(null, "y", 0)),
                        List.of(),
                        List.of()),
                new PackProvenance("upload", Map.of(), null, 0, null, "hash1"));
        SweepSettings settings = new SweepSettings(
                SAMPLES,
                11,
                new DecodingSettings(8, 0.7, 0.9, 0),
                JudgeSettings.defaults(),
                DetectorSettings.defaults(),
                50);
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(
                            Topics.CONCEPT_PACKS,
                            pack.id(),
                            EventCodec.encode(new ConceptPackEvent.ConceptPackPublished(
                                    "p1", pack.id(), Instant.now(), Event.SCHEMA_VERSION, pack))))
                    .get();
            for (ConfigSpec config : configs) {
                GenerationTaskEvent task = new GenerationTaskEvent.GenerationTaskRequested(
                        "generation-task:" + config.configId(),
                        config.configId(),
                        Instant.now(),
                        Event.SCHEMA_VERSION,
                        config,
                        settings,
                        ModelSource.parse("/models/tiny.gguf"),
                        "hash1");
                // Sent twice: a redelivered task must not double the work.
                for (int i = 0; i < 2; i++) {
                    producer.send(new ProducerRecord<>(
                                    Topics.generationTasks(MODEL), config.configId(), EventCodec.encode(task)))
                            .get();
                }
            }
        }
    }

    private static Map<String, List<SampleEvent>> samplesOnTheTopic(int atLeast) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        Map<String, List<SampleEvent>> byConfig = new HashMap<>();
        int seen = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.SAMPLES));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int quietPolls = 0;
            while (System.nanoTime() < deadline && (seen < atLeast || quietPolls < 3)) {
                var records = consumer.poll(Duration.ofMillis(300));
                quietPolls = records.isEmpty() ? quietPolls + 1 : 0;
                for (var record : records) {
                    SampleEvent event = EventCodec.decode(record.value(), SampleEvent.class);
                    byConfig.computeIfAbsent(event.configId(), k -> new ArrayList<>())
                            .add(event);
                    seen++;
                }
            }
        }
        return byConfig;
    }

    /** A deterministic engine: the text is a function of the seed; blocks mid-sweep on request. */
    @Configuration(proxyBeanMethods = false)
    static class StandInEngine {

        @Bean
        @Primary
        SampleGenerator standInGenerator() {
            return (model, jobs) -> {
                CountDownLatch block = blockAfterTwoBatches;
                if (block != null && batches.get() >= 2) {
                    try {
                        block.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("stopped");
                }
                batches.incrementAndGet();
                return jobs.stream()
                        .map((SampleJob job) -> new GeneratedText("text for seed " + job.seed(), 4, "length"))
                        .toList();
            };
        }

        @Bean
        @Primary
        SteeringResolver standInSteering() {
            return (model, config, pack) -> new ResolvedSteering(
                    config.layer(), new float[] {1f, 0f}, config.strength().floatValue(), config.positionPolicy(), 0);
        }
    }
}
