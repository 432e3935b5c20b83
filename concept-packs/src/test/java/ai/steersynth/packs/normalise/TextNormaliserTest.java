package ai.steersynth.packs.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormaliserTest {

    private final TextNormaliser normaliser = new TextNormaliser(10);

    @Test
    void decomposedAccentsAreComposedToNfc() {
        String decomposed = "cafe\u0301";
        assertThat(normaliser.normalise(decomposed)).isEqualTo("caf\u00e9");
    }

    @Test
    void controlCharactersAreRemovedButNewlineAndTabStay() {
        assertThat(new TextNormaliser().normalise("a\u0000b\u0007c\r\nd\te\u0085f\u007f"))
                .isEqualTo("abc\nd\tef");
    }

    @Test
    void formatCharactersSuchAsTheEmojiJoinerAreKept() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69";
        assertThat(new TextNormaliser().normalise(family)).isEqualTo(family);
    }

    @Test
    void longTextsAreCutToTheCap() {
        assertThat(normaliser.normalise("0123456789abc")).isEqualTo("0123456789");
        assertThat(normaliser.wouldCut("0123456789abc")).isTrue();
        assertThat(normaliser.wouldCut("0123456789")).isFalse();
    }

    @Test
    void controlCharactersDoNotCountTowardsTheCap() {
        assertThat(normaliser.wouldCut("0123456789\u0000\u0000")).isFalse();
        assertThat(normaliser.normalise("0123456789\u0000\u0000")).isEqualTo("0123456789");
    }

    @Test
    void theCutNeverSplitsASurrogatePair() {
        String text = "012345678\uD83D\uDE00";
        assertThat(normaliser.normalise(text)).isEqualTo("012345678");
    }

    @Test
    void normalisingTwiceChangesNothing() {
        String once = normaliser.normalise("e\u0301\u0000x\r\nyz0123456789");
        assertThat(normaliser.normalise(once)).isEqualTo(once);
    }

    @Test
    void nullStaysNullAndTheDescriptionNamesTheRules() {
        assertThat(normaliser.normalise(null)).isNull();
        assertThat(normaliser.description().unicodeForm()).isEqualTo("NFC");
        assertThat(normaliser.description().controlCharactersStripped()).isTrue();
        assertThat(normaliser.description().maxTextLength()).isEqualTo(10);
    }
}
