package ai.steersynth.engine.steering.extract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.engine.chat.ChatTemplate;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.model.ModelConfig;
import ai.steersynth.engine.model.SyntheticWeightSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One pass over a pack's pairs serves every method and layer; the cache stays bounded. */
class ActivationCacheTest {

    private static final ModelConfig CONFIG =
            new ModelConfig("llama", 3, 64, 128, 4, 2, 16, 128, 256, 1e-5f, 10000f, null, true, false);
    private static final ChatTemplate CHATML = ChatTemplate.forModel(ChatTemplate.CHATML, null, "<|im_end|>", "test");

    private static LlamaModel model;

    @BeforeAll
    static void load() {
        model = LlamaModel.load(new SyntheticWeightSource(CONFIG), Device.cpu());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static SteeringVectorExtractor extractor() {
        return new SteeringVectorExtractor(
                model, new PairEncoder(new CharacterTokenizer(false), CHATML, 64), ExtractorRegistry.defaults());
    }

    private static ConceptPack pack() {
        List<ContrastivePair> pairs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pairs.add(new ContrastivePair(PairKind.TEXT, "say " + i, "rude reply " + i + "!", "kind reply " + i + "."));
        }
        return new ConceptPack("rude", "Rude", "Rude text.", "Be rude.", pairs, List.of(), null, null);
    }

    @Test
    void aSecondMethodOnTheSamePackAndLayerReusesTheCollectionAndMatchesAFreshExtraction() {
        ActivationCache cache = new ActivationCache(4);
        SteeringVectorExtractor cached = extractor().withCache(cache);
        ExtractionOptions options = ExtractionOptions.defaults().withMaxPairs(10);

        SteeringVector meanDifference = cached.extract(pack(), SteeringMethod.MEAN_DIFFERENCE, options, 1)
                .single();
        SteeringVector pca =
                cached.extract(pack(), SteeringMethod.PCA, options, 1).single();

        assertThat(cache.collections()).isEqualTo(1);
        assertThat(meanDifference)
                .isEqualTo(extractor()
                        .extract(pack(), SteeringMethod.MEAN_DIFFERENCE, options, 1)
                        .single());
        assertThat(pca)
                .isEqualTo(extractor()
                        .extract(pack(), SteeringMethod.PCA, options, 1)
                        .single());
    }

    @Test
    void aLayerNotYetReadCollectsOnceForTheUnionAndThenServesBoth() {
        ActivationCache cache = new ActivationCache(4);
        SteeringVectorExtractor cached = extractor().withCache(cache);
        ExtractionOptions options = ExtractionOptions.defaults();

        cached.extract(pack(), SteeringMethod.MEAN_DIFFERENCE, options, 0);
        ContrastiveActivations both = cached.collect(pack(), options, 2);
        cached.extract(pack(), SteeringMethod.LINEAR_PROBE, options, 0);
        cached.extract(pack(), SteeringMethod.ACTADD, options, 2);

        assertThat(both.layers()).containsOnlyKeys(0, 2);
        assertThat(cache.collections()).isEqualTo(2);
    }

    @Test
    void anotherPairSampleIsAnotherEntry() {
        ActivationCache cache = new ActivationCache(4);
        SteeringVectorExtractor cached = extractor().withCache(cache);

        cached.collect(pack(), ExtractionOptions.defaults().withMaxPairs(4), 1);
        cached.collect(pack(), ExtractionOptions.defaults().withMaxPairs(4).withSeed(7), 1);
        cached.collect(pack(), ExtractionOptions.defaults().withMaxPairs(4), 1);

        assertThat(cache.collections()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void theLeastRecentlyUsedEntryIsDroppedBeyondCapacity() {
        ActivationCache cache = new ActivationCache(2);
        int[] calls = {0};
        ContrastiveActivations empty = new ContrastiveActivations(
                List.of(new ContrastivePair(PairKind.TEXT, "", "a", "b")),
                Map.of(),
                new int[] {1},
                List.of(),
                "p",
                null);
        ActivationCache.Key a = new ActivationCache.Key("m", "a", null, 0, 42);
        ActivationCache.Key b = new ActivationCache.Key("m", "b", null, 0, 42);
        ActivationCache.Key c = new ActivationCache.Key("m", "c", null, 0, 42);

        cache.get(a, new int[0], layers -> {
            calls[0]++;
            return empty;
        });
        cache.get(b, new int[0], layers -> {
            calls[0]++;
            return empty;
        });
        cache.get(a, new int[0], layers -> {
            calls[0]++;
            return empty;
        }); // hit: a is now the most recent
        cache.get(c, new int[0], layers -> {
            calls[0]++;
            return empty;
        }); // evicts b
        cache.get(a, new int[0], layers -> {
            calls[0]++;
            return empty;
        }); // still cached
        cache.get(b, new int[0], layers -> {
            calls[0]++;
            return empty;
        }); // collected again

        assertThat(calls[0]).isEqualTo(4);
        assertThat(cache.size()).isEqualTo(2);
    }
}
