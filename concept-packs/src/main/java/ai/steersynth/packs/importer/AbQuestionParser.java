package ai.steersynth.packs.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a CAA question into its stem and its choices. The choices are lines starting with {@code
 * (A)}, {@code (B)}, ... (optionally indented); the block starts at the last line-start {@code (A)},
 * so an inline "(A)" in the stem ("I believe in (A), ...") is not mistaken for a choice, and a
 * choice may run over several lines (code, lists). A {@code Choices:} line before the block is part
 * of neither the stem nor a choice.
 */
final class AbQuestionParser {

    private static final Pattern MARKER = Pattern.compile("(?m)^[ \\t]*\\(([A-Z])\\)[ \\t]*");
    private static final Pattern CHOICES_LINE = Pattern.compile("(?is)\\s*choices:\\s*$");
    private static final Pattern ANSWER = Pattern.compile("\\s*\\(?([A-Z])\\)?\\s*");

    private AbQuestionParser() {}

    /**
     * A parsed question.
     *
     * @param stem the question before the choices
     * @param choices choice letter (e.g. {@code A}) to its text, in order
     * @param error why the question could not be parsed, or {@code null}
     */
    record Parsed(String stem, Map<String, String> choices, String error) {}

    static Parsed parse(String question) {
        List<int[]> markers = new ArrayList<>(); // start of marker, end of marker, letter
        Matcher m = MARKER.matcher(question);
        int lastA = -1;
        while (m.find()) {
            char letter = m.group(1).charAt(0);
            if (letter == 'A') {
                lastA = markers.size();
            }
            markers.add(new int[] {m.start(), m.end(), letter});
        }
        if (lastA < 0) {
            return failed("no choices found: expected lines starting with (A) and (B)");
        }
        List<int[]> block = new ArrayList<>();
        char expected = 'A';
        for (int[] marker : markers.subList(lastA, markers.size())) {
            // Only the next letter in sequence opens a choice; anything else is choice text.
            if (marker[2] == expected) {
                block.add(marker);
                expected++;
            }
        }
        if (block.size() < 2) {
            return failed("found choice (A) but no (B) after it");
        }
        Map<String, String> choices = new LinkedHashMap<>();
        for (int i = 0; i < block.size(); i++) {
            int end = i + 1 < block.size() ? block.get(i + 1)[0] : question.length();
            String text = question.substring(block.get(i)[1], end).strip();
            String letter = String.valueOf((char) block.get(i)[2]);
            if (text.isEmpty()) {
                return failed("choice (" + letter + ") has no text");
            }
            choices.put(letter, text);
        }
        String stem = CHOICES_LINE
                .matcher(question.substring(0, block.get(0)[0]))
                .replaceFirst("")
                .strip();
        if (stem.isEmpty()) {
            return failed("there is no question text before the choices");
        }
        return new Parsed(stem, choices, null);
    }

    /** The letter of an answer such as {@code "(A)"}, {@code " (B)"} or {@code "A"}, or {@code null}. */
    static String answerLetter(String answer) {
        if (answer == null) {
            return null;
        }
        Matcher m = ANSWER.matcher(answer);
        return m.matches() ? m.group(1) : null;
    }

    private static Parsed failed(String error) {
        return new Parsed(null, Map.of(), error);
    }
}
