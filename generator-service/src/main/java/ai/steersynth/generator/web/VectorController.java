package ai.steersynth.generator.web;

import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.engine.steering.extract.ControlVectorGguf;
import ai.steersynth.engine.steering.extract.SteeringVectorJson;
import ai.steersynth.engine.steering.extract.SteeringVectorSet;
import ai.steersynth.generator.persistence.VectorRepository;
import ai.steersynth.generator.persistence.VectorRepository.VectorFilter;
import ai.steersynth.generator.persistence.VectorRepository.VectorSummary;
import ai.steersynth.platform.web.ApiValidationException;
import ai.steersynth.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The steering-vector cache, read-only: summaries with provenance, one vector as a SteerSynth JSON
 * vector set, or as a llama.cpp / repeng GGUF control vector ({@code ?format=gguf}). Documented in
 * docs/steering.md.
 */
@RestController
@RequestMapping("/api/vectors")
class VectorController {

    private static final MediaType GGUF = MediaType.APPLICATION_OCTET_STREAM;

    private final VectorRepository vectors;

    VectorController(VectorRepository vectors) {
        this.vectors = vectors;
    }

    @GetMapping
    @Operation(summary = "List cached steering vectors, newest first; every filter is optional")
    List<VectorSummary> list(
            @RequestParam(required = false) String model,
            @RequestParam(required = false) String concept,
            @RequestParam(required = false) String method,
            @RequestParam(required = false) String layer) {
        return vectors.list(new VectorFilter(blankToNull(model), blankToNull(concept), method(method), layer(layer)));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One cached vector: JSON vector set (format=json, the default) or GGUF control vector"
                    + " (format=gguf, directions scaled to `strength` mean residual norms, default 1)")
    ResponseEntity<?> get(
            @PathVariable String id,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(required = false) String strength) {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!chosen.equals("json") && !chosen.equals("gguf")) {
            throw new ApiValidationException("format", "must be 'json' or 'gguf', was '" + format + "'");
        }
        if (chosen.equals("json") && strength != null) {
            throw new ApiValidationException("strength", "applies to format=gguf only");
        }
        UUID vectorId = parseId(id);
        SteeringVectorSet set = SteeringVectorJson.fromJson(
                vectors.vectorSetJson(vectorId).orElseThrow(() -> new NotFoundException("steering vector", id)));
        if (chosen.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(SteeringVectorJson.toJson(set));
        }
        return ResponseEntity.ok()
                .contentType(GGUF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName(vectorId))
                                .build()
                                .toString())
                .body(gguf(set, strength(strength)));
    }

    @GetMapping("/by-config/{configId}")
    @Operation(summary = "The vector a steered config generated with (once its task has resolved it)")
    VectorSummary byConfig(@PathVariable String configId) {
        UUID id = vectors.vectorOfConfig(configId)
                .orElseThrow(() -> new NotFoundException("steering vector of config", configId));
        return vectors.summary(id).orElseThrow(() -> new NotFoundException("steering vector", id.toString()));
    }

    private String fileName(UUID id) {
        VectorSummary summary = vectors.summary(id).orElseThrow();
        return (summary.conceptId() + "-" + summary.method() + "-L" + summary.layer() + "-" + id)
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9._-]", "_")
                + ".gguf";
    }

    private static byte[] gguf(SteeringVectorSet set, double strength) {
        try {
            return ControlVectorGguf.toBytes(set, strength);
        } catch (IllegalArgumentException e) {
            // e.g. a vector at block 0, which llama.cpp cannot load
            throw new ApiValidationException("format", "gguf is not possible for this vector: " + e.getMessage());
        }
    }

    /** An id that is not a UUID names no vector: 404, like any unknown id. */
    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("steering vector", id);
        }
    }

    private static String method(String method) {
        if (method == null || method.isBlank()) {
            return null;
        }
        try {
            return SteeringMethod.valueOf(method.strip().toUpperCase(Locale.ROOT))
                    .name();
        } catch (IllegalArgumentException e) {
            throw new ApiValidationException(
                    "method", "must be one of " + Arrays.toString(SteeringMethod.values()) + ", was '" + method + "'");
        }
    }

    private static Integer layer(String layer) {
        if (layer == null || layer.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(layer.strip());
            if (value < 0) {
                throw new ApiValidationException("layer", "must be >= 0, was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiValidationException("layer", "must be a whole number, was '" + layer + "'");
        }
    }

    private static double strength(String strength) {
        if (strength == null) {
            return 1.0;
        }
        try {
            double value = Double.parseDouble(strength.strip());
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new ApiValidationException("strength", "must be finite and > 0, was " + strength);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiValidationException("strength", "must be a number, was '" + strength + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
