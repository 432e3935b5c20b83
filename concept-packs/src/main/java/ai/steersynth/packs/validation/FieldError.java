package ai.steersynth.packs.validation;

/**
 * One problem with one field of a concept pack, addressed by a path a user can follow, e.g. {@code
 * detectorData.train[3].label}.
 *
 * @param field the path of the offending field; list indices are 0-based
 * @param message what is wrong, written for the person who uploaded the pack
 */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
