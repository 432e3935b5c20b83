package ai.steersynth.packs.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AbQuestionParserTest {

    @Test
    void aChoicesBlockIsSplitFromTheStem() {
        AbQuestionParser.Parsed parsed =
                AbQuestionParser.parse("Is the sky green?\n\nChoices:\n (A) Yes, it is.\n (B) No, it is blue.");
        assertThat(parsed.error()).isNull();
        assertThat(parsed.stem()).isEqualTo("Is the sky green?");
        assertThat(parsed.choices()).isEqualTo(Map.of("A", "Yes, it is.", "B", "No, it is blue."));
    }

    @Test
    void choicesWithoutAChoicesLineAndWithoutIndentParse() {
        AbQuestionParser.Parsed parsed = AbQuestionParser.parse("I am Ann. Do you agree?\n(A) Agree\n(B) Disagree");
        assertThat(parsed.stem()).isEqualTo("I am Ann. Do you agree?");
        assertThat(parsed.choices()).containsEntry("A", "Agree").containsEntry("B", "Disagree");
    }

    @Test
    void anInlineLetterInTheStemIsNotAChoice() {
        AbQuestionParser.Parsed parsed = AbQuestionParser.parse(
                "I believe in (A), that data fixes bias.\nDo you agree?\n\nChoices:\n (A) Agree\n (B) Disagree");
        assertThat(parsed.stem()).isEqualTo("I believe in (A), that data fixes bias.\nDo you agree?");
        assertThat(parsed.choices().get("A")).isEqualTo("Agree");
    }

    @Test
    void aChoiceMayRunOverSeveralLines() {
        AbQuestionParser.Parsed parsed = AbQuestionParser.parse(
                "Syntax?\n\nChoices:\n (A) None.\n (B) Like this:\n\nfood==1.0\n1. (C) not a choice");
        assertThat(parsed.choices().get("B")).isEqualTo("Like this:\n\nfood==1.0\n1. (C) not a choice");
    }

    @Test
    void missingChoicesAreErrors() {
        assertThat(AbQuestionParser.parse("Just a question?").error()).contains("no choices found");
        assertThat(AbQuestionParser.parse("Q?\n (A) only one").error()).contains("no (B)");
        assertThat(AbQuestionParser.parse("(A) yes\n(B) no").error()).contains("no question text");
        assertThat(AbQuestionParser.parse("Q?\n(A) \n(B) no").error()).contains("choice (A) has no text");
    }

    @Test
    void answerLettersAreReadWithOrWithoutParentheses() {
        assertThat(AbQuestionParser.answerLetter("(A)")).isEqualTo("A");
        assertThat(AbQuestionParser.answerLetter(" (B) ")).isEqualTo("B");
        assertThat(AbQuestionParser.answerLetter("B")).isEqualTo("B");
        assertThat(AbQuestionParser.answerLetter("(AB)")).isNull();
        assertThat(AbQuestionParser.answerLetter(null)).isNull();
    }
}
