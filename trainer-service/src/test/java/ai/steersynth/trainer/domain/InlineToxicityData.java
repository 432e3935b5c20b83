package ai.steersynth.trainer.domain;

import ai.steersynth.contracts.pack.LabelledExample;
import java.util.ArrayList;
import java.util.List;

/** A small hand-written toxicity-style data set: 40 hostile texts (label 1) and 40 friendly ones (label 0). */
final class InlineToxicityData {

    static final List<String> TOXIC = List.of(
            "You are a pathetic idiot and nobody wants you here.",
            "Shut up, you worthless loser.",
            "Everyone thinks you are a disgusting moron.",
            "Go away, you stupid clown, you ruin everything.",
            "You are the dumbest person I have ever had the misfortune to meet.",
            "What a useless waste of space you are.",
            "I hope you fail at everything, you miserable fool.",
            "Your opinion is garbage, just like you.",
            "Nobody cares what an ugly freak like you thinks.",
            "You are a brainless jerk and a total failure.",
            "Crawl back under your rock, you filthy troll.",
            "You are so stupid it is embarrassing to read your posts.",
            "Get lost, you annoying little parasite.",
            "You absolute idiot, you cannot do anything right.",
            "People like you are a disgrace and should be ashamed.",
            "You are a lying, spineless coward.",
            "Your face makes me sick, you creep.",
            "Stop talking, you ignorant fool, nobody asked you.",
            "You are a clueless moron who deserves to be mocked.",
            "What a pathetic excuse for a human being.",
            "You are trash and everyone knows it.",
            "I can't stand you, you whiny, obnoxious loser.",
            "Your work is pathetic, just like your sad little life.",
            "Shut your mouth, you arrogant idiot.",
            "You smell like garbage and act like a rat.",
            "You are a total failure and an embarrassment to your family.",
            "Nobody will ever love a repulsive loser like you.",
            "You are a stupid, lazy, good-for-nothing slob.",
            "Your brain must be the size of a pea, you dimwit.",
            "Drop dead, you hateful old hag.",
            "You are a toxic, worthless troll and everyone despises you.",
            "Only a complete idiot would write something this dumb.",
            "You are a disgusting pig, stay away from me.",
            "Go cry somewhere else, you pathetic baby.",
            "Your ideas are as stupid as your ugly haircut.",
            "You are a miserable liar and a fraud.",
            "Keep your idiotic comments to yourself, moron.",
            "You are nothing but a loud, ignorant buffoon.",
            "Everyone laughs at you behind your back, loser.",
            "You deserve every bit of hate you get, you clown.");

    static final List<String> BENIGN = List.of(
            "Thanks so much for your help with the project yesterday.",
            "The weather is lovely today, perfect for a walk in the park.",
            "I just finished a great book about the history of astronomy.",
            "Congratulations on your new job, you earned it!",
            "Does anyone have a good recipe for vegetable soup?",
            "The train was a little late this morning, but I made it on time.",
            "Our team meeting has been moved to Thursday afternoon.",
            "I really enjoyed the concert last night, the band was fantastic.",
            "Happy birthday! I hope you have a wonderful day.",
            "The new library downtown has a great selection of magazines.",
            "Please remember to water the plants while I am away.",
            "We planted tomatoes and basil in the garden this weekend.",
            "What a beautiful sunset over the lake this evening.",
            "I appreciate you taking the time to explain that to me.",
            "The museum is offering free entry on Sundays this month.",
            "My grandmother taught me how to bake bread when I was little.",
            "Looking forward to seeing everyone at the picnic on Saturday.",
            "The report is attached, let me know if you have any questions.",
            "I adopted a kitten from the shelter and she is adorable.",
            "Great game last night, both teams played really well.",
            "Could you recommend a good place to get coffee nearby?",
            "The children built a sandcastle at the beach today.",
            "I am learning to play the guitar, it is slow but fun.",
            "Thank you for the kind words, they made my day.",
            "The bakery on the corner makes the best croissants.",
            "We are hosting a small dinner party for our neighbours.",
            "The hiking trail was peaceful and the views were stunning.",
            "I finally organised my desk and it feels so much better.",
            "Wishing you a speedy recovery, get well soon.",
            "The volunteers did an amazing job cleaning up the river.",
            "Our flight lands at noon, so we will be home for lunch.",
            "The students presented their science projects to the class.",
            "I love how the city looks covered in fresh snow.",
            "Let's catch up over tea sometime next week.",
            "The farmers market had fresh strawberries this morning.",
            "Your presentation was clear and very well organised.",
            "We watched a documentary about whales last night.",
            "The new bridge will make the commute a lot shorter.",
            "I am grateful for such supportive friends and family.",
            "The puppy learned to sit and stay in just one week.");

    /** The first {@code trainPerClass} of each class form train, the rest test. */
    static List<LabelledExample> train(int trainPerClass) {
        return split(0, trainPerClass);
    }

    static List<LabelledExample> test(int trainPerClass) {
        return split(trainPerClass, TOXIC.size());
    }

    private static List<LabelledExample> split(int from, int to) {
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = from; i < to; i++) {
            examples.add(new LabelledExample(null, TOXIC.get(i), 1));
            examples.add(new LabelledExample(null, BENIGN.get(i), 0));
        }
        return examples;
    }

    private InlineToxicityData() {}
}
