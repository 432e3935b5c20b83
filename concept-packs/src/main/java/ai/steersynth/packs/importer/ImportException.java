package ai.steersynth.packs.importer;

/**
 * A source that cannot be imported at all: a missing file, a CSV without the expected columns, a
 * JSON file that is not a list, a source whose sha256 does not match the catalogue.
 */
public class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
