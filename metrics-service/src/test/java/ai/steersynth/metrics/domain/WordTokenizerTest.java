package ai.steersynth.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class WordTokenizerTest {

    @Test
    void wordsAreLowerCasedAndPunctuationStandsAlone() {
        assertThat(WordTokenizer.tokenize("Don't STOP!!")).containsExactly("don", "'", "t", "stop", "!", "!");
    }

    @Test
    void digitsJoinWordsButDecimalPointsSplitNumbers() {
        assertThat(WordTokenizer.tokenize("Bake at 230C for 3.5h"))
                .containsExactly("bake", "at", "230c", "for", "3", ".", "5h");
    }

    @Test
    void whitespaceControlAndFormatCharactersOnlySeparate() {
        // tab, newline, no-break space, zero-width space (Cf) and a paragraph separator
        assertThat(WordTokenizer.tokenize("a\tb\nc\u00A0d\u200Be\u2029f"))
                .containsExactly("a", "b", "c", "d", "e", "f");
    }

    @Test
    void accentedLettersAndCombiningMarksStayInsideWords() {
        // "naïve" precomposed and "cafe" + U+0301 combining acute accent
        assertThat(WordTokenizer.tokenize("Naïve cafe\u0301!")).containsExactly("naïve", "cafe\u0301", "!");
    }

    @Test
    void symbolsAndOtherNumbersAreSingleTokens() {
        assertThat(WordTokenizer.tokenize("«Ça va?» ½ °C")).containsExactly("«", "ça", "va", "?", "»", "½", "°", "c");
    }

    @Test
    void emptyAndBlankTextsHaveNoTokens() {
        assertThat(WordTokenizer.tokenize("")).isEmpty();
        assertThat(WordTokenizer.tokenize(" \n\t ")).isEmpty();
    }

    @Test
    void nullIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> WordTokenizer.tokenize(null));
    }
}
