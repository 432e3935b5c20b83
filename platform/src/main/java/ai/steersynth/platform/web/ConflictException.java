package ai.steersynth.platform.web;

/** The request is valid but clashes with the resource's state; answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
