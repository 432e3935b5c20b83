package ai.steersynth.trainer.messaging;

import ai.steersynth.contracts.event.ConceptPackEvent;
import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.event.JudgementEvent;
import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.event.SweepEvent;
import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.platform.messaging.MessageLog;
import ai.steersynth.trainer.domain.DetectorRegistry;
import ai.steersynth.trainer.persistence.ConfigRepository;
import ai.steersynth.trainer.persistence.PackVersionRepository;
import ai.steersynth.trainer.persistence.SampleRepository;
import ai.steersynth.trainer.persistence.SweepRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what the trainer needs from each event, then asks the {@link TrainingStarter} whether the config it
 * concerns can train now. Each handler runs in one transaction that first records the event id in the message log,
 * so a redelivered event is a no-op. Locks are taken packs first, then configs, each in id order.
 */
@Component
class TrainerEventHandler {

    static final String CONSUMER = "trainer";
    private static final Logger log = LoggerFactory.getLogger(TrainerEventHandler.class);

    private final MessageLog messageLog;
    private final PackVersionRepository packs;
    private final SweepRepository sweeps;
    private final ConfigRepository configs;
    private final SampleRepository samples;
    private final TrainingStarter starter;
    private final DetectorRunRecorder recorder;
    private final DetectorRegistry registry;

    TrainerEventHandler(
            MessageLog messageLog,
            PackVersionRepository packs,
            SweepRepository sweeps,
            ConfigRepository configs,
            SampleRepository samples,
            TrainingStarter starter,
            DetectorRunRecorder recorder,
            DetectorRegistry registry) {
        this.messageLog = messageLog;
        this.packs = packs;
        this.sweeps = sweeps;
        this.configs = configs;
        this.samples = samples;
        this.starter = starter;
        this.recorder = recorder;
        this.registry = registry;
    }

    // Java 17 has no pattern switch; instanceof chains over the sealed types stand in for it.

    @Transactional
    public void handle(ConceptPackEvent event) {
        if (!firstDelivery(event.eventId())) {
            return;
        }
        if (event instanceof ConceptPackEvent.ConceptPackPublished e) {
            ConceptPack pack = e.pack();
            String hash = contentHash(pack);
            packs.insert(
                    pack.id(),
                    hash,
                    pack.detectorData().train(),
                    pack.detectorData().test());
            packs.lock(pack.id());
            for (String configId : configs.unbound(pack.id(), hash)) {
                configs.bindPack(configId, hash);
                starter.consider(configId);
            }
        } else if (event instanceof ConceptPackEvent.ConceptPackDeleted e) {
            // Sweeps already created keep the version they were bound to; new sweeps cannot name a deleted pack.
            log.info("Concept pack {} deleted; its stored versions stay for the sweeps that use them", e.packId());
        }
    }

    @Transactional
    public void handle(SweepEvent event) {
        if (!firstDelivery(event.eventId())) {
            return;
        }
        if (event instanceof SweepEvent.SweepCreated e) {
            created(e);
        } else if (event instanceof SweepEvent.SweepCancelled e) {
            int skipped = sweeps.cancel(e.sweepId(), e.reason());
            log.info("Sweep {} cancelled; {} configs will not train", e.sweepId(), skipped);
        }
    }

    @Transactional
    public void handle(SampleEvent event) {
        if (!firstDelivery(event.eventId())) {
            return;
        }
        if (event instanceof SampleEvent.SampleGenerated e) {
            samples.insertSample(e.sweepId(), e.sample());
        } else if (event instanceof SampleEvent.ConfigGenerationCompleted e) {
            samples.recordOutcome(e.configId(), e.sweepId(), e.sampleCount(), null);
        } else if (event instanceof SampleEvent.ConfigGenerationFailed e) {
            samples.recordOutcome(e.configId(), e.sweepId(), null, reason(e.reason(), "no reason given"));
        }
        starter.consider(event.configId());
    }

    @Transactional
    public void handle(JudgementEvent event) {
        // A judge's validity on a concept concerns the sweep report, not training.
        if (event instanceof JudgementEvent.JudgeValidityAssessed || !firstDelivery(event.eventId())) {
            return;
        }
        if (event instanceof JudgementEvent.SampleJudged e) {
            samples.insertJudgement(
                    e.judgement().sampleId(), e.configId(), e.judgement().success(), null);
        } else if (event instanceof JudgementEvent.SampleJudgementFailed e) {
            samples.insertJudgement(e.sampleId(), e.configId(), null, reason(e.reason(), "judgement failed"));
        }
        starter.consider(event.configId());
    }

    private void created(SweepEvent.SweepCreated e) {
        if (!sweeps.insert(e.sweepId(), e.settings(), e.modelSources())) {
            return;
        }
        List<ConfigSpec> specs = e.configs().stream()
                .sorted((a, b) -> a.configId().compareTo(b.configId()))
                .toList();
        TreeSet<String> concepts = new TreeSet<>();
        specs.forEach(c -> concepts.add(c.conceptId()));
        concepts.forEach(packs::lock);
        for (ConfigSpec spec : specs) {
            String expected = e.packContentHashes().get(spec.conceptId());
            configs.insert(spec, expected);
            versionToBind(spec.conceptId(), expected).ifPresent(hash -> configs.bindPack(spec.configId(), hash));
        }
        Optional<String> problem = DetectorSettingsCheck.problem(e.settings(), registry);
        boolean readsModel = problem.isEmpty() && registry.needsModel(DetectorSettingsCheck.kind(e.settings()));
        for (ConfigSpec spec : specs) {
            if (problem.isPresent()) {
                recorder.fail(spec.configId(), problem.get());
            } else if (readsModel
                    && (spec.modelId() == null || !e.modelSources().containsKey(spec.modelId()))) {
                recorder.fail(
                        spec.configId(),
                        "detector kind '" + DetectorSettingsCheck.kind(e.settings()) + "' reads the config's model '"
                                + spec.modelId() + "', but the sweep named no source for it");
            } else {
                starter.consider(spec.configId());
            }
        }
    }

    /**
     * The version a new config binds to now: the one its sweep was created with when the sweep named it (once that
     * version is stored; until then the config waits for its publication), else the latest stored.
     */
    private Optional<String> versionToBind(String conceptId, String expectedHash) {
        if (expectedHash == null) {
            return packs.latestHash(conceptId);
        }
        return packs.exists(conceptId, expectedHash) ? Optional.of(expectedHash) : Optional.empty();
    }

    private boolean firstDelivery(String eventId) {
        if (messageLog.firstDelivery(eventId, CONSUMER)) {
            return true;
        }
        log.debug("Ignoring redelivered event {}", eventId);
        return false;
    }

    private static String reason(String reason, String fallback) {
        return reason == null || reason.isBlank() ? fallback : reason;
    }

    /** The pack's content hash; packs published without one are keyed by the SHA-256 of their JSON. */
    private static String contentHash(ConceptPack pack) {
        if (pack.provenance() != null && pack.provenance().contentHash() != null) {
            return pack.provenance().contentHash();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(EventCodec.encode(pack).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
        }
    }
}
