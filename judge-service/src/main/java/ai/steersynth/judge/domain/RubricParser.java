package ai.steersynth.judge.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a judge model's answer. Models wrap JSON in code fences, add prose around it, quote numbers or
 * answer {@code "Success: 2"} lines instead, so the parser tries, in order: the first balanced JSON
 * object in the text, then {@code success: n} / {@code coherence: n} pairs. A score outside 0..2, or a
 * missing axis, is malformed: the answer is re-asked, never read as 0.
 */
public final class RubricParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PAIR =
            Pattern.compile("(?i)\"?\\b(success|coherence)\\b\"?\\s*[:=]\\s*\"?([0-9]+(?:\\.[0-9]+)?)\"?");
    private static final Pattern REASON = Pattern.compile("(?i)\"?\\breason\\b\"?\\s*[:=]\\s*\"?([^\"\\n]*)");

    private RubricParser() {}

    /** The answer's scores, or empty when they cannot be read. */
    public static Optional<RubricAnswer> parse(String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        Optional<RubricAnswer> fromJson = firstJsonObject(answer).flatMap(RubricParser::fromJson);
        return fromJson.isPresent() ? fromJson : fromPairs(answer);
    }

    private static Optional<RubricAnswer> fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            Optional<Integer> success = score(node.get("success"));
            Optional<Integer> coherence = score(node.get("coherence"));
            if (success.isEmpty() || coherence.isEmpty()) {
                return Optional.empty();
            }
            JsonNode reason = node.get("reason");
            return Optional.of(new RubricAnswer(
                    success.get(), coherence.get(), reason == null || reason.isNull() ? "" : reason.asString()));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> score(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return wholeScore(node.asDouble());
        }
        if (node.isString()) {
            try {
                return wholeScore(Double.parseDouble(node.asString().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> wholeScore(double value) {
        boolean valid = value == Math.rint(value) && value >= 0 && value <= 2;
        return valid ? Optional.of((int) value) : Optional.empty();
    }

    private static Optional<RubricAnswer> fromPairs(String answer) {
        Integer success = null;
        Integer coherence = null;
        Matcher m = PAIR.matcher(answer);
        while (m.find()) {
            Optional<Integer> value = wholeScore(Double.parseDouble(m.group(2)));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (m.group(1).equalsIgnoreCase("success") && success == null) {
                success = value.get();
            } else if (m.group(1).equalsIgnoreCase("coherence") && coherence == null) {
                coherence = value.get();
            }
        }
        if (success == null || coherence == null) {
            return Optional.empty();
        }
        Matcher reason = REASON.matcher(answer);
        return Optional.of(new RubricAnswer(
                success, coherence, reason.find() ? reason.group(1).trim() : ""));
    }

    /** The first balanced {@code {...}} in the text, skipping braces inside JSON strings. */
    static Optional<String> firstJsonObject(String text) {
        int start = text.indexOf('{');
        while (start >= 0) {
            int depth = 0;
            boolean inString = false;
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return Optional.of(text.substring(start, i + 1));
                }
            }
            start = text.indexOf('{', start + 1);
        }
        return Optional.empty();
    }
}
