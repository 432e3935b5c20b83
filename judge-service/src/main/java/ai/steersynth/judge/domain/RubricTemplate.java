package ai.steersynth.judge.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A versioned rubric prompt, read from {@code rubric/<version>/system.txt} and {@code user.txt} on the
 * classpath. The user template holds the placeholders {@code {{definition}}}, {@code {{prompt}}} and
 * {@code {{text}}}. Changing a template means adding a new version directory, so cached judgements of
 * the old version stay what they were.
 *
 * @param version the directory name, e.g. {@code v1}; recorded as the judgement's rubric version
 * @param system the system message
 * @param user the user message template
 */
public record RubricTemplate(String version, String system, String user) {

    /** The rubric in use. */
    public static final String CURRENT_VERSION = "v1";

    /** Loads a version from the classpath. */
    public static RubricTemplate load(String version) {
        return new RubricTemplate(version, read(version, "system.txt"), read(version, "user.txt"));
    }

    /** The user message for one request; a missing prompt reads {@code (none)}. */
    public String userMessage(JudgeRequest request) {
        // Substituted in one pass over the template so text containing "{{...}}" is never re-expanded.
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < user.length()) {
            int open = user.indexOf("{{", i);
            if (open < 0) {
                out.append(user, i, user.length());
                break;
            }
            int close = user.indexOf("}}", open);
            if (close < 0) {
                out.append(user, i, user.length());
                break;
            }
            out.append(user, i, open);
            out.append(value(user.substring(open + 2, close), request));
            i = close + 2;
        }
        return out.toString();
    }

    private static String value(String name, JudgeRequest request) {
        switch (name) {
            case "definition":
                return request.concept().definition();
            case "prompt":
                return request.prompt() == null || request.prompt().isBlank() ? "(none)" : request.prompt();
            case "text":
                return request.text();
            default:
                throw new IllegalStateException("unknown rubric placeholder {{" + name + "}}");
        }
    }

    private static String read(String version, String file) {
        String path = "rubric/" + version + "/" + file;
        try (InputStream in = RubricTemplate.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no rubric template " + path + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
