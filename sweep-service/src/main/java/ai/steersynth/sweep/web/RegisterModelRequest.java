package ai.steersynth.sweep.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code POST /api/models}.
 *
 * @param id lower-case id, also the suffix of the model's generation-task topic
 * @param source {@code hf:<org>/<name>}, a model directory, or a {@code .gguf} file
 */
public record RegisterModelRequest(
        @NotBlank
        @Pattern(
                regexp = "[a-z0-9][a-z0-9._-]{0,63}",
                message = "must be lower-case letters, digits, '.', '_' or '-' (at most 64)")
        String id,

        @NotBlank String source) {}
