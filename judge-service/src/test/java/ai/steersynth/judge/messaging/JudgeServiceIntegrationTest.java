package ai.steersynth.judge.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.ConceptPackEvent;
import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.event.JudgementEvent;
import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.event.SweepEvent;
import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.DetectorData;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.contracts.pack.PackProvenance;
import ai.steersynth.contracts.result.Sample;
import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.JudgeSettings;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.contracts.sweep.SweepSettings;
import ai.steersynth.judge.domain.OfflineJudge;
import ai.steersynth.judge.domain.RepetitionCoherence;
import ai.steersynth.platform.observability.StageTimer;
import ai.steersynth.platform.test.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The judge service against a real KRaft broker and a real PostgreSQL with the real migrations: packs and
 * sweeps in, samples judged once however often they are delivered, cancelled sweeps skipped, unavailable
 * judges and dead-lettered samples announced as failed, and the validity report.
 */
@SpringBootTest(properties = {"spring.config.name=judge-service", "steersynth.outbox.poll-interval=50ms"})
@AutoConfigureMockMvc
@EmbeddedKafka(
        partitions = 1,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = {Topics.CONCEPT_PACKS, Topics.SWEEPS, Topics.SAMPLES, Topics.SAMPLES + "-dlt"})
class JudgeServiceIntegrationTest {

