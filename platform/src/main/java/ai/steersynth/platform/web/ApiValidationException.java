package ai.steersynth.platform.web;

import java.util.List;
import java.util.stream.Collectors;

/** A request that breaks validation rules; answered 400 with every offending field. */
public class ApiValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public ApiValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public ApiValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
