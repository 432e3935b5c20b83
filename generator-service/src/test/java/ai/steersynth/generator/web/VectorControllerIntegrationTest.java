package ai.steersynth.generator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.engine.steering.extract.ActivationPositions;
import ai.steersynth.engine.steering.extract.ControlVectorGguf;
import ai.steersynth.engine.steering.extract.SteeringVector;
import ai.steersynth.engine.steering.extract.SteeringVectorJson;
import ai.steersynth.engine.steering.extract.SteeringVectorSet;
import ai.steersynth.engine.steering.extract.VectorProvenance;
import ai.steersynth.generator.persistence.VectorRepository;
import ai.steersynth.platform.test.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The vector API against a real PostgreSQL with the real migrations, over vectors stored as the resolver stores them. */
@SpringBootTest(properties = {"spring.config.name=generator-service", "logging.level.org.apache.kafka=WARN"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class VectorControllerIntegrationTest {

    private static final String MODEL_HASH = "sha256:model-weights";
    private static final String OTHER_MODEL_HASH = "sha256:other-weights";

    @Autowired
    MockMvc mvc;

    @Autowired
    VectorRepository vectors;

    @Autowired
    JdbcClient jdbc;

    private SteeringVectorSet toxicityMeanDifference;
    private UUID toxicityMeanDifferenceId;
    private UUID toxicityProbeId;
    private UUID sycophancyAtBlockZeroId;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry);
    }

    @BeforeEach
    void storeVectors() {
        toxicityMeanDifference = set(SteeringMethod.MEAN_DIFFERENCE, 3, "toxicity", null, 1);
        toxicityMeanDifferenceId = store(MODEL_HASH, "toxicity", toxicityMeanDifference);
        toxicityProbeId = store(MODEL_HASH, "toxicity", set(SteeringMethod.LINEAR_PROBE, 5, "toxicity", 0.875, 2));
        sycophancyAtBlockZeroId =
                store(OTHER_MODEL_HASH, "sycophancy", set(SteeringMethod.PCA, 0, "sycophancy", null, 3));
        jdbc.sql("""
                        INSERT INTO task (config_id, sweep_id, model_id, config, settings, model_source, state, vector_id)
                        VALUES ('sw1-c001', 'sw1', 'smol', '{}'::jsonb, '{}'::jsonb, '{}'::jsonb, 'DONE', ?)
                        ON CONFLICT DO NOTHING""").param(toxicityProbeId).update();
    }

    @Test
    void theListCarriesProvenanceAndEveryFilterNarrowsIt() throws Exception {
        mvc.perform(get("/api/vectors"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3));
        mvc.perform(get("/api/vectors").param("concept", "toxicity").param("method", "linear_probe"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(toxicityProbeId.toString()))
                .andExpect(jsonPath("$[0].modelHash").value(MODEL_HASH))
                .andExpect(jsonPath("$[0].modelIds[0]").value("smol"))
                .andExpect(jsonPath("$[0].modelHint").value("llama"))
                .andExpect(jsonPath("$[0].conceptId").value("toxicity"))
                .andExpect(jsonPath("$[0].method").value("LINEAR_PROBE"))
                .andExpect(jsonPath("$[0].layer").value(5))
                .andExpect(jsonPath("$[0].dataHash").value("pack-toxicity:pairs=32:seed=42"))
                .andExpect(jsonPath("$[0].pairsHash").value("pairs-hash-toxicity"))
                .andExpect(jsonPath("$[0].pairCount").value(32))
                .andExpect(jsonPath("$[0].meanResidualNorm").value(12.5))
                .andExpect(jsonPath("$[0].probeHeldOutAccuracy").value(0.875))
                .andExpect(jsonPath("$[0].createdAt").exists());
        mvc.perform(get("/api/vectors").param("layer", "3"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(toxicityMeanDifferenceId.toString()))
                .andExpect(jsonPath("$[0].probeHeldOutAccuracy").doesNotExist());
        // a model id matches through the tasks that used a vector; a content hash matches directly
        mvc.perform(get("/api/vectors").param("model", "smol"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(toxicityProbeId.toString()));
        mvc.perform(get("/api/vectors").param("model", MODEL_HASH))
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void aBadFilterIsA400NamingIt() throws Exception {
        mvc.perform(get("/api/vectors").param("method", "SVD"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("method"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("MEAN_DIFFERENCE")));
        mvc.perform(get("/api/vectors").param("layer", "twelve"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("layer"));
        mvc.perform(get("/api/vectors").param("layer", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("layer"));
    }

    @Test
    void oneVectorComesBackAsTheSameJsonVectorSet() throws Exception {
        String body = mvc.perform(get("/api/vectors/" + toxicityMeanDifferenceId))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith(MediaType.APPLICATION_JSON_VALUE)))
                .andExpect(jsonPath("$.format").value(SteeringVectorJson.FORMAT))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(SteeringVectorJson.fromJson(body)).isEqualTo(toxicityMeanDifference);
    }

    @Test
    void oneVectorComesBackAsAGgufControlVectorAttachment(@TempDir Path directory) throws Exception {
        byte[] body = mvc.perform(
                        get("/api/vectors/" + toxicityMeanDifferenceId).param("format", "gguf"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_OCTET_STREAM_VALUE))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"toxicity-mean_difference-l3-" + toxicityMeanDifferenceId
                                        + ".gguf\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Path file = directory.resolve("vector.gguf");
        Files.write(file, body);

        assertThat(ControlVectorGguf.read(file)).isEqualTo(toxicityMeanDifference);
        assertThat(body).isEqualTo(ControlVectorGguf.toBytes(toxicityMeanDifference, 1.0));
        byte[] doubled = mvc.perform(get("/api/vectors/" + toxicityMeanDifferenceId)
                        .param("format", "gguf")
                        .param("strength", "2"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(doubled).isEqualTo(ControlVectorGguf.toBytes(toxicityMeanDifference, 2.0));
    }

    @Test
    void aBadFormatOrStrengthIsA400NamingTheField() throws Exception {
        mvc.perform(get("/api/vectors/" + toxicityMeanDifferenceId).param("format", "safetensors"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(get("/api/vectors/" + toxicityMeanDifferenceId)
                        .param("format", "gguf")
                        .param("strength", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("strength"));
        // llama.cpp cannot load a control vector at block 0
        mvc.perform(get("/api/vectors/" + sycophancyAtBlockZeroId).param("format", "gguf"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("block 0")));
    }

    @Test
    void anUnknownVectorIsA404Problem() throws Exception {
        UUID unknown = UUID.randomUUID();
        mvc.perform(get("/api/vectors/" + unknown))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)))
                .andExpect(jsonPath("$.detail").value("steering vector '" + unknown + "' does not exist"));
        mvc.perform(get("/api/vectors/not-a-uuid").param("format", "gguf")).andExpect(status().isNotFound());
        mvc.perform(get("/api/vectors/by-config/no-such-config")).andExpect(status().isNotFound());
    }

    @Test
    void aConfigLeadsToTheVectorItSteeredWith() throws Exception {
        mvc.perform(get("/api/vectors/by-config/sw1-c001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(toxicityProbeId.toString()))
                .andExpect(jsonPath("$.method").value("LINEAR_PROBE"));
    }

    private UUID store(String modelHash, String conceptId, SteeringVectorSet set) {
        SteeringVector vector = set.single();
        return vectors.save(
                modelHash,
                conceptId,
                vector.provenance().method().name(),
                vector.layer(),
                "pack-" + conceptId + ":pairs=32:seed=42",
                vector.direction(),
                vector.meanResidualNorm(),
                SteeringVectorJson.toJson(set));
    }

    private static SteeringVectorSet set(
            SteeringMethod method, int layer, String conceptId, Double probeAccuracy, long seed) {
        Random random = new Random(seed);
        float[] direction = new float[16];
        double squares = 0;
        for (int i = 0; i < direction.length; i++) {
            direction[i] = (float) random.nextGaussian();
            squares += direction[i] * direction[i];
        }
        for (int i = 0; i < direction.length; i++) {
            direction[i] /= (float) Math.sqrt(squares);
        }
        VectorProvenance provenance = new VectorProvenance(
                method,
                layer,
                List.of(ActivationPositions.TEXT_COMPLETION_MEAN),
                0,
                "sha256:model-weights",
                "llama",
                conceptId,
                "pack-" + conceptId,
                "pairs-hash-" + conceptId,
                32,
                probeAccuracy,
                42);
        return SteeringVectorSet.of("llama", new SteeringVector(direction, 12.5, provenance));
    }
}