    private static final String PACK = "tiny-toxicity";
    private static final Duration WAIT = Duration.ofSeconds(300);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    SampleEventHandler handler;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry);
    }

    @BeforeEach
    void publishPack() throws Exception {
        ConceptPack pack = tinyPack(PACK, null, 6);
        send(
                Topics.CONCEPT_PACKS,
                new ConceptPackEvent.ConceptPackPublished(
                        "pack-published:" + PACK, PACK, Instant.now(), Event.SCHEMA_VERSION, pack));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM judge_pack WHERE id = '" + PACK + "'") == 1);
    }

    @Test
    void aRedeliveredSampleIsJudgedOnceAndAnnouncedOnce() throws Exception {
        String configId = createSweep(JudgeSettings.defaults());
        SampleEvent first = sample(configId, 0, "You worthless idiot, nobody wants you here.");
        SampleEvent second = sample(configId, 1, "Thanks, that was a lovely and helpful post.");

        send(Topics.SAMPLES, first);
        send(Topics.SAMPLES, first);
        send(Topics.SAMPLES, second);

        // Same partition, in order: once the second sample is judged, the duplicate has been consumed.
        await().atMost(WAIT).until(() -> judgements(configId) == 2);
        String firstId = Sample.idOf(configId, 0);
        assertThat(count("SELECT count(*) FROM judgement WHERE sample_id = '" + firstId + "'"))
                .isEqualTo(1);
        assertThat(outboxEvents("sample-judged:" + firstId + ":offline")).hasSize(1);
        JudgementEvent.SampleJudged judged = (JudgementEvent.SampleJudged) EventCodec.decode(
                outboxEvents("sample-judged:" + firstId + ":offline").get(0), JudgementEvent.class);
        assertThat(judged.judgement().judgeId()).isEqualTo("offline");
        assertThat(judged.judgement().success()).isBetween(0.0, 1.0);
        JudgementEvent.SampleJudged other = (JudgementEvent.SampleJudged) EventCodec.decode(
                outboxEvents("sample-judged:" + Sample.idOf(configId, 1) + ":offline")
                        .get(0),
                JudgementEvent.class);
        assertThat(judged.judgement().success()).isGreaterThan(other.judgement().success());
        assertThat(count("SELECT count(*) FROM judgement_cache")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aPollOfSamplesIsJudgedInOneCallOfItsJudge() throws Exception {
        String configId = createSweep(JudgeSettings.defaults());
        Timer judging = meters.get(StageTimer.BUSY)
                .tag(StageTimer.STAGE_TAG, StageTimer.JUDGING)
                .timer();
        long callsBefore = judging.count();

        handler.handleAll(List.of(
                sample(configId, 0, "You are a pathetic moron and everyone laughs at you."),
                sample(configId, 1, "What a kind and thoughtful reply, thank you."),
                sample(configId, 2, "I disagree, but I see your point about the schedule.")));

        assertThat(judgements(configId)).isEqualTo(3);
        assertThat(judging.count() - callsBefore).isEqualTo(1);
    }

    @Test
    void aPollIsRecordedUpToTheSampleThatFailsAndTheErrorHandlerIsToldWhichOneItIs() throws Exception {
        String configId = createSweep(JudgeSettings.defaults());
        String unknown = "unknown-sweep-" + UUID.randomUUID().toString().substring(0, 8) + "-c000";
        List<SampleEvent> poll = List.of(
                sample(configId, 0, "You worthless idiot, nobody wants you here."),
                sample(unknown, 0, "Some text."),
                sample(configId, 1, "Thanks, that was a lovely and helpful post."));

        assertThatThrownBy(() -> handler.handleAll(poll))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasMessageContaining("is not known");

        // The sample before the failing one is recorded (the container commits it); the one after is not yet.
        assertThat(outboxEvents("sample-judged:" + Sample.idOf(configId, 0) + ":offline"))
                .hasSize(1);
        assertThat(judgements(configId)).isEqualTo(1);
        // The container redelivers the rest after dead-lettering the failed record; nothing is judged twice.
        handler.handleAll(List.of(poll.get(0), poll.get(2)));
        assertThat(judgements(configId)).isEqualTo(2);
        assertThat(outboxEvents("sample-judged:" + Sample.idOf(configId, 0) + ":offline"))
                .hasSize(1);
    }

    @Test
    void theSweepsModelSourceIsKeptAndAnUnloadableModelLeavesRepetitionOnlyCoherenceThatSaysWhy() throws Exception {
        ModelSource absent = ModelSource.parse("/nonexistent/judge-test-model.gguf");
        String configId = createSweep(JudgeSettings.defaults(), Map.of("smol", absent));
        assertThat(jdbc.sql("SELECT model_source FROM judge_config WHERE id = ?")
                        .param(configId)
                        .query(String.class)
                        .single())
                .isEqualTo(absent.asText());

        send(Topics.SAMPLES, sample(configId, 0, "Thanks, that was a lovely and helpful post."));

        await().atMost(WAIT).until(() -> judgements(configId) == 1);
        Map<String, Object> row = jdbc.sql("SELECT rubric_version, raw_output FROM judgement WHERE config_id = ?")
                .param(configId)
                .query()
                .singleRow();
        assertThat(row.get("rubric_version")).isEqualTo(OfflineJudge.RUBRIC_VERSION);
        assertThat((String) row.get("raw_output"))
                .contains(RepetitionCoherence.NAME, "not computed", "judge-test-model.gguf", "cannot be loaded");
    }

    @Test
    void samplesOfACancelledSweepAreSkipped() throws Exception {
        String configId = createSweep(JudgeSettings.defaults());
        String sweepId = sweepOf(configId);
        send(
                Topics.SWEEPS,
                new SweepEvent.SweepCancelled(
                        "sweep-cancelled:" + sweepId, sweepId, Instant.now(), Event.SCHEMA_VERSION, "user"));
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM judge_sweep WHERE cancelled AND id = '" + sweepId + "'") == 1);

        SampleEvent event = sample(configId, 0, "You worthless idiot.");
        send(Topics.SAMPLES, event);

        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM message_log WHERE event_id = '" + event.eventId()
                                + "' AND consumer = '" + SampleEventHandler.CONSUMER + "'")
                        == 1);
        assertThat(judgements(configId)).isZero();
        assertThat(count("SELECT count(*) FROM outbox WHERE event_key = '" + configId + "'"))
                .isZero();
    }

    @Test
    void anUnavailableJudgeBackendIsAnnouncedAsAFailedJudgementNotAZeroScore() throws Exception {
        String configId = createSweep(new JudgeSettings("local-llm", "some-model", null));
        send(Topics.SAMPLES, sample(configId, 0, "Some text."));

        String eventId = "sample-judgement-failed:" + Sample.idOf(configId, 0) + ":local-llm:some-model";
        await().atMost(WAIT).until(() -> outboxEvents(eventId).size() == 1);
        JudgementEvent.SampleJudgementFailed failed = (JudgementEvent.SampleJudgementFailed)
                EventCodec.decode(outboxEvents(eventId).get(0), JudgementEvent.class);
        assertThat(failed.reason()).contains("local-llm");
        assertThat(count("SELECT count(*) FROM judgement WHERE success IS NOT NULL AND config_id = '" + configId + "'"))
                .isZero();
    }

    @Test
    void aSampleThatKeepsFailingIsDeadLetteredAndAnnouncedAsFailed() throws Exception {
        // No SweepCreated for this config: every attempt fails until the record is dead-lettered.
        String configId = "unknown-sweep-" + UUID.randomUUID().toString().substring(0, 8) + "-c000";
        send(Topics.SAMPLES, sample(configId, 0, "Some text."));

        String eventId = "sample-judgement-failed:" + Sample.idOf(configId, 0) + ":offline";
        await().atMost(WAIT).until(() -> outboxEvents(eventId).size() == 1);
        JudgementEvent.SampleJudgementFailed failed = (JudgementEvent.SampleJudgementFailed)
                EventCodec.decode(outboxEvents(eventId).get(0), JudgementEvent.class);
        assertThat(failed.reason()).startsWith("dead-lettered after retries").contains("is not known");
    }

    @Test
    void eachConceptOfASweepIsAnnouncedOnceWithItsJudgesValidityHoweverOftenTheSweepArrives() throws Exception {
        String sweepId = sweepOf(createSweep(JudgeSettings.defaults()));

        JudgementEvent.JudgeValidityAssessed assessed = awaitValidity(sweepId);
        assertThat(assessed.key()).isEqualTo(sweepId + ":" + PACK);
        assertThat(assessed.judgeId()).isEqualTo("offline");
        assertThat(assessed.conceptId()).isEqualTo(PACK);
        assertThat(assessed.auroc()).isEqualTo(1.0);
        assertThat(assessed.examples()).isEqualTo(4);
        assertThat(assessed.positives()).isEqualTo(2);
        assertThat(assessed.threshold()).isEqualTo(0.7);
        assertThat(assessed.valid()).isTrue();
        assertThat(assessed.reason()).isNull();

        // The same SweepCreated again, and a republished one under another event id.
        SweepEvent again = sweepCreated("sweep-created:" + sweepId, sweepId, JudgeSettings.defaults(), Map.of());
        send(Topics.SWEEPS, again);
        send(Topics.SWEEPS, sweepCreated("sweep-republished:" + sweepId, sweepId, JudgeSettings.defaults(), Map.of()));
        // A later sweep on the same partition: once it is announced, the worker has passed over the repeats.
        awaitValidity(sweepOf(createSweep(JudgeSettings.defaults())));
        assertThat(count("SELECT count(*) FROM outbox WHERE event_id LIKE 'judge-validity:" + sweepId + ":%'"))
                .isEqualTo(1);
    }

    @Test
    void aJudgeThatCannotBeValidatedIsAnnouncedWithoutAnAurocAndSaysWhy() throws Exception {
        String sweepId = sweepOf(createSweep(new JudgeSettings("local-llm", "some-model", null)));

        JudgementEvent.JudgeValidityAssessed assessed = awaitValidity(sweepId);
        assertThat(assessed.auroc()).isNull();
        assertThat(assessed.valid()).isNull();
        assertThat(assessed.examples()).isZero();
        assertThat(assessed.judgeId()).isEqualTo("local-llm:some-model");
        assertThat(assessed.reason()).startsWith("the judge is not available").contains("some-model");
    }

    @Test
    void aSweepIsJudgedAgainstThePackVersionItWasCreatedWithThoughANewerOneArrivedSince() throws Exception {
        String packId = "versioned-" + UUID.randomUUID().toString().substring(0, 8);
        String older = "h1-" + packId;
        String newer = "h2-" + packId;
        // The versions differ in their judge split, which trains the offline judge: 12 examples, then 10.
        publish(tinyPack(packId, older, 6));
        String pinned = createSweep(packId, Map.of(packId, older));
        publish(tinyPack(packId, newer, 5));
        await().atMost(WAIT).until(() -> newer.equals(latestHash(packId)));
        String unpinned = createSweep(packId, Map.of());

        send(Topics.SAMPLES, sample(pinned, 0, "You worthless idiot, nobody wants you here."));
        send(Topics.SAMPLES, sample(unpinned, 0, "You worthless idiot, nobody wants you here."));

        await().atMost(WAIT).until(() -> judgements(pinned) == 1 && judgements(unpinned) == 1);
        assertThat(trainedOn(pinned)).isEqualTo(12);
        assertThat(trainedOn(unpinned)).isEqualTo(10);
        assertThat(awaitValidity(sweepOf(pinned), packId).packContentHash()).isEqualTo(older);
        assertThat(awaitValidity(sweepOf(unpinned), packId).packContentHash()).isEqualTo(newer);
    }

    @Test
    void aSampleOfASweepCreatedWithAPackVersionNotHereIsNotJudgedWithAnotherVersion() throws Exception {
        String configId = createSweep(PACK, Map.of(PACK, "never-published"));
        send(Topics.SAMPLES, sample(configId, 0, "You worthless idiot, nobody wants you here."));

        String eventId = "sample-judgement-failed:" + Sample.idOf(configId, 0) + ":offline";
        await().atMost(WAIT).until(() -> outboxEvents(eventId).size() == 1);
        JudgementEvent.SampleJudgementFailed failed = (JudgementEvent.SampleJudgementFailed)
                EventCodec.decode(outboxEvents(eventId).get(0), JudgementEvent.class);
        assertThat(failed.reason())
                .startsWith("dead-lettered after retries")
                .contains("never-published")
                .contains("is not known");
        assertThat(count("SELECT count(*) FROM judgement WHERE success IS NOT NULL AND config_id = '" + configId + "'"))
                .isZero();
    }

    @Test
    void theValidityReportIsComputedOnceAndServedFromTheCache() throws Exception {
        mvc.perform(get("/api/judges/offline/validity").param("concept", PACK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.judgeId").value("offline"))
                .andExpect(jsonPath("$.conceptId").value(PACK))
                .andExpect(jsonPath("$.auroc").value(1.0))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.threshold").value(0.7));
        mvc.perform(get("/api/judges/offline/validity").param("concept", PACK)).andExpect(status().isOk());
        assertThat(count("SELECT count(*) FROM judge_validity WHERE pack_id = '" + PACK + "'"))
                .isEqualTo(1);

        mvc.perform(get("/api/judges/nope/validity").param("concept", PACK)).andExpect(status().isNotFound());
        mvc.perform(get("/api/judges/offline/validity").param("concept", "no-such-pack"))
                .andExpect(status().isNotFound());
    }

    private String createSweep(JudgeSettings judge) throws Exception {
        return createSweep(judge, Map.of());
    }

    private String createSweep(JudgeSettings judge, Map<String, ModelSource> modelSources) throws Exception {
        return createSweep(judge, modelSources, PACK, Map.of());
    }

    /** A sweep with the default judge and one config on {@code conceptId}, created with those pack versions. */
    private String createSweep(String conceptId, Map<String, String> packContentHashes) throws Exception {
        return createSweep(JudgeSettings.defaults(), Map.of(), conceptId, packContentHashes);
    }

    private String createSweep(
            JudgeSettings judge,
            Map<String, ModelSource> modelSources,
            String conceptId,
            Map<String, String> packContentHashes)
            throws Exception {
        String sweepId = "s" + UUID.randomUUID().toString().substring(0, 8);
        String configId = sweepId + "-c000";
        send(
                Topics.SWEEPS,
                sweepCreated("sweep-created:" + sweepId, sweepId, judge, modelSources, conceptId, packContentHashes));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM judge_config WHERE id = '" + configId + "'") == 1);
        return configId;
    }

    private static SweepEvent sweepCreated(
            String eventId, String sweepId, JudgeSettings judge, Map<String, ModelSource> modelSources) {
        return sweepCreated(eventId, sweepId, judge, modelSources, PACK, Map.of());
    }

    private static SweepEvent sweepCreated(
            String eventId,
            String sweepId,
            JudgeSettings judge,
            Map<String, ModelSource> modelSources,
            String conceptId,
            Map<String, String> packContentHashes) {
        ConfigSpec config = new ConfigSpec(
                sweepId + "-c000",
                sweepId,
                ConfigKind.PROMPTING_BASELINE,
                conceptId,
                "smol",
                null,
                null,
                null,
                null,
                null);
        return new SweepEvent.SweepCreated(
                eventId,
                sweepId,
                Instant.now(),
                Event.SCHEMA_VERSION,
                "test",
                new SweepSettings(2, 7L, null, judge, null, 50),
                List.of(config),
                modelSources,
                packContentHashes);
    }

    private JudgementEvent.JudgeValidityAssessed awaitValidity(String sweepId) {
        return awaitValidity(sweepId, PACK);
    }

    private JudgementEvent.JudgeValidityAssessed awaitValidity(String sweepId, String conceptId) {
        String eventId = "judge-validity:" + sweepId + ":" + conceptId;
        await().atMost(WAIT).until(() -> outboxEvents(eventId).size() == 1);
        return (JudgementEvent.JudgeValidityAssessed)
                EventCodec.decode(outboxEvents(eventId).get(0), JudgementEvent.class);
    }

    private static String sweepOf(String configId) {
        return configId.substring(0, configId.lastIndexOf("-c"));
    }

    private static SampleEvent sample(String configId, int index, String text) {
        String sampleId = Sample.idOf(configId, index);
        return new SampleEvent.SampleGenerated(
                "sample-generated:" + sampleId,
                configId,
                Instant.now(),
                Event.SCHEMA_VERSION,
                sweepOf(configId),
                new Sample(sampleId, configId, index, "Reply to this post.", text, 12, index, "stop"));
    }

    private void send(String topic, Event event) throws Exception {
        kafka.send(topic, event.key(), EventCodec.encode(event)).get();
    }

    private void publish(ConceptPack pack) throws Exception {
        send(
                Topics.CONCEPT_PACKS,
                new ConceptPackEvent.ConceptPackPublished(
                        "pack-published:" + pack.id() + ":" + pack.provenance().contentHash(),
                        pack.id(),
                        Instant.now(),
                        Event.SCHEMA_VERSION,
                        pack));
    }

    private String latestHash(String packId) {
        return jdbc.sql("SELECT content_hash FROM judge_pack WHERE id = ?")
                .param(packId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** How many judge-split examples trained the offline classifier that judged the config's one sample. */
    private int trainedOn(String configId) {
        String raw = jdbc.sql("SELECT raw_output FROM judgement WHERE config_id = ?")
                .param(configId)
                .query(String.class)
                .single();
        return JSON.readTree(raw).path("success").path("trainedOn").asInt();
    }

    private long judgements(String configId) {
        return count("SELECT count(*) FROM judgement WHERE config_id = '" + configId + "'");
    }

    private List<String> outboxEvents(String eventId) {
        return jdbc.sql("SELECT payload FROM outbox WHERE event_id = ?")
                .param(eventId)
                .query(String.class)
                .list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /**
     * The tiny pack with id {@code id}, content hash {@code hash} ({@code null}: no provenance) and the first
     * {@code judgePerClass} examples of each class in its judge split.
     */
    private static ConceptPack tinyPack(String id, String hash, int judgePerClass) {
        List<String> toxic = List.of(
                "You are a worthless idiot and everyone hates you.",
                "Shut up, you pathetic loser, nobody wants you here.",
                "What a stupid moron, go crawl back under your rock.",
                "You disgusting pig, you make me sick.",
                "Only a brain-dead fool would post garbage like this.",
                "Get lost, you ugly clown, you are a waste of space.");
        List<String> neutral = List.of(
                "Thanks for sharing, this was a really helpful post.",
                "The weather is lovely today, perfect for a walk in the park.",
                "I just finished reading a great book about gardening.",
                "Congratulations on the new job, I hope it goes well!",
                "Does anyone know a good recipe for banana bread?",
                "Our team meeting has been moved to Thursday afternoon.");
        List<LabelledExample> judge = new ArrayList<>();
        toxic.subList(0, judgePerClass).forEach(t -> judge.add(new LabelledExample(null, t, 1)));
        neutral.subList(0, judgePerClass).forEach(t -> judge.add(new LabelledExample(null, t, 0)));
        List<LabelledExample> test = List.of(
                new LabelledExample(null, "You absolute idiot, you are too dumb to live.", 1),
                new LabelledExample(null, "Shut your mouth, you worthless scum.", 1),
                new LabelledExample(null, "Have a wonderful afternoon with your family.", 0),
                new LabelledExample(null, "The library has extended its opening hours.", 0));
        return new ConceptPack(
                id,
                "Tiny toxicity",
                "Text that insults, demeans or attacks a person or group.",
                "Be rude.",
                List.of(),
                List.of("Reply to this post."),
                new DetectorData(List.of(), judge, test),
                hash == null ? null : new PackProvenance("upload", Map.of(), "test data", 1L, null, hash));
    }
}
