package ai.steersynth.metrics.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one word tokeniser every diversity metric uses: deterministic, locale-independent and defined purely by Unicode
 * general categories, so that scripts/reference/diversity_reference.py can mirror it exactly.
 *
 * <ul>
 *   <li>A word is a maximal run of letters (L*), marks (M*) and decimal digits (Nd), lower-cased with
 *       {@link Locale#ROOT}.
 *   <li>Separators (Z*), control (Cc) and format (Cf) characters end a word and are dropped: whitespace, tabs, line
 *       breaks, zero-width joiners.
 *   <li>Every other code point (punctuation P*, symbols S*, other numbers such as "½") is a token of its own.
 * </ul>
 *
 * So "Don't STOP!!" becomes [don, ', t, stop, !, !].
 */
public final class WordTokenizer {

    private WordTokenizer() {}

    /** Splits {@code text} into lower-cased word and punctuation tokens; an empty or blank text gives no tokens. */
    public static List<String> tokenize(String text) {
        Objects.requireNonNull(text, "text");
        List<String> tokens = new ArrayList<>();
        int wordStart = -1;
        int index = 0;
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            int next = index + Character.charCount(codePoint);
            if (isWordPart(codePoint)) {
                if (wordStart < 0) {
                    wordStart = index;
                }
            } else {
                if (wordStart >= 0) {
                    tokens.add(lowerCase(text.substring(wordStart, index)));
                    wordStart = -1;
                }
                if (!isSeparator(codePoint)) {
                    tokens.add(lowerCase(text.substring(index, next)));
                }
            }
            index = next;
        }
        if (wordStart >= 0) {
            tokens.add(lowerCase(text.substring(wordStart)));
        }
        return tokens;
    }

    private static boolean isWordPart(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER -> true;
            default -> false;
        };
    }

    private static boolean isSeparator(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.CONTROL,
                    Character.FORMAT -> true;
            default -> false;
        };
    }

    private static String lowerCase(String token) {
        return token.toLowerCase(Locale.ROOT);
    }
}
