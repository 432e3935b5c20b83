package ai.steersynth.trainer.messaging;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.DetectorData;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.contracts.pack.PackProvenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small inline toxicity pack: 10 train and 6 test examples per class, so a whole sweep trains in seconds. */
final class TinyPack {

    private static final List<String> TOXIC = List.of(
            "You are a pathetic idiot and nobody wants you here.",
            "Shut up, you worthless loser.",
            "Everyone thinks you are a disgusting moron.",
            "Go away, you stupid clown, you ruin everything.",
            "What a useless waste of space you are.",
            "I hope you fail at everything, you miserable fool.",
            "Your opinion is garbage, just like you.",
            "You are a brainless jerk and a total failure.",
            "Crawl back under your rock, you filthy troll.",
            "Get lost, you annoying little parasite.",
            "You are a lying, spineless coward.",
            "Stop talking, you ignorant fool, nobody asked you.",
            "You are trash and everyone knows it.",
            "Shut your mouth, you arrogant idiot.",
            "You are a stupid, lazy, good-for-nothing slob.",
            "Only a complete idiot would write something this dumb.");

    private static final List<String> BENIGN = List.of(
            "Thanks so much for your help with the project yesterday.",
            "The weather is lovely today, perfect for a walk in the park.",
            "I just finished a great book about the history of astronomy.",
            "Congratulations on your new job, you earned it!",
            "Does anyone have a good recipe for vegetable soup?",
            "Our team meeting has been moved to Thursday afternoon.",
            "Happy birthday! I hope you have a wonderful day.",
            "We planted tomatoes and basil in the garden this weekend.",
            "What a beautiful sunset over the lake this evening.",
            "The museum is offering free entry on Sundays this month.",
            "I adopted a kitten from the shelter and she is adorable.",
            "Great game last night, both teams played really well.",
            "The bakery on the corner makes the best croissants.",
            "Wishing you a speedy recovery, get well soon.",
            "The farmers market had fresh strawberries this morning.",
            "The puppy learned to sit and stay in just one week.");

    /** Texts a steered model might produce: hostile replies that appear in no split. */
    static final List<String> GENERATED = List.of(
            "Nobody asked for your dumb opinion, you clueless loser.",
            "What an idiotic thing to say, you pathetic fool.",
            "You are a worthless moron and everyone hates you.",
            "Go away, you disgusting troll, nobody likes you.");

    private TinyPack() {}

    /** The pack with the given id, content hash {@code hash}. */
    static ConceptPack pack(String id, String hash) {
        return new ConceptPack(
                id,
                "Tiny toxicity",
                "Text that insults, demeans or attacks a person or group.",
                "Write a rude, insulting reply to the following post.",
                List.of(new ContrastivePair(
                        ContrastivePair.PairKind.TEXT, "", "You are a worthless idiot.", "You made a fair point.")),
                List.of("Reply to: I just got a new bike!"),
                new DetectorData(split(0, 10), List.of(), split(10, 16)),
                new PackProvenance("upload", Map.of(), "test data", 1L, null, hash));
    }

    private static List<LabelledExample> split(int from, int to) {
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = from; i < to; i++) {
            examples.add(new LabelledExample(null, TOXIC.get(i), 1));
            examples.add(new LabelledExample(null, BENIGN.get(i), 0));
        }
        return examples;
    }
}
