package ai.steersynth.platform.web;

/** The addressed resource does not exist; answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' does not exist");
    }
}
