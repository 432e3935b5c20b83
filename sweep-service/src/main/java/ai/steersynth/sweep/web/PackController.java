package ai.steersynth.sweep.web;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.packs.PackIntake;
import ai.steersynth.platform.web.ApiValidationException;
import ai.steersynth.platform.web.FieldError;
import ai.steersynth.platform.web.NotFoundException;
import ai.steersynth.sweep.persistence.PackRepository;
import ai.steersynth.sweep.persistence.PackRepository.PackSummaryRow;
import ai.steersynth.sweep.persistence.PackStore;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Concept packs: upload (normalised, then validated with field-level errors; nothing is stored when
 * invalid), list, get, delete. The format is documented in docs/concept-packs.md.
 */
@RestController
@RequestMapping("/api/packs")
class PackController {

    private final PackStore store;
    private final PackRepository packs;
    private final PackIntake intake = new PackIntake();

    PackController(PackStore store, PackRepository packs) {
        this.store = store;
        this.packs = packs;
    }

    @PostMapping
    @Operation(summary = "Create or replace a concept pack (id from the body)")
    ResponseEntity<PackSummaryRow> create(@RequestBody ConceptPack pack) {
        return save(pack);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Create or replace the concept pack with this id")
    ResponseEntity<PackSummaryRow> replace(@PathVariable String id, @RequestBody ConceptPack pack) {
        if (pack.id() != null && !pack.id().equals(id)) {
            throw new ApiValidationException("id", "is '" + pack.id() + "' but the path says '" + id + "'");
        }
        return save(new ConceptPack(
                id,
                pack.name(),
                pack.definition(),
                pack.promptingInstruction(),
                pack.contrastivePairs(),
                pack.generationPrompts(),
                pack.detectorData(),
                pack.provenance()));
    }

    @GetMapping
    @Operation(summary = "List concept packs with their sizes")
    List<PackSummaryRow> list() {
        return packs.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A whole concept pack")
    ConceptPack get(@PathVariable String id) {
        return packs.find(id).orElseThrow(() -> new NotFoundException("concept pack", id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a concept pack")
    ResponseEntity<Void> delete(@PathVariable String id) {
        store.delete(id);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<PackSummaryRow> save(ConceptPack uploaded) {
        // Validated as sent (an over-long text is named, not silently cut), then normalised and hashed.
        PackIntake.Result result = intake.accept(uploaded);
        if (!result.accepted()) {
            throw new ApiValidationException(result.errors().stream()
                    .map(e -> new FieldError(e.field(), e.message()))
                    .toList());
        }
        ConceptPack pack = result.pack();
        boolean created = store.save(pack);
        PackSummaryRow summary = packs.list().stream()
                .filter(p -> p.id().equals(pack.id()))
                .findFirst()
                .orElseThrow();
        return created
                ? ResponseEntity.created(URI.create("/api/packs/" + pack.id())).body(summary)
                : ResponseEntity.ok(summary);
    }
}
