package ai.steersynth.packs.normalise;

import ai.steersynth.contracts.pack.PackProvenance.Normalisation;
import java.text.Normalizer;

/**
 * Normalises one text: Unicode NFC, control characters (Unicode category Cc) removed except newline
 * and tab, then cut to at most {@code maxTextLength} characters. Normalising twice gives the same
 * text as normalising once, so packs can be re-normalised safely.
 */
public final class TextNormaliser {

    /** The cap used when nothing else is configured; equal to the validator's default text limit. */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 4_000;

    private final int maxTextLength;

    public TextNormaliser() {
        this(DEFAULT_MAX_TEXT_LENGTH);
    }

    public TextNormaliser(int maxTextLength) {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("maxTextLength must be at least 1, was " + maxTextLength);
        }
        this.maxTextLength = maxTextLength;
    }

    /** The record stored in a pack's provenance describing this normalisation. */
    public Normalisation description() {
        return new Normalisation("NFC", true, maxTextLength);
    }

    public int maxTextLength() {
        return maxTextLength;
    }

    /** The normalised text; {@code null} stays {@code null}. */
    public String normalise(String text) {
        return text == null ? null : cut(stripControls(text));
    }

    /** Whether normalising this text shortens it past the cap (importers warn about it). */
    public boolean wouldCut(String text) {
        return text != null && stripControls(text).length() > maxTextLength;
    }

    private static String stripControls(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            // isISOControl is exactly Unicode category Cc: U+0000-U+001F and U+007F-U+009F.
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private String cut(String text) {
        if (text.length() <= maxTextLength) {
            return text;
        }
        int end = maxTextLength;
        // Never leave half of a surrogate pair (an emoji, say) at the end.
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
