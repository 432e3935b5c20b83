package ai.steersynth.trainer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.ConceptPackEvent;
import ai.steersynth.contracts.event.DetectorRunEvent;
import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.event.JudgementEvent;
import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.event.SweepEvent;
import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.result.DetectorRun;
import ai.steersynth.contracts.result.Judgement;
import ai.steersynth.contracts.result.Sample;
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
import ai.steersynth.platform.test.TestDatabases;
import ai.steersynth.platform.test.TopicReader;
import ai.steersynth.trainer.domain.GeneratedSample;
import ai.steersynth.trainer.persistence.ConfigRepository;
import ai.steersynth.trainer.persistence.PackVersionRepository;
import ai.steersynth.trainer.persistence.SampleRepository;
import ai.steersynth.trainer.persistence.SweepRepository;
import ai.steersynth.trainer.persistence.TrainingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The trainer against a real KRaft broker and a real PostgreSQL with the real migrations, and the real in-process
 * embedding model: events in, detector runs out, each config announced exactly once.
 */
@SpringBootTest(
        properties = {
            "spring.config.name=trainer-service",
            "steersynth.outbox.poll-interval=50ms",
            "steersynth.trainer.bootstrap-resamples=200"
        })
@EmbeddedKafka(
        partitions = 1,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = {Topics.CONCEPT_PACKS, Topics.SWEEPS, Topics.SAMPLES, Topics.JUDGEMENTS})
class TrainerIntegrationTest {

    private static final Duration TRAINING = Duration.ofMinutes(3);
    private static final int BUDGET = TinyPack.GENERATED.size();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TrainingWorker worker;

    @Autowired
    PackVersionRepository packs;

    @Autowired
    SweepRepository sweeps;

    @Autowired
    ConfigRepository configs;

