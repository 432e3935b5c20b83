package ai.steersynth.generator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.contracts.sweep.StrengthMode;
import ai.steersynth.engine.steering.extract.ExtractionOptions;
import ai.steersynth.engine.steering.extract.SteeringVector;
import ai.steersynth.engine.steering.extract.SteeringVectorExtractor;
import ai.steersynth.generator.config.GeneratorProperties;
import ai.steersynth.generator.domain.ResolvedSteering;
import ai.steersynth.generator.persistence.TaskRepository;
import ai.steersynth.generator.persistence.VectorRepository;
import ai.steersynth.platform.test.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The resolver on the default model (STEERSYNTH_TEST_MODEL) and a real database: the configs of a
 * sweep share one pass over the pack's pairs, whatever their method and layer, and each gets the
 * vector a fresh extraction gives.
 */
class EngineSteeringResolverModelTest {

    private static final int PAIRS = 6;

    private static LoadedModels models;
    private static ModelSource source;
    private static JdbcClient jdbc;
    private static EngineSteeringResolver resolver;

    @BeforeAll
    static void setUp() {
        String path = System.getenv("STEERSYNTH_TEST_MODEL");
        assumeTrue(
                path != null && Files.isRegularFile(Path.of(path)),
                "STEERSYNTH_TEST_MODEL is not set to the default model's GGUF (../shared/tools/fetch-model.sh prints it): skipping");
        source = ModelSource.parse(path);
        GeneratorProperties properties = new GeneratorProperties(
                List.of(),
                8,
                "cpu",
                Path.of(System.getProperty("java.io.tmpdir")),
                Duration.ofMillis(100),
                Duration.ofMinutes(1),
                PAIRS);
        models = new LoadedModels(properties);
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
        resolver = new EngineSteeringResolver(models, new VectorRepository(jdbc), new TaskRepository(jdbc), properties);
    }

    @AfterAll
    static void release() {
        if (models != null) {
            models.destroy();
        }
    }

    @Test
    void theConfigsOfASweepShareOnePassOverThePairsAndGetFreshExtractionsVectors() {
        ConceptPack pack = pack();
        ConfigSpec meanDifferenceAt4 = steered("sw1-c1", SteeringMethod.MEAN_DIFFERENCE, 4);
        ConfigSpec pcaAt4 = steered("sw1-c2", SteeringMethod.PCA, 4);
        ConfigSpec meanDifferenceAt9 = steered("sw1-c3", SteeringMethod.MEAN_DIFFERENCE, 9);
        for (ConfigSpec config : List.of(meanDifferenceAt4, pcaAt4, meanDifferenceAt9)) {
            jdbc.sql("""
                            INSERT INTO task (config_id, sweep_id, model_id, config, settings, model_source, state)
                            VALUES (?, 'sw1', 'smol', ?::jsonb, '{}'::jsonb, '{}'::jsonb, 'PENDING')""").params(config.configId(), EventCodec.encode(config)).update();
        }

        ResolvedSteering first = resolver.resolve(source, meanDifferenceAt4, pack);
        ResolvedSteering second = resolver.resolve(source, pcaAt4, pack);
        ResolvedSteering third = resolver.resolve(source, meanDifferenceAt9, pack);

        assertThat(resolver.activationCollections()).isEqualTo(1);
        LoadedModels.LoadedModel loaded = models.get(source);
        ExtractionOptions options = ExtractionOptions.defaults().withMaxPairs(PAIRS);
        SteeringVectorExtractor fresh = SteeringVectorExtractor.of(loaded.files(), loaded.model());
        SteeringVector expectedFirst =
                fresh.extract(pack, SteeringMethod.MEAN_DIFFERENCE, options, 4).single();
        SteeringVector expectedSecond =
                fresh.extract(pack, SteeringMethod.PCA, options, 4).single();
        SteeringVector expectedThird =
                fresh.extract(pack, SteeringMethod.MEAN_DIFFERENCE, options, 9).single();
        assertThat(first.direction()).containsExactly(expectedFirst.direction());
        assertThat(first.scale()).isEqualTo((float) (0.5 * expectedFirst.meanResidualNorm()));
        assertThat(second.direction()).containsExactly(expectedSecond.direction());
        assertThat(third.direction()).containsExactly(expectedThird.direction());
        assertThat(third.layer()).isEqualTo(9);
        // each task leads to its vector
        assertThat(jdbc.sql("SELECT count(DISTINCT vector_id) FROM task WHERE vector_id IS NOT NULL")
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    private static ConfigSpec steered(String configId, SteeringMethod method, int layer) {
        return new ConfigSpec(
                configId,
                "sw1",
                ConfigKind.STEERED,
                "rudeness",
                "smol",
                method,
                layer,
                0.5,
                StrengthMode.RELATIVE,
                PositionPolicy.PROMPT_AND_GENERATION);
    }

    private static ConceptPack pack() {
        String[][] rudeAndKind = {
            {"Shut up, you worthless idiot.", "Thanks, that is a fair point."},
            {"Go to hell, you stupid moron.", "Have a lovely day, my friend."},
            {"Get lost, you filthy scumbag.", "Welcome, it is good to see you."},
            {"Your work is trash and so are you.", "Your work is excellent and I learned a lot."},
            {"Drop dead, you miserable jerk.", "Congratulations on your new job!"},
            {"Stop whining, you pathetic crybaby.", "It is okay to feel sad sometimes."},
            {"Nobody cares about your garbage opinion.", "I value your opinion, thank you."},
            {"You brainless idiots ruin everything.", "You all did wonderful work together."}
        };
        List<ContrastivePair> pairs = new ArrayList<>();
        for (String[] pair : rudeAndKind) {
            pairs.add(new ContrastivePair(PairKind.TEXT, "", pair[0], pair[1]));
        }
        return new ConceptPack("rudeness", "Rudeness", "Rude text.", "Be rude.", pairs, List.of(), null, null);
    }
}
