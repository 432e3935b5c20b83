package ai.steersynth.packs.normalise;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.DetectorData;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.contracts.pack.PackProvenance;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Applies a {@link TextNormaliser} to every text of a pack (definition, instruction, pairs, prompts,
 * detector examples) and records the normalisation in the provenance. Ids are left alone: the
 * validator rejects a bad id rather than silently rewriting it.
 */
public final class PackNormaliser {

    private final TextNormaliser text;

    public PackNormaliser(TextNormaliser text) {
        this.text = text;
    }

    /**
     * The normalised pack. A pack without provenance gets one with importer {@code upload}; the
     * content hash is cleared because the content may have changed (see {@code PackHashes}).
     */
    public ConceptPack normalise(ConceptPack pack) {
        UnaryOperator<String> n = text::normalise;
        List<ContrastivePair> pairs = pack.contrastivePairs().stream()
                .map(p -> new ContrastivePair(
                        p.kind(), n.apply(p.prompt()), n.apply(p.positive()), n.apply(p.negative())))
                .toList();
        List<String> prompts = pack.generationPrompts().stream().map(n).toList();
        DetectorData data = pack.detectorData() == null ? null : normalise(pack.detectorData());
        PackProvenance old = pack.provenance();
        PackProvenance provenance = old == null
                ? new PackProvenance("upload", Map.of(), null, 0L, text.description(), null)
                : new PackProvenance(
                        old.importer(), old.sources(), old.licence(), old.splitSeed(), text.description(), null);
        return new ConceptPack(
                pack.id(),
                n.apply(pack.name()),
                n.apply(pack.definition()),
                n.apply(pack.promptingInstruction()),
                pairs,
                prompts,
                data,
                provenance);
    }

    /** The detector data with every prompt and text normalised. */
    public DetectorData normalise(DetectorData data) {
        return new DetectorData(normalise(data.train()), normalise(data.judge()), normalise(data.test()));
    }

    private List<LabelledExample> normalise(List<LabelledExample> examples) {
        return examples.stream()
                .map(e -> new LabelledExample(text.normalise(e.prompt()), text.normalise(e.text()), e.label()))
                .toList();
    }
}
