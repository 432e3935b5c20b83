package ai.steersynth.metrics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.DiversityEvent;
import ai.steersynth.contracts.event.DiversityEvent.DiversityReported;
import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.event.SweepEvent;
import ai.steersynth.contracts.result.Sample;
import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.DecodingSettings;
import ai.steersynth.contracts.sweep.DetectorSettings;
import ai.steersynth.contracts.sweep.JudgeSettings;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.contracts.sweep.StrengthMode;
import ai.steersynth.contracts.sweep.SweepSettings;
import ai.steersynth.platform.test.TestDatabases;
import ai.steersynth.platform.test.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The metrics service against a real KRaft broker, a real PostgreSQL with the real migrations and the real MiniLM
 * embedder: a config is measured once its sweep, all its samples and its completion are in, in whatever order they
 * arrive, and reported exactly once. The broker has one partition per topic, so the samples topic is consumed in
 * send order: an event sent after a redelivery and seen handled proves the redelivery was handled before it.
 */
@SpringBootTest(properties = {"spring.config.name=metrics-service", "steersynth.outbox.poll-interval=50ms"})
@AutoConfigureMockMvc
@EmbeddedKafka(
        partitions = 1,
        topics = {Topics.SWEEPS, Topics.SAMPLES},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class DiversityPipelineIntegrationTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String REPEATED = "The assistant keeps giving the very same answer to every single question.";
    private static final List<String> VARIED = List.of(
            "Mountain rivers carve deep valleys over thousands of years of slow erosion.",
            "Bake the bread at a high temperature so that the crust turns golden and crisp.",
            "The quarterly budget review showed that travel costs rose by nearly a third.",
            "My cat ignores every toy I buy and plays with the cardboard box instead.");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DiversityWorker worker;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry);
    }

    /** The listeners own their partitions before a test sends anything, so no test spends its patience on that. */
    @BeforeEach
    void listenersAreAssigned() {
        await().atMost(PATIENCE)
                .until(() -> listeners.getListenerContainers().stream()
                        .allMatch(c -> c.getAssignedPartitions() != null
                                && !c.getAssignedPartitions().isEmpty()));
    }

    @Test
    void identicalSamplesScoreLowerThanVariedOnesAndEachConfigIsReportedOnce() throws Exception {
        String sweepId = newSweepId();
        String identical = configId(sweepId, 0);
        String varied = configId(sweepId, 1);
        String original = configId(sweepId, 2);
        String failed = configId(sweepId, 3);
        double reportsBefore = reportsPublished();
        long computationsBefore = computations();

        sendSweepCreated(
                sweepId,
                50,
                steered(identical),
                steered(varied),
                config(original, ConfigKind.ORIGINAL_DATA),
                steered(failed));
        sendSamples(identical, List.of(REPEATED, REPEATED, REPEATED, REPEATED));
        sendCompleted(identical, 4);
        sendSamples(varied, VARIED);
        sendCompleted(varied, 4);
        sendSamples(failed, List.of("half a sentence"));
        send(new SampleEvent.ConfigGenerationFailed(
                "config-generation-failed:" + failed, failed, Instant.now(), 1, sweepId, "out of memory"));

        Map<String, DiversityReported> reports = drainReports(sweepId, 2).stream()
                .collect(Collectors.toMap(DiversityReported::configId, Function.identity()));

        assertThat(reports).containsOnlyKeys(identical, varied);
        assertThat(reports.get(identical).eventId()).isEqualTo("diversity-reported:" + identical);
        assertThat(reports.get(identical).sweepId()).isEqualTo(sweepId);
        DiversityReported same = reports.get(identical);
        DiversityReported different = reports.get(varied);
        for (DiversityReported report : reports.values()) {
            assertThat(report.report().components().values())
                    .allSatisfy(v -> assertThat(v).isBetween(0.0, 4.0));
            assertThat(report.report().diversity()).isBetween(0.0, 1.0);
            assertThat(report.report().components())
                    .containsEntry("diversity", report.report().diversity());
        }
        assertThat(same.report().components().get("set.selfBleu")).isCloseTo(1.0, within(1e-9));
        assertThat(same.report().components().get("set.meanCosineDistance")).isCloseTo(0.0, within(1e-4));
        assertThat(same.report().components().get("set.vendiScore")).isCloseTo(1.0, within(1e-3));
        assertThat(different.report().components().get("set.selfBleu")).isLessThan(0.2);
        assertThat(different.report().components().get("set.meanCosineDistance"))
                .isGreaterThan(0.5);
        assertThat(same.report().setLevel()).isLessThan(different.report().setLevel() - 0.3);
        assertThat(same.report().diversity()).isLessThan(different.report().diversity());

        assertThat(count("SELECT count(*) FROM diversity_report WHERE sweep_id = ?", sweepId))
                .isEqualTo(2);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(state(failed)).isEqualTo("GENERATION_FAILED"));
        assertThat(state(original)).isEqualTo("NOT_APPLICABLE");
        assertThat(reportsPublished() - reportsBefore).isEqualTo(2.0);
        assertThat(computations() - computationsBefore).isEqualTo(2);

        mvc.perform(get("/api/diversity/" + identical))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.configId").value(identical))
                .andExpect(jsonPath("$.sweepId").value(sweepId))
                .andExpect(jsonPath("$.sampleCount").value(4))
                .andExpect(jsonPath("$.report.diversity").value(same.report().diversity()))
                .andExpect(jsonPath("$.report.components['set.selfBleu']")
                        .value(same.report().components().get("set.selfBleu")));
        mvc.perform(get("/api/diversity/" + failed)).andExpect(status().isNotFound());
        mvc.perform(get("/api/diversity/no-such-config")).andExpect(status().isNotFound());
    }

    @Test
    void aRedeliveredCompletionOrSamplePublishesNothingNew() throws Exception {
        String sweepId = newSweepId();
        String configId = configId(sweepId, 0);
        String marker = configId(sweepId, 1);
        sendSweepCreated(sweepId, 50, steered(configId), steered(marker));
        List<SampleEvent> samples = sendSamples(configId, VARIED.subList(0, 3));
        SampleEvent completed = sendCompleted(configId, 3);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(state(configId)).isEqualTo("REPORTED"));

        send(completed);
        send(samples.get(1));
        // The same sample again under another event id (a generator that republished it): kept once, unchanged.
        Sample original = ((SampleEvent.SampleGenerated) samples.get(1)).sample();
        send(new SampleEvent.SampleGenerated(
                "sample-republished:" + original.sampleId(),
                configId,
                Instant.now(),
                1,
                sweepId,
                new Sample(original.sampleId(), configId, original.index(), "p", "other text", 2, 9L, "stop")));
        sendSamples(marker, VARIED.subList(1, 3));
        sendCompleted(marker, 2);

        List<DiversityReported> reports = drainReports(sweepId, 2);
        assertThat(reports).extracting(DiversityReported::configId).containsExactlyInAnyOrder(configId, marker);
        assertThat(state(configId)).isEqualTo("REPORTED");
        assertThat(count("SELECT attempts FROM metrics_config WHERE config_id = ?", configId))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM diversity_report WHERE config_id = ?", configId))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox WHERE event_key = ?", configId))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM metrics_sample WHERE config_id = ?", configId))
                .isEqualTo(3);
        assertThat(sampleText(original.sampleId())).isEqualTo(original.text());
    }

    @Test
    void aCompletionBeforeItsLastSampleIsMeasuredOnceTheSampleArrives() throws Exception {
        String sweepId = newSweepId();
        String configId = configId(sweepId, 0);
        sendSweepCreated(sweepId, 50, steered(configId));
        List<String> texts = VARIED.subList(0, 3);
        send(sampleEvent(configId, 0, texts.get(0)));
        send(sampleEvent(configId, 1, texts.get(1)));
        sendCompleted(configId, 3);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(count(
                                "SELECT count(*) FROM metrics_config WHERE config_id = ? AND sample_count = 3",
                                configId))
                        .isEqualTo(1));
        // The claim is made in the transaction that stores the completion: none was made without the last sample.
        assertThat(state(configId)).isEqualTo("WAITING");
        assertThat(count("SELECT count(*) FROM diversity_report WHERE config_id = ?", configId))
                .isZero();

        send(sampleEvent(configId, 2, texts.get(2)));

        assertThat(drainReports(sweepId, 1))
                .singleElement()
                .satisfies(r -> assertThat(r.configId()).isEqualTo(configId));
        assertThat(count("SELECT sample_count FROM diversity_report WHERE config_id = ?", configId))
                .isEqualTo(3);
    }

    @Test
    void samplesThatArriveBeforeTheirSweepAreMeasuredOnceTheSweepArrives() throws Exception {
        String sweepId = newSweepId();
        String configId = configId(sweepId, 0);
        sendSamples(configId, VARIED.subList(0, 2));
        sendCompleted(configId, 2);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(count(
                                "SELECT count(*) FROM metrics_config WHERE config_id = ? AND sample_count = 2",
                                configId))
                        .isEqualTo(1));
        assertThat(state(configId)).isEqualTo("WAITING");

        sendSweepCreated(sweepId, 50, steered(configId));

        assertThat(drainReports(sweepId, 1))
                .singleElement()
                .satisfies(r -> assertThat(r.configId()).isEqualTo(configId));
    }

    @Test
    void aCancelledSweepIsNotMeasured() throws Exception {
        String sweepId = newSweepId();
        String configId = configId(sweepId, 0);
        sendSweepCreated(sweepId, 50, steered(configId));
        send(sampleEvent(configId, 0, VARIED.get(0)));
        kafka.send(
                        Topics.SWEEPS,
                        sweepId,
                        EventCodec.encode(new SweepEvent.SweepCancelled(
                                "sweep-cancelled:" + sweepId, sweepId, Instant.now(), 1, "by test")))
                .get();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(state(configId)).isEqualTo("CANCELLED"));

        send(sampleEvent(configId, 1, VARIED.get(1)));
        sendCompleted(configId, 2);
        String otherSweep = newSweepId();
        String marker = configId(otherSweep, 0);
        sendSweepCreated(otherSweep, 50, steered(marker));
        sendSamples(marker, VARIED.subList(0, 2));
        sendCompleted(marker, 2);
        assertThat(drainReports(otherSweep, 1)).hasSize(1);

        assertThat(state(configId)).isEqualTo("CANCELLED");
        assertThat(drainReports(sweepId, 0)).isEmpty();
        assertThat(count("SELECT count(*) FROM outbox WHERE event_key = ?", configId))
                .isZero();
    }

    @Test
    void aConfigThatCannotBeMeasuredIsGivenUpAfterTheLastAttemptAndAnnouncedAsFailed() throws Exception {
        String sweepId = newSweepId();
        String configId = configId(sweepId, 0);
        // A MATTR window of 0 is rejected by the metrics core on every attempt.
        sendSweepCreated(sweepId, 0, steered(configId));
        sendSamples(configId, VARIED.subList(0, 2));
        sendCompleted(configId, 2);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(state(configId)).isEqualTo("FAILED"));
        assertThat(count("SELECT attempts FROM metrics_config WHERE config_id = ?", configId))
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT failure_reason FROM metrics_config WHERE config_id = ?")
                        .param(configId)
                        .query(String.class)
                        .single())
                .contains("mattrWindow");
        // No report, but one DiversityFailed so the sweep does not wait for a report forever.
        assertThat(count("SELECT count(*) FROM diversity_report WHERE config_id = ?", configId))
                .isZero();
        assertThat(count("SELECT count(*) FROM outbox WHERE event_key = ?", configId))
                .isOne();
        assertThat(jdbc.sql("SELECT payload FROM outbox WHERE event_key = ?")
                        .param(configId)
                        .query(String.class)
                        .single())
                .contains("\"type\":\"DiversityFailed\"")
                .contains("diversity-failed:" + configId);
    }

    @Test
    void aClaimLeftUnfinishedByAStoppedServiceIsMeasuredOnResume() throws Exception {
        String sweepId = newSweepId();
        String configId = configId(sweepId, 0);
        // What a service that died while measuring leaves behind: a claimed config with one attempt used.
        jdbc.sql("INSERT INTO metrics_sweep (sweep_id, mattr_window) VALUES (?, 50)")
                .param(sweepId)
                .update();
        jdbc.sql("""
                        INSERT INTO metrics_config (config_id, sweep_id, kind, sample_count, state, attempts, claimed_at)
                        VALUES (?, ?, 'STEERED', 2, 'CLAIMED', 1, now())""").params(configId, sweepId).update();
        for (int i = 0; i < 2; i++) {
            jdbc.sql("INSERT INTO metrics_sample (sample_id, config_id, sample_index, text_utf8) VALUES (?, ?, ?, ?)")
                    .params(Sample.idOf(configId, i), configId, i, VARIED.get(i).getBytes(StandardCharsets.UTF_8))
                    .update();
        }

        worker.resumeClaimed();

        assertThat(drainReports(sweepId, 1))
                .singleElement()
                .satisfies(r -> assertThat(r.configId()).isEqualTo(configId));
        assertThat(state(configId)).isEqualTo("REPORTED");
        assertThat(count("SELECT attempts FROM metrics_config WHERE config_id = ?", configId))
                .isEqualTo(2);
    }

    private static String newSweepId() {
        return "sw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String configId(String sweepId, int ordinal) {
        return "%s-c%03d".formatted(sweepId, ordinal);
    }

    private static ConfigSpec steered(String configId) {
        return config(configId, ConfigKind.STEERED);
    }

    private static ConfigSpec config(String configId, ConfigKind kind) {
        String sweepId = sweepOf(configId);
        return kind == ConfigKind.STEERED
                ? new ConfigSpec(
                        configId,
                        sweepId,
                        kind,
                        "toxicity",
                        "smol",
                        SteeringMethod.MEAN_DIFFERENCE,
                        3,
                        0.5,
                        StrengthMode.RELATIVE,
                        PositionPolicy.PROMPT_AND_GENERATION)
                : new ConfigSpec(configId, sweepId, kind, "toxicity", "smol", null, null, null, null, null);
    }

    private static String sweepOf(String configId) {
        return configId.substring(0, configId.lastIndexOf("-c"));
    }

    private void sendSweepCreated(String sweepId, int mattrWindow, ConfigSpec... configs) throws Exception {
        SweepSettings settings = new SweepSettings(
                4, 7L, DecodingSettings.defaults(), JudgeSettings.defaults(), DetectorSettings.defaults(), mattrWindow);
        SweepEvent created = new SweepEvent.SweepCreated(
                "sweep-created:" + sweepId,
                sweepId,
                Instant.now(),
                Event.SCHEMA_VERSION,
                "test",
                settings,
                Arrays.asList(configs));
        kafka.send(Topics.SWEEPS, sweepId, EventCodec.encode(created)).get();
    }

    private List<SampleEvent> sendSamples(String configId, List<String> texts) throws Exception {
        List<SampleEvent> sent = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            sent.add(send(sampleEvent(configId, i, texts.get(i))));
        }
        return sent;
    }

    private static SampleEvent sampleEvent(String configId, int index, String text) {
        Sample sample = new Sample(Sample.idOf(configId, index), configId, index, "p", text, 12, index, "stop");
        return new SampleEvent.SampleGenerated(
                "sample-generated:" + sample.sampleId(),
                configId,
                Instant.now(),
                Event.SCHEMA_VERSION,
                sweepOf(configId),
                sample);
    }

    private SampleEvent sendCompleted(String configId, int sampleCount) throws Exception {
        return send(new SampleEvent.ConfigGenerationCompleted(
                "config-generation-completed:" + configId,
                configId,
                Instant.now(),
                Event.SCHEMA_VERSION,
                sweepOf(configId),
                sampleCount));
    }

    private SampleEvent send(SampleEvent event) throws Exception {
        kafka.send(Topics.SAMPLES, event.configId(), EventCodec.encode(event)).get();
        return event;
    }

    /** The sweep's diversity reports: waits for {@code expected}, and sees one too many. */
    private List<DiversityReported> drainReports(String sweepId, int expected) {
        return TopicReader.read(
                        broker.getBrokersAsString(),
                        Topics.DIVERSITY_REPORTS,
                        DiversityEvent.class,
                        event -> event instanceof DiversityReported reported
                                && reported.sweepId().equals(sweepId),
                        expected,
                        PATIENCE)
                .stream()
                .map(DiversityReported.class::cast)
                .toList();
    }

    /** The config's state, or null while no event has named it yet. */
    private String state(String configId) {
        return jdbc.sql("SELECT state FROM metrics_config WHERE config_id = ?")
                .param(configId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private String sampleText(String sampleId) {
        return new String(
                jdbc.sql("SELECT text_utf8 FROM metrics_sample WHERE sample_id = ?")
                        .param(sampleId)
                        .query(byte[].class)
                        .single(),
                StandardCharsets.UTF_8);
    }

    private long count(String sql, String parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }

    private double reportsPublished() {
        return meters.get(DiversityWorker.REPORTS_COUNTER).counter().count();
    }

    private long computations() {
        return meters.get(DiversityWorker.COMPUTATION_TIMER).timer().count();
    }
}
