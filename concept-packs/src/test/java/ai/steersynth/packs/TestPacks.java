package ai.steersynth.packs;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
import ai.steersynth.contracts.pack.DetectorData;
import ai.steersynth.contracts.pack.LabelledExample;
import java.util.List;

/** Small valid packs for tests to break one field at a time. */
public final class TestPacks {

    private TestPacks() {}

    public static LabelledExample example(String text, int label) {
        return new LabelledExample(null, text, label);
    }

    public static DetectorData validDetectorData() {
        return new DetectorData(
                List.of(example("you are awful", 1), example("nice day", 0), example("idiots everywhere", 1)),
                List.of(example("shut up fool", 1), example("lovely cake", 0)),
                List.of(example("what a loser", 1), example("see you soon", 0)));
    }

    public static ConceptPack valid() {
        return withDetectorData(validDetectorData());
    }

    public static ConceptPack withDetectorData(DetectorData data) {
        return new ConceptPack(
                "toxicity",
                "Toxicity",
                "Hateful or offensive text.",
                "Write something offensive.",
                List.of(new ContrastivePair(PairKind.TEXT, "", "you are awful", "nice day")),
                List.of("Write a tweet."),
                data,
                null);
    }
}
