package ai.steersynth.judge.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code repetition-coherence}: a coherence score in [0, 1] from surface signs of degeneration, the
 * failure strong steering causes most (the same phrase looping, a token repeated, symbol soup, an empty
 * answer). It is the product of four factors, each in [0, 1]:
 *
 * <ul>
 *   <li>distinct word trigrams / all word trigrams (1 for texts under three words): a looping text
 *       repeats its trigrams;
 *   <li>distinct words / words, divided by {@value #LEXICAL_FLOOR} and capped at 1: a text cycling through
 *       a handful of words is degenerate even when its trigrams differ;
 *   <li>letters / non-space characters, divided by {@value #LETTER_FLOOR} and capped at 1: symbol and
 *       digit soup scores low, ordinary punctuation does not;
 *   <li>words / {@value #MIN_WORDS}, capped at 1: an empty or one-word answer is not a coherent reply.
 * </ul>
 *
 * <p>Limits: it cannot see grammar, meaning or topic, so fluent-looking word salad and a fluent answer to
 * a different question both score high. It is a degeneration detector, not a fluency model; {@link
 * LikelihoodCoherence} multiplies it with the generating model's calibrated likelihood, which catches word
 * salad (see docs/judge.md).
 */
public final class RepetitionCoherence {

    /** The name recorded in judgements. */
    public static final String NAME = "repetition-coherence";

    static final double LEXICAL_FLOOR = 0.4;
    static final double LETTER_FLOOR = 0.6;
    static final int MIN_WORDS = 5;

    private RepetitionCoherence() {}

    /** The score and its factors. */
    public static Breakdown score(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return new Breakdown(0, 0, 0, 0, 0);
        }
        double trigramDiversity = distinctTrigramRatio(words);
        double lexical = Math.min(1.0, new HashSet<>(words).size() / (double) words.size() / LEXICAL_FLOOR);
        double letters = Math.min(1.0, letterRatio(text) / LETTER_FLOOR);
        double length = Math.min(1.0, words.size() / (double) MIN_WORDS);
        return new Breakdown(trigramDiversity * lexical * letters * length, trigramDiversity, lexical, letters, length);
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!token.isEmpty()) {
                words.add(token);
            }
        }
        return words;
    }

    private static double distinctTrigramRatio(List<String> words) {
        if (words.size() < 3) {
            return 1.0;
        }
        Set<String> distinct = new HashSet<>();
        int total = words.size() - 2;
        for (int i = 0; i < total; i++) {
            distinct.add(words.get(i) + '\u0000' + words.get(i + 1) + '\u0000' + words.get(i + 2));
        }
        return distinct.size() / (double) total;
    }

    private static double letterRatio(String text) {
        int letters = 0;
        int visible = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                visible++;
                if (Character.isLetter(c)) {
                    letters++;
                }
            }
        }
        return visible == 0 ? 0 : letters / (double) visible;
    }

    /**
     * A score with its factors, kept in the judgement's raw output.
     *
     * @param coherence the product of the factors
     * @param trigramDiversity distinct word trigrams over all
     * @param lexicalDiversity distinct words over all, rescaled
     * @param letterShare letters over visible characters, rescaled
     * @param lengthFactor words over the minimum, capped
     */
    public record Breakdown(
            double coherence,
            double trigramDiversity,
            double lexicalDiversity,
            double letterShare,
            double lengthFactor) {}
}
