package ai.steersynth.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private static final ConfigSpec CONFIG = new ConfigSpec(
            "c1",
            "s1",
            ConfigKind.STEERED,
            "toxicity",
            "smollm2",
            SteeringMethod.PCA,
            12,
            0.5,
            StrengthMode.RELATIVE,
            PositionPolicy.PROMPT_AND_GENERATION);

    private static final SweepSettings SETTINGS = new SweepSettings(
            8, 42, DecodingSettings.defaults(), JudgeSettings.defaults(), DetectorSettings.defaults(), 50);

    @Test
    void aGenerationTaskRoundTripsThroughJsonAsItsOwnRecordType() {
        GenerationTaskEvent event = new GenerationTaskEvent.GenerationTaskRequested(
                "e1", "c1", NOW, Event.SCHEMA_VERSION, CONFIG, SETTINGS, ModelSource.parse("/m/x.gguf"), "abc");

        String json = EventCodec.encode(event);
        GenerationTaskEvent decoded = EventCodec.decode(json, GenerationTaskEvent.class);

        assertThat(json).contains("\"type\":\"GenerationTaskRequested\"").contains("2026-11-28T12:00:00Z");
        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.key()).isEqualTo("c1");
    }

    @Test
    void sampleEventsDecodeToTheRecordNamedByTheirType() {
        SampleEvent generated = new SampleEvent.SampleGenerated(
                "e2", "c1", NOW, 1, "s1", new Sample("c1:0", "c1", 0, "p", "t", 3, 7L, "stop"));
        SampleEvent completed = new SampleEvent.ConfigGenerationCompleted("e3", "c1", NOW, 1, "s1", 1);

        List<SampleEvent> decoded = List.of(
                EventCodec.decode(EventCodec.encode(generated), SampleEvent.class),
                EventCodec.decode(EventCodec.encode(completed), SampleEvent.class));

        assertThat(decoded).containsExactly(generated, completed);
        assertThat(decoded.get(1)).isInstanceOf(SampleEvent.ConfigGenerationCompleted.class);
    }

    @Test
    void judgeValidityRoundTripsWithoutAConfigIdAndIsKeyedBySweepAndConcept() {
        JudgementEvent assessed = new JudgementEvent.JudgeValidityAssessed(
                "judge-validity:s1:tox", "s1", NOW, 1, "tox", "offline", "r1", "h1", 0.58, 40, 20, 0.7, false, null);
        JudgementEvent unassessed = new JudgementEvent.JudgeValidityAssessed(
                "judge-validity:s1:syc", "s1", NOW, 1, "syc", "openai", "v1", "h2", null, 0, 0, 0.7, null, "no key");

        String json = EventCodec.encode(assessed);
        JudgementEvent decoded = EventCodec.decode(json, JudgementEvent.class);

        assertThat(json).doesNotContain("configId");
        assertThat(decoded).isEqualTo(assessed);
        assertThat(decoded.key()).isEqualTo("s1:tox");
        assertThat(decoded.configId()).isNull();
        assertThat(EventCodec.decode(EventCodec.encode(unassessed), JudgementEvent.class))
                .isEqualTo(unassessed);
    }

    @Test
    void sweepEventsAreKeyedBySweepId() {
        SweepEvent created = new SweepEvent.SweepCreated("e4", "s1", NOW, 1, "demo", SETTINGS, List.of(CONFIG));

        SweepEvent decoded = EventCodec.decode(EventCodec.encode(created), SweepEvent.class);

        assertThat(decoded).isEqualTo(created);
        assertThat(decoded.key()).isEqualTo("s1");
    }

    @Test
    void sweepCreatedCarriesModelSourcesAndPackHashesThroughTheCodec() {
        var sources = new java.util.HashMap<String, ai.steersynth.contracts.sweep.ModelSource>();
        sources.put("smollm2", ai.steersynth.contracts.sweep.ModelSource.parse("/models/smollm2.gguf"));
        sources.put("unknown", null);
        SweepEvent created = new SweepEvent.SweepCreated(
                "e5", "s2", NOW, 1, "demo", SETTINGS, List.of(CONFIG), sources, java.util.Map.of("toxicity", "abc"));

        var decoded = (SweepEvent.SweepCreated) EventCodec.decode(EventCodec.encode(created), SweepEvent.class);

        assertThat(decoded.modelSources())
                .containsOnlyKeys("smollm2")
                .containsEntry("smollm2", ai.steersynth.contracts.sweep.ModelSource.parse("/models/smollm2.gguf"));
        assertThat(decoded.packContentHashes()).containsExactly(java.util.Map.entry("toxicity", "abc"));
    }

    @Test
    void sweepCreatedFromAnOlderProducerDecodesWithEmptyMaps() {
        String older = EventCodec.encode(
                        new SweepEvent.SweepCreated("e6", "s3", NOW, 1, "demo", SETTINGS, List.of(CONFIG)))
                .replace(",\"modelSources\":{}", "")
                .replace(",\"packContentHashes\":{}", "");

        var decoded = (SweepEvent.SweepCreated) EventCodec.decode(older, SweepEvent.class);

        assertThat(older).doesNotContain("modelSources");
        assertThat(decoded.modelSources()).isEmpty();
        assertThat(decoded.packContentHashes()).isEmpty();
    }
}
