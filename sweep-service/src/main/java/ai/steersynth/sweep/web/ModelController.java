package ai.steersynth.sweep.web;

import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.platform.web.ApiValidationException;
import ai.steersynth.platform.web.NotFoundException;
import ai.steersynth.sweep.persistence.ModelRepository;
import ai.steersynth.sweep.persistence.ModelRepository.ModelRow;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Models a sweep can name: register (Hugging Face id, directory or GGUF file), list, get. */
@RestController
@RequestMapping("/api/models")
class ModelController {

    private final ModelRepository models;

    ModelController(ModelRepository models) {
        this.models = models;
    }

    @PostMapping
    @Operation(summary = "Register (or re-point) a model")
    ResponseEntity<ModelRow> register(@Valid @RequestBody RegisterModelRequest request) {
        ModelSource source;
        try {
            source = ModelSource.parse(request.source());
        } catch (IllegalArgumentException e) {
            throw new ApiValidationException("source", e.getMessage());
        }
        boolean created = models.find(request.id()).isEmpty();
        models.upsert(request.id(), source);
        ModelRow row = models.find(request.id()).orElseThrow();
        return created
                ? ResponseEntity.created(URI.create("/api/models/" + row.id())).body(row)
                : ResponseEntity.ok(row);
    }

    @GetMapping
    @Operation(summary = "List registered models")
    List<ModelRow> list() {
        return models.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A registered model")
    ModelRow get(@PathVariable String id) {
        return models.find(id).orElseThrow(() -> new NotFoundException("model", id));
    }
}
