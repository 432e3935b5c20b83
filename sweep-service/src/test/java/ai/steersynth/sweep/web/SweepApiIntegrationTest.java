package ai.steersynth.sweep.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.event.GenerationTaskEvent;
import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.event.SweepEvent;
import ai.steersynth.contracts.result.Sample;
import ai.steersynth.platform.test.TestDatabases;
import ai.steersynth.platform.test.TopicReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The sweep API against a real KRaft broker and a real PostgreSQL with the real migrations: what a
 * sweep publishes, what an invalid request leaves behind (nothing), and idempotent progress.
 */
@SpringBootTest(properties = {"spring.config.name=sweep-service", "steersynth.outbox.poll-interval=50ms"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class SweepApiIntegrationTest {

    private static final String MODEL = "smol";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry);
    }

    @BeforeEach
    void registerModelAndPack() throws Exception {
        mvc.perform(post("/api/models")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"" + MODEL + "\",\"source\":\"/models/smol.Q4_1.gguf\"}"))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(post("/api/packs").contentType(MediaType.APPLICATION_JSON).content(tinyPack()))
                .andExpect(status().is2xxSuccessful());
    }

    @Test
    void aValidSweepPublishesExactlyOneGenerationTaskPerGeneratingConfig() throws Exception {
        String sweepId = createSweep(sweepBody(List.of(0.5, 1.0)));
        // 1 concept x 1 model x 2 methods x 1 layer x 2 strengths = 4 steered + 1 baseline + 1 original.
        List<GenerationTaskEvent> tasks = drain(Topics.generationTasks(MODEL), GenerationTaskEvent.class, sweepId, 5);

        assertThat(tasks).hasSize(5);
        assertThat(tasks).extracting(Event::key).doesNotHaveDuplicates();
        assertThat(countRows("sweep_config", sweepId)).isEqualTo(6);
        List<SweepEvent> lifecycle = drain(Topics.SWEEPS, SweepEvent.class, sweepId, 1);
        assertThat(lifecycle)
                .singleElement()
                .isInstanceOfSatisfying(
                        SweepEvent.SweepCreated.class,
                        created -> assertThat(created.configs()).hasSize(6));
        mvc.perform(get("/api/sweeps/" + sweepId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andExpect(jsonPath("$.configs.total").value(6))
                .andExpect(jsonPath("$.configs.steered").value(4))
                .andExpect(jsonPath("$.progress.generation.samplesExpected").value(5 * 3));
    }

    @Test
    void aMalformedSweepIsA400NamingTheFieldAndPersistsNothing() throws Exception {
        long sweepsBefore = count("SELECT count(*) FROM sweep");
        long outboxBefore = count("SELECT count(*) FROM outbox");

        mvc.perform(post("/api/sweeps")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sweepBody(List.of(0.5)).replace("\"layers\":[3]", "\"layers\":[-1]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("layers[0]"));
        mvc.perform(post("/api/sweeps")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sweepBody(List.of(0.5)).replace("tiny-toxicity", "no-such-pack")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("concepts[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("unknown concept pack 'no-such-pack'"));
        mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content("{\"concepts\": 5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").exists());

        assertThat(count("SELECT count(*) FROM sweep")).isEqualTo(sweepsBefore);
        assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(outboxBefore);
    }

    @Test
    void aSweepOverALimitIsA400SayingWhichLimit() throws Exception {
        mvc.perform(post("/api/sweeps")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sweepBody(List.of(0.5))
                                .replace("\"samplesPerConfig\":3", "\"samplesPerConfig\":100000")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("samplesPerConfig"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.containsString("max-samples-per-config")));
    }

    @Test
    void aDuplicatedStageEventDoesNotDoubleCountProgress() throws Exception {
        String sweepId = createSweep(sweepBody(List.of(0.5)));
        String configId = sweepId + "-c000";
        SampleEvent generated = new SampleEvent.SampleGenerated(
                "sample-generated:" + configId + ":0",
                configId,
                Instant.now(),
                Event.SCHEMA_VERSION,
                sweepId,
                new Sample(Sample.idOf(configId, 0), configId, 0, "p", "some text", 2, 1L, "stop"));

        kafka.send(Topics.SAMPLES, configId, EventCodec.encode(generated)).get();
        kafka.send(Topics.SAMPLES, configId, EventCodec.encode(generated)).get();
        SampleEvent other = new SampleEvent.SampleGenerated(
                "sample-generated:" + configId + ":1",
                configId,
                Instant.now(),
                Event.SCHEMA_VERSION,
                sweepId,
                new Sample(Sample.idOf(configId, 1), configId, 1, "p", "more text", 2, 2L, "stop"));
        kafka.send(Topics.SAMPLES, configId, EventCodec.encode(other)).get();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(samplesGenerated(configId)).isEqualTo(2));
        // The duplicate was consumed before the second distinct event (same partition, in order).
        assertThat(samplesGenerated(configId)).isEqualTo(2);
        mvc.perform(get("/api/sweeps/" + sweepId))
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.progress.generation.samplesDone").value(2));
    }

    @Test
    void cancellingASweepStopsItOnceAndAnnouncesIt() throws Exception {
        String sweepId = createSweep(sweepBody(List.of(0.5)));

        mvc.perform(post("/api/sweeps/" + sweepId + "/cancel"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CANCELLED"));
        mvc.perform(post("/api/sweeps/" + sweepId + "/cancel")).andExpect(status().isConflict());

        List<SweepEvent> lifecycle = drain(Topics.SWEEPS, SweepEvent.class, sweepId, 2);
        assertThat(lifecycle).last().isInstanceOf(SweepEvent.SweepCancelled.class);
    }

    @Test
    void anInvalidPackIsA400NamingEachFieldAndStoresNothing() throws Exception {
        String invalid = tinyPack()
                .replace("\"id\": \"tiny-toxicity\"", "\"id\": \"Bad Id\"")
                .replace(
                        "\"definition\": \"Text that insults, demeans or attacks a person or group.\"",
                        "\"definition\": \"\"");

        mvc.perform(post("/api/packs").contentType(MediaType.APPLICATION_JSON).content(invalid))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("id", "definition")));

        assertThat(count("SELECT count(*) FROM concept_pack WHERE id = 'Bad Id'"))
                .isZero();
        mvc.perform(get("/api/packs")).andExpect(jsonPath("$.length()").value(1));
        mvc.perform(delete("/api/packs/no-such-pack")).andExpect(status().isNotFound());
    }

    private String createSweep(String body) throws Exception {
        MvcResult result = mvc.perform(post("/api/sweeps")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn();
        Map<?, ?> view = EventCodec.decode(result.getResponse().getContentAsString(), Map.class);
        return (String) view.get("id");
    }

    private static String sweepBody(List<Double> strengths) {
        return """
                {"concepts":["tiny-toxicity"],"models":["%s"],"methods":["MEAN_DIFFERENCE","PCA"],
                 "layers":[3],"strengths":%s,"samplesPerConfig":3,"seed":7}""".formatted(MODEL, strengths);
    }

    /** The sweep's events on the topic: waits up to 30 s for {@code expected}, and sees one too many. */
    private <T extends Event> List<T> drain(String topic, Class<T> type, String sweepId, int expected) {
        return TopicReader.read(
                broker.getBrokersAsString(),
                topic,
                type,
                event -> EventCodec.encode(event).contains(sweepId),
                expected,
                Duration.ofSeconds(30));
    }

    private long countRows(String table, String sweepId) {
        return count("SELECT count(*) FROM " + table + " WHERE sweep_id = '" + sweepId + "'");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private int samplesGenerated(String configId) {
        return jdbc.sql("SELECT samples_generated FROM sweep_config WHERE id = ?")
                .param(configId)
                .query(Integer.class)
                .single();
    }

    private static String tinyPack() throws IOException {
        return new ClassPathResource("packs/tiny-pack.json").getContentAsString(StandardCharsets.UTF_8);
    }
}
