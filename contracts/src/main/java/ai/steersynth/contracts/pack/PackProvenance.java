package ai.steersynth.contracts.pack;

import java.util.Map;

/**
 * Where a pack's data came from and what was done to it.
 *
 * @param importer the importer kind that built it, e.g. {@code davidson-csv}, or {@code upload}
 * @param sources source files or URLs with their sha256, file name to hash
 * @param licence licence notes of the source data
 * @param splitSeed the seed of the stratified train/judge/test split
 * @param normalisation the text normalisation applied to every text
 * @param contentHash sha256 over the pack's normalised content, set when the pack is built
 */
public record PackProvenance(
        String importer,
        Map<String, String> sources,
        String licence,
        long splitSeed,
        Normalisation normalisation,
        String contentHash) {

    /**
     * Text normalisation recorded in the pack.
     *
     * @param unicodeForm the Unicode normal form, {@code NFC}
     * @param controlCharactersStripped whether control characters (other than newline and tab) were removed
     * @param maxTextLength texts longer than this many characters were cut
     */
    public record Normalisation(String unicodeForm, boolean controlCharactersStripped, int maxTextLength) {}
}