    @Autowired
    SampleRepository samples;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry);
    }

    @Test
    void eachConfigGetsExactlyOneRunAndRedeliveredEventsTrainNothingTwice() throws Exception {
        String sweepId = newId("sweep");
        String packId = newId("pack");
        String steered = sweepId + "-c000";
        String original = sweepId + "-c001";
        ConceptPackEvent pack = packPublished(packId);
        SweepEvent sweep = sweepCreated(
                sweepId,
                settings("embedding-logreg", null),
                config(steered, sweepId, ConfigKind.STEERED, packId),
                config(original, sweepId, ConfigKind.ORIGINAL_DATA, packId));
        List<SampleEvent> generation = new ArrayList<>(samples(steered, sweepId));
        generation.add(completed("generation-completed:" + steered, steered, sweepId));

        send(Topics.CONCEPT_PACKS, pack);
        send(Topics.SWEEPS, sweep);
        for (SampleEvent event : generation) {
            send(Topics.SAMPLES, event);
        }
        await().atMost(TRAINING).untilAsserted(() -> assertThat(runsOf(sweepId)).isEqualTo(2));

        // Redeliver everything, plus a completion republished under a new event id (past the message log, so
        // only the start guard stops it). Each topic has one partition here, so a sentinel sent after them (a
        // sample of index 99, a sweep without configs) is consumed after them.
        String sentinelSweep = newId("sentinel");
        send(Topics.CONCEPT_PACKS, pack);
        send(Topics.SWEEPS, sweep);
        send(Topics.SWEEPS, sweepCreated(sentinelSweep, settings("embedding-logreg", null)));
        for (SampleEvent event : generation) {
            send(Topics.SAMPLES, event);
        }
        send(Topics.SAMPLES, completed("generation-completed-again:" + steered, steered, sweepId));
        send(Topics.SAMPLES, sampleGenerated(steered, sweepId, 99, "a late sample"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count("SELECT count(*) FROM training_sample WHERE config_id = ? AND sample_index = 99", steered))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM training_sweep WHERE sweep_id = ?", sentinelSweep))
                    .isEqualTo(1);
        });

        assertThat(runsOf(sweepId)).isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM training_config WHERE sweep_id = ? AND status = 'COMPLETED' AND attempts = 1",
                        sweepId))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM outbox WHERE topic = ? AND event_key LIKE ?",
                        Topics.DETECTOR_RUNS,
                        sweepId + "-%"))
                .isEqualTo(2);
        List<DetectorRunEvent> published = drain(sweepId, 2);
        assertThat(published).hasSize(2).allMatch(DetectorRunEvent.DetectorRunCompleted.class::isInstance);
        assertThat(published)
                .extracting(Event::eventId)
                .containsExactlyInAnyOrder("detector-run:" + steered, "detector-run:" + original);

        DetectorRun steeredRun = runOf(published, steered);
        assertThat(steeredRun.detectorKind()).isEqualTo("embedding-logreg");
        assertThat(steeredRun.seeds()).isEqualTo(2);
        assertThat(steeredRun.composition())
                .containsEntry("rule", "SYNTHETIC_POSITIVES")
                .containsEntry("syntheticPositives", BUDGET)
                .containsEntry("realPositives", 0)
                .containsEntry("negatives", BUDGET)
                .containsEntry("packContentHash", "hash-" + packId);
        assertThat(steeredRun.aurocCiLow()).isLessThanOrEqualTo(steeredRun.aurocCiHigh());
        DetectorRun originalRun = runOf(published, original);
        assertThat(originalRun.composition())
                .containsEntry("rule", "ORIGINAL")
                .containsEntry("realPositives", BUDGET)
                .containsEntry("syntheticPositives", 0);
        // The same seeds, hence the same real negatives, for both configs of the sweep.
        assertThat(originalRun.composition().get("seedList"))
                .isEqualTo(steeredRun.composition().get("seedList"));
        // Hostile versus friendly small talk is easy: a detector that learnt anything ranks the test split well.
        assertThat(originalRun.auroc()).isGreaterThan(0.8);
        assertThat(steeredRun.auroc()).isGreaterThan(0.8);
    }

    @Test
    void aSweepCreatedWithAnOlderPackVersionTrainsOnThatVersionThoughANewerOneIsStored() throws Exception {
        String sweepId = newId("sweep");
        String packId = newId("pack");
        String configId = sweepId + "-c000";
        String older = "h1-" + packId;
        String newer = "h2-" + packId;
        send(Topics.CONCEPT_PACKS, packPublished(packId, older));
        send(Topics.CONCEPT_PACKS, packPublished(packId, newer));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(packs.latestHash(packId)).contains(newer));

        send(
                Topics.SWEEPS,
                sweepCreated(
                        sweepId,
                        settings("embedding-logreg", null),
                        Map.of(packId, older),
                        config(configId, sweepId, ConfigKind.ORIGINAL_DATA, packId)));

        List<DetectorRunEvent> published = drain(sweepId, 1);
        assertThat(published).singleElement().isInstanceOf(DetectorRunEvent.DetectorRunCompleted.class);
        assertThat(runOf(published, configId).composition()).containsEntry("packContentHash", older);
        assertThat(configs.find(configId).orElseThrow().packContentHash()).isEqualTo(older);
        assertThat(jdbc.sql("SELECT pack_content_hash FROM detector_run WHERE config_id = ?")
                        .param(configId)
                        .query(String.class)
                        .single())
                .isEqualTo(older);
    }

    @Test
    void aConfigWaitsForThePackVersionItsSweepNamesAndIsNotBoundByAnotherVersionPublishedMeanwhile() throws Exception {
        String sweepId = newId("sweep");
        String packId = newId("pack");
        String configId = sweepId + "-c000";
        String named = "h1-" + packId;
        String other = "h2-" + packId;
        send(
                Topics.SWEEPS,
                sweepCreated(
                        sweepId,
                        settings("embedding-logreg", null),
                        Map.of(packId, named),
                        config(configId, sweepId, ConfigKind.ORIGINAL_DATA, packId)));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(configs.find(configId)).isPresent());

        // Storing a version and binding the configs waiting for it commit together: once it is visible, the
        // handler has decided.
        send(Topics.CONCEPT_PACKS, packPublished(packId, other));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(packs.latestHash(packId)).contains(other));
        assertThat(configs.find(configId).orElseThrow().packContentHash()).isNull();
        assertThat(configs.find(configId).orElseThrow().status()).isEqualTo(TrainingStatus.WAITING);
        assertThat(runsOf(sweepId)).isZero();

        send(Topics.CONCEPT_PACKS, packPublished(packId, named));
        List<DetectorRunEvent> published = drain(sweepId, 1);
        assertThat(published).singleElement().isInstanceOf(DetectorRunEvent.DetectorRunCompleted.class);
        assertThat(runOf(published, configId).composition()).containsEntry("packContentHash", named);
        assertThat(configs.find(configId).orElseThrow().packContentHash()).isEqualTo(named);
    }

    @Test
    void aSweepWithAnUnsupportedDetectorKindGetsAFailedRunNamingTheSupportedKinds() throws Exception {
        String sweepId = newId("sweep");
        String packId = newId("pack");
        send(
                Topics.SWEEPS,
                sweepCreated(
                        sweepId,
                        settings("random-forest", null),
                        config(sweepId + "-c000", sweepId, ConfigKind.STEERED, packId),
                        config(sweepId + "-c001", sweepId, ConfigKind.ORIGINAL_DATA, packId)));

        List<DetectorRunEvent> published = drain(sweepId, 2);

        assertThat(published)
                .hasSize(2)
                .allSatisfy(event -> assertThat(event)
                        .isInstanceOfSatisfying(
                                DetectorRunEvent.DetectorRunFailed.class,
                                failed -> assertThat(failed.reason())
                                        .contains("'random-forest'")
                                        .contains("embedding-logreg, lm-probe, finetune")));
        assertThat(runsOf(sweepId)).isZero();
    }

    @Test
    void aModelReadingKindWithoutTheConfigsModelSourceGetsAFailedRunNamingTheModel() throws Exception {
        String sweepId = newId("sweep");
        String packId = newId("pack");
        send(
                Topics.SWEEPS,
                sweepCreated(
                        sweepId,
                        settings("lm-probe", null),
                        config(sweepId + "-c000", sweepId, ConfigKind.STEERED, packId),
                        config(sweepId + "-c001", sweepId, ConfigKind.ORIGINAL_DATA, packId)));

        List<DetectorRunEvent> published = drain(sweepId, 2);

        assertThat(published)
                .hasSize(2)
                .allSatisfy(event -> assertThat(event)
                        .isInstanceOfSatisfying(
                                DetectorRunEvent.DetectorRunFailed.class,
                                failed -> assertThat(failed.reason())
                                        .contains("'lm-probe'")
                                        .contains("'smol'")
                                        .contains("no source")));
        assertThat(runsOf(sweepId)).isZero();
    }

    @Test
    void aConfigWhoseGenerationFailedGetsAFailedRun() throws Exception {
        String sweepId = newId("sweep");
        String packId = newId("pack");
        String configId = sweepId + "-c000";
        send(Topics.CONCEPT_PACKS, packPublished(packId));
        send(
                Topics.SWEEPS,
                sweepCreated(
                        sweepId,
                        settings("embedding-logreg", null),
                        config(configId, sweepId, ConfigKind.STEERED, packId)));
        send(
                Topics.SAMPLES,
                new SampleEvent.ConfigGenerationFailed(
                        "generation-failed:" + configId,
                        configId,
                        Instant.now(),
                        Event.SCHEMA_VERSION,
                        sweepId,
                        "out of memory"));

        List<DetectorRunEvent> published = drain(sweepId, 1);

        assertThat(published)
                .singleElement()
                .isInstanceOfSatisfying(
                        DetectorRunEvent.DetectorRunFailed.class,
                        failed -> assertThat(failed.reason()).isEqualTo("generation failed: out of memory"));
    }

    @Test
    void withASuccessThresholdAConfigTrainsOnlyOnceEverySampleIsJudgedAndOnlyOnItsSuccesses() throws Exception {
        String sweepId = newId("sweep");
        String packId = newId("pack");
        String configId = sweepId + "-c000";
        send(Topics.CONCEPT_PACKS, packPublished(packId));
        send(
                Topics.SWEEPS,
                sweepCreated(
                        sweepId,
                        settings("embedding-logreg", 0.5),
                        config(configId, sweepId, ConfigKind.STEERED, packId)));
        for (SampleEvent event : samples(configId, sweepId)) {
            send(Topics.SAMPLES, event);
        }
        send(Topics.SAMPLES, completed("generation-completed:" + configId, configId, sweepId));
        // The start rule runs in the transaction that stores the completion: once it is visible, it has decided.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(count("SELECT count(*) FROM generation_outcome WHERE config_id = ?", configId))
                                .isEqualTo(1));
        assertThat(jdbc.sql("SELECT status FROM training_config WHERE config_id = ?")
                        .param(configId)
                        .query(String.class)
                        .single())
                .isEqualTo("WAITING");

        double[] successes = {0.9, 0.8, 0.2};
        for (int i = 0; i < successes.length; i++) {
            send(Topics.JUDGEMENTS, judged(configId, sweepId, i, successes[i]));
        }
        send(
                Topics.JUDGEMENTS,
                new JudgementEvent.SampleJudgementFailed(
                        "sample-judgement-failed:" + Sample.idOf(configId, 3),
                        configId,
                        Instant.now(),
                        Event.SCHEMA_VERSION,
                        sweepId,
                        Sample.idOf(configId, 3),
                        "unparseable",
                        "???"));

        List<DetectorRunEvent> published = drain(sweepId, 1);
        assertThat(published).singleElement().isInstanceOf(DetectorRunEvent.DetectorRunCompleted.class);
        DetectorRun run = ((DetectorRunEvent.DetectorRunCompleted) published.get(0)).run();
        assertThat(run.composition())
                .containsEntry("successThreshold", 0.5)
                .containsEntry("samplesOffered", BUDGET)
                .containsEntry("samplesUnjudged", 1)
                .containsEntry("samplesEligible", 2)
                .containsEntry("syntheticPositives", 2)
                .containsEntry("positiveShortfall", BUDGET - 2);
    }

    @Test
    void theSweepsModelSourcesAndTheSamplesGenerationPromptsAreKept() {
        String sweepId = newId("sweep");
        String configId = sweepId + "-c000";
        Map<String, ModelSource> sources =
                Map.of("smol", ModelSource.parse("/models/smol.gguf"), "big", ModelSource.parse("hf:org/big-model"));
        sweeps.insert(sweepId, settings("lm-probe", null), sources);
        samples.insertSample(sweepId, new Sample(Sample.idOf(configId, 0), configId, 0, "Q?", "answer", 3, 1L, "stop"));
        samples.insertSample(sweepId, new Sample(Sample.idOf(configId, 1), configId, 1, null, "other", 3, 2L, "stop"));

        assertThat(sweeps.find(sweepId).orElseThrow().modelSources()).isEqualTo(sources);
        assertThat(samples.samples(configId, 2))
                .containsExactly(new GeneratedSample("Q?", "answer", null), new GeneratedSample(null, "other", null));
    }

    @Test
    void aConfigLeftStartedByAStopMidTrainingIsTrainedAgainOnTheNextStart() {
        String sweepId = newId("sweep");
        String packId = newId("pack");
        String configId = sweepId + "-c000";
        ConceptPack pack = TinyPack.pack(packId, "hash-" + packId);
        // What a stop mid-training leaves behind: the config STARTED, no run stored, nothing queued in memory.
        packs.insert(
                packId,
                "hash-" + packId,
                pack.detectorData().train(),
                pack.detectorData().test());
        sweeps.insert(sweepId, settings("embedding-logreg", null));
        configs.insert(config(configId, sweepId, ConfigKind.ORIGINAL_DATA, packId), null);
        configs.bindPack(configId, "hash-" + packId);
        assertThat(configs.markStarted(configId)).isTrue();

        worker.resumeStarted();

        List<DetectorRunEvent> published = drain(sweepId, 1);
        assertThat(published).singleElement().isInstanceOf(DetectorRunEvent.DetectorRunCompleted.class);
        assertThat(configs.find(configId).orElseThrow().status()).isEqualTo(TrainingStatus.COMPLETED);
        assertThat(runsOf(sweepId)).isEqualTo(1);
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static SweepSettings settings(String detectorKind, Double successThreshold) {
        return new SweepSettings(
                BUDGET,
                7L,
                DecodingSettings.defaults(),
                JudgeSettings.defaults(),
                new DetectorSettings(detectorKind, 2, successThreshold),
                25);
    }

    private static ConfigSpec config(String configId, String sweepId, ConfigKind kind, String conceptId) {
        boolean steered = kind == ConfigKind.STEERED;
        return new ConfigSpec(
                configId,
                sweepId,
                kind,
                conceptId,
                "smol",
                steered ? SteeringMethod.MEAN_DIFFERENCE : null,
                steered ? 3 : null,
                steered ? 0.5 : null,
                steered ? StrengthMode.RELATIVE : null,
                steered ? PositionPolicy.PROMPT_AND_GENERATION : null);
    }

    private static ConceptPackEvent packPublished(String packId) {
        return new ConceptPackEvent.ConceptPackPublished(
                "pack-published:" + packId,
                packId,
                Instant.now(),
                Event.SCHEMA_VERSION,
                TinyPack.pack(packId, "hash-" + packId));
    }

    /** Version {@code hash} of the pack, under the event id the sweep service gives it. */
    private static ConceptPackEvent packPublished(String packId, String hash) {
        return new ConceptPackEvent.ConceptPackPublished(
                "pack-published:" + packId + ":" + hash,
                packId,
                Instant.now(),
                Event.SCHEMA_VERSION,
                TinyPack.pack(packId, hash));
    }

    private static SweepEvent sweepCreated(String sweepId, SweepSettings settings, ConfigSpec... configs) {
        return sweepCreated(sweepId, settings, Map.of(), configs);
    }

    private static SweepEvent sweepCreated(
            String sweepId, SweepSettings settings, Map<String, String> packContentHashes, ConfigSpec... configs) {
        return new SweepEvent.SweepCreated(
                "sweep-created:" + sweepId,
                sweepId,
                Instant.now(),
                Event.SCHEMA_VERSION,
                "test",
                settings,
                List.of(configs),
                Map.of(),
                packContentHashes);
    }

    private static List<SampleEvent> samples(String configId, String sweepId) {
        List<SampleEvent> events = new ArrayList<>();
        for (int i = 0; i < BUDGET; i++) {
            events.add(sampleGenerated(configId, sweepId, i, TinyPack.GENERATED.get(i)));
        }
        return events;
    }

    private static SampleEvent sampleGenerated(String configId, String sweepId, int index, String text) {
        String sampleId = Sample.idOf(configId, index);
        return new SampleEvent.SampleGenerated(
                "sample-generated:" + sampleId,
                configId,
                Instant.now(),
                Event.SCHEMA_VERSION,
                sweepId,
                new Sample(sampleId, configId, index, "Reply to: hi", text, 12, index, "stop"));
    }

    private static SampleEvent completed(String eventId, String configId, String sweepId) {
        return new SampleEvent.ConfigGenerationCompleted(
                eventId, configId, Instant.now(), Event.SCHEMA_VERSION, sweepId, BUDGET);
    }

    private static JudgementEvent judged(String configId, String sweepId, int index, double success) {
        String sampleId = Sample.idOf(configId, index);
        return new JudgementEvent.SampleJudged(
                "sample-judged:" + sampleId + ":offline",
                configId,
                Instant.now(),
                Event.SCHEMA_VERSION,
                sweepId,
                new Judgement(sampleId, success, 0.9, "offline", "v1", "{}"));
    }

    private void send(String topic, Event event) throws Exception {
        kafka.send(topic, event.key(), EventCodec.encode(event)).get();
    }

    private static DetectorRun runOf(List<DetectorRunEvent> events, String configId) {
        return events.stream()
                .filter(e -> e.configId().equals(configId))
                .map(e -> ((DetectorRunEvent.DetectorRunCompleted) e).run())
                .findFirst()
                .orElseThrow();
    }

    private long runsOf(String sweepId) {
        return count("SELECT count(*) FROM detector_run WHERE sweep_id = ?", sweepId);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** The sweep's detector-run events: waits up to 3 min for {@code expected}, and sees one too many. */
    private List<DetectorRunEvent> drain(String sweepId, int expected) {
        return TopicReader.read(
                broker.getBrokersAsString(),
                Topics.DETECTOR_RUNS,
                DetectorRunEvent.class,
                event -> event.sweepId().equals(sweepId),
                expected,
                TRAINING);
    }
}
