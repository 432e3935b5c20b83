package ai.steersynth.packs.defaults;

import ai.steersynth.packs.importer.ImportException;

/** A default-pack source that is missing or whose bytes do not match the pinned sha256. */
public final class SourceVerificationException extends ImportException {

    public SourceVerificationException(String message) {
        super(message);
    }

    public SourceVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
