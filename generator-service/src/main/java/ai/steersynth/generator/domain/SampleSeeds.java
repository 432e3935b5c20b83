package ai.steersynth.generator.domain;

import ai.steersynth.contracts.sweep.ConfigSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Per-sample seeds. A seed depends on the sweep's seed, what the config is (concept, kind, method,
 * layer, strength) and the sample's index, but not on ids or batch composition, so the same sweep
 * spec and seed reproduces the same samples.
 */
public final class SampleSeeds {

    private SampleSeeds() {}

    /** The seed of the config's {@code index}-th sample. */
    public static long seedOf(long sweepSeed, ConfigSpec config, int index) {
        String identity = String.join(
                "|",
                Long.toString(sweepSeed),
                config.conceptId(),
                config.modelId(),
                config.kind().name(),
                String.valueOf(config.method()),
                String.valueOf(config.layer()),
                String.valueOf(config.strength()),
                String.valueOf(config.strengthMode()),
                String.valueOf(config.positionPolicy()),
                Integer.toString(index));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
