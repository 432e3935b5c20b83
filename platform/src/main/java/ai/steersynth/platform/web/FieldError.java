package ai.steersynth.platform.web;

/**
 * One problem with a request, named by the field's path in the request body.
 *
 * @param field e.g. {@code strengths[2]} or {@code detectorData.train[3].label}
 * @param message what is wrong, for a person
 */
public record FieldError(String field, String message) {}
