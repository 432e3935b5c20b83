package ai.steersynth.packs.format;

import ai.steersynth.packs.validation.FieldError;
import java.util.List;

/**
 * A pack file that is not valid JSON or does not fit the pack schema (a string where a number
 * belongs, a missing label). Carries the problem as a {@link FieldError} so an upload can answer it
 * the same way as a validation failure.
 */
public final class PackFormatException extends RuntimeException {

    private final transient FieldError error;

    public PackFormatException(FieldError error, Throwable cause) {
        super(error.toString(), cause);
        this.error = error;
    }

    /** The problem, with the path of the field where reading stopped ({@code ""} for the document). */
    public FieldError error() {
        return error;
    }

    /** The problem as a one-element list, the shape {@code PackValidator} returns. */
    public List<FieldError> errors() {
        return List.of(error);
    }
}
