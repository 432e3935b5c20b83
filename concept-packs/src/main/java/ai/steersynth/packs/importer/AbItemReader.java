package ai.steersynth.packs.importer;

import ai.steersynth.packs.normalise.TextNormaliser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads CAA-style A/B files: JSON lists of {@code {question, answer_matching_behavior,
 * answer_not_matching_behavior}} where the question ends with its choices. Every item that cannot be
 * used gets an error naming its index.
 */
final class AbItemReader {

    private final TextNormaliser normaliser;

    AbItemReader(TextNormaliser normaliser) {
        this.normaliser = normaliser;
    }

    /**
     * The usable items of one file.
     *
     * @param items the items that parsed, in file order
     * @param records how many items the file holds, usable or not
     */
    record Items(List<AbItem> items, int records) {}

    /** Reads a file; every unusable item is reported with its index. */
    Items read(Path file, ImportReport report) {
        String source = file.getFileName().toString();
        JsonNode nodes = JsonItems.readList(file);
        List<AbItem> parsed = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            AbItem item = parse(nodes.get(i), source, JsonItems.location(i), report);
            if (item != null) {
                parsed.add(item);
            }
        }
        return new Items(parsed, nodes.size());
    }

    private AbItem parse(JsonNode node, String source, String location, ImportReport report) {
        String raw = JsonItems.string(node, "question");
        if (raw == null || raw.isBlank()) {
            report.error(source, location, "question is missing, not a string, or blank");
            return null;
        }
        String question = normaliser.normalise(raw);
        if (normaliser.wouldCut(raw)) {
            report.error(
                    source,
                    location,
                    "question is longer than " + normaliser.maxTextLength()
                            + " characters; an A/B question cannot be cut without losing its choices");
            return null;
        }
        AbQuestionParser.Parsed parsed = AbQuestionParser.parse(question);
        if (parsed.error() != null) {
            report.error(source, location, parsed.error());
            return null;
        }
        String matching = letter(node, "answer_matching_behavior", parsed, source, location, report);
        String notMatching = letter(node, "answer_not_matching_behavior", parsed, source, location, report);
        if (matching == null || notMatching == null) {
            return null;
        }
        if (matching.equals(notMatching)) {
            report.error(
                    source,
                    location,
                    "answer_matching_behavior and answer_not_matching_behavior are both (" + matching + ")");
            return null;
        }
        String matchingText = parsed.choices().get(matching);
        String notMatchingText = parsed.choices().get(notMatching);
        if (matchingText.equals(notMatchingText)) {
            report.error(source, location, "choices (" + matching + ") and (" + notMatching + ") have the same text");
            return null;
        }
        return new AbItem(
                source,
                location,
                question,
                parsed.stem(),
                "(" + matching + ")",
                matchingText,
                "(" + notMatching + ")",
                notMatchingText);
    }

    private static String letter(
            JsonNode node,
            String field,
            AbQuestionParser.Parsed parsed,
            String source,
            String location,
            ImportReport report) {
        String raw = JsonItems.string(node, field);
        String letter = AbQuestionParser.answerLetter(raw);
        if (letter == null) {
            report.error(
                    source,
                    location,
                    field + " must be an answer letter such as \"(A)\", found "
                            + (raw == null ? "nothing" : "\"" + raw + "\""));
            return null;
        }
        if (!parsed.choices().containsKey(letter)) {
            report.error(
                    source,
                    location,
                    field + " is (" + letter + ") but the question's choices are "
                            + String.join(
                                    ", ",
                                    parsed.choices().keySet().stream()
                                            .map(l -> "(" + l + ")")
                                            .toList()));
            return null;
        }
        return letter;
    }
}
