package ai.steersynth.engine;

/**
 * A model file or directory that cannot be loaded: missing, malformed, or using something the
 * engine does not support. The message names the file and, where there is one, the offending key.
 */
public class ModelFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
