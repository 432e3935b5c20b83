package ai.steersynth.generator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.contracts.sweep.StrengthMode;
import ai.steersynth.platform.test.TestDatabases;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** What the steering resolver reads and writes, on a real PostgreSQL with the real migrations. */
class VectorAndTaskRepositoryTest {

    private static JdbcClient jdbc;
    private static TaskRepository tasks;
    private static VectorRepository vectors;

    @BeforeAll
    static void migrate() {
        TestDatabases.Database database = TestDatabases.create();
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(database.url(), database.user(), database.password());
        dataSource.setSchema("generation");
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("generation")
                .defaultSchema("generation")
                .locations("classpath:db/platform", "classpath:db/migration/generation")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        tasks = new TaskRepository(jdbc);
        vectors = new VectorRepository(jdbc);
    }

    @Test
    void theLayersASweepSteersForAConceptAndModelAreReadFromItsTasks() {
        insertTask(steered("sw1-c1", "sw1", "toxicity", "smol", 12));
        insertTask(steered("sw1-c2", "sw1", "toxicity", "smol", 3));
        insertTask(steered("sw1-c3", "sw1", "toxicity", "smol", 12));
        insertTask(steered("sw1-c4", "sw1", "sycophancy", "smol", 7));
        insertTask(steered("sw1-c5", "sw1", "toxicity", "other", 9));
        insertTask(steered("sw2-c1", "sw2", "toxicity", "smol", 20));
        insertTask(new ConfigSpec(
                "sw1-c6", "sw1", ConfigKind.PROMPTING_BASELINE, "toxicity", "smol", null, null, null, null, null));

        assertThat(tasks.steeredLayers("sw1", "smol", "toxicity")).containsExactly(3, 12);
        assertThat(tasks.steeredLayers("sw1", "smol", "harmful-requests")).isEmpty();
    }

    @Test
    void savingAKeyTwiceKeepsOneRowAndTheTaskLeadsToIt() {
        float[] direction = {0.6f, 0.8f};
        UUID first = vectors.save("m", "toxicity", "PCA", 4, "d", direction, 10.0, "{\"any\": 1}");
        UUID second = vectors.save("m", "toxicity", "PCA", 4, "d", direction, 10.0, "{\"any\": 2}");
        insertTask(steered("sw3-c1", "sw3", "toxicity", "smol", 4));
        vectors.linkConfig("sw3-c1", first);

        assertThat(second).isEqualTo(first);
        assertThat(vectors.find("m", "toxicity", "PCA", 4, "d").orElseThrow().direction())
                .containsExactly(direction);
        assertThat(vectors.vectorOfConfig("sw3-c1")).contains(first);
        assertThat(vectors.vectorOfConfig("sw3-c2")).isEmpty();
        assertThat(vectors.summary(first).orElseThrow().modelIds()).containsExactly("smol");
    }

    private static ConfigSpec steered(String configId, String sweepId, String concept, String model, int layer) {
        return new ConfigSpec(
                configId,
                sweepId,
                ConfigKind.STEERED,
                concept,
                model,
                SteeringMethod.MEAN_DIFFERENCE,
                layer,
                0.5,
                StrengthMode.RELATIVE,
                PositionPolicy.PROMPT_AND_GENERATION);
    }

    private static void insertTask(ConfigSpec config) {
        jdbc.sql("""
                        INSERT INTO task (config_id, sweep_id, model_id, config, settings, model_source, state)
                        VALUES (?, ?, ?, ?::jsonb, '{}'::jsonb, '{}'::jsonb, 'DONE')""")
                .params(config.configId(), config.sweepId(), config.modelId(), EventCodec.encode(config))
                .update();
    }
}
