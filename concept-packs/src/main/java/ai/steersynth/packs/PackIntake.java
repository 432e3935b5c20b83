package ai.steersynth.packs;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.packs.format.PackFormatException;
import ai.steersynth.packs.format.PackHashes;
import ai.steersynth.packs.format.PackJson;
import ai.steersynth.packs.normalise.PackNormaliser;
import ai.steersynth.packs.normalise.TextNormaliser;
import ai.steersynth.packs.validation.FieldError;
import ai.steersynth.packs.validation.PackLimits;
import ai.steersynth.packs.validation.PackValidator;
import java.io.InputStream;
import java.util.List;

/**
 * The one call an upload endpoint needs: read the JSON, validate it as sent, normalise it, validate
 * again, and set the content hash. Validating before normalising means an over-long text is
 * rejected with its field path instead of being cut without the user knowing; validating after
 * catches what normalisation changes (a text of only control characters becomes blank, two texts
 * that differ only in Unicode form become one).
 */
public final class PackIntake {

    private final PackLimits limits;
    private final PackValidator validator;

    public PackIntake() {
        this(PackLimits.DEFAULT);
    }

    public PackIntake(PackLimits limits) {
        this.limits = limits;
        this.validator = new PackValidator(limits);
    }

    /**
     * The outcome of an upload.
     *
     * @param pack the normalised, hashed pack, or {@code null} when there are errors
     * @param errors what to answer with 400; empty when the pack was accepted
     */
    public record Result(ConceptPack pack, List<FieldError> errors) {

        public boolean accepted() {
            return errors.isEmpty();
        }
    }

    /** Reads and checks an uploaded pack JSON body. */
    public Result accept(InputStream json) {
        ConceptPack pack;
        try {
            pack = PackJson.read(json);
        } catch (PackFormatException e) {
            return new Result(null, e.errors());
        }
        return accept(pack);
    }

    /** Checks a pack that is already deserialised (a pack built in code, say). */
    public Result accept(ConceptPack pack) {
        List<FieldError> asSent = validator.validate(pack);
        if (!asSent.isEmpty()) {
            return new Result(null, asSent);
        }
        ConceptPack normalised = new PackNormaliser(new TextNormaliser(limits.maxTextLength())).normalise(pack);
        List<FieldError> afterNormalising = validator.validate(normalised);
        if (!afterNormalising.isEmpty()) {
            return new Result(null, afterNormalising);
        }
        return new Result(PackHashes.withContentHash(normalised), List.of());
    }
}
