package ai.steersynth.packs.validation;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.DetectorData;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.ExampleKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a concept pack field by field and reports every problem with the path of the field, so an
 * upload can be rejected with a list the user can act on (the sweep-service answers 400 with it).
 *
 * <p>Rules: the id is a slug {@code [a-z0-9][a-z0-9-]{0,63}}; name, definition and prompting
 * instruction are present; there is at least one contrastive pair and one generation prompt, none
 * blank; every detector label is 0 or 1 and every text non-blank; train and test (and judge, when
 * it is not empty) hold both labels; no example (text with its prompt) is in two splits; sizes are
 * within {@link PackLimits}.
 */
public final class PackValidator {

    /** The slug every pack id must match. */
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private static final String[] SPLITS = {"train", "judge", "test"};

    private final PackLimits limits;

    /** A validator with {@link PackLimits#DEFAULT}. */
    public PackValidator() {
        this(PackLimits.DEFAULT);
    }

    public PackValidator(PackLimits limits) {
        this.limits = limits;
    }

    /**
     * Validates a pack.
     *
     * @return the problems found, in field order; empty when the pack is valid. At most {@link
     *     PackLimits#maxReportedErrors()} are listed, the last entry then saying how many were left out.
     */
    public List<FieldError> validate(ConceptPack pack) {
        Errors errors = new Errors(limits.maxReportedErrors());
        if (pack == null) {
            errors.add("", "the pack is missing");
            return errors.list();
        }
        checkId(pack.id(), errors);
        checkRequiredText("name", pack.name(), limits.maxNameLength(), errors);
        checkRequiredText("definition", pack.definition(), limits.maxTextLength(), errors);
        checkRequiredText("promptingInstruction", pack.promptingInstruction(), limits.maxTextLength(), errors);
        checkPairs(pack.contrastivePairs(), errors);
        checkGenerationPrompts(pack.generationPrompts(), errors);
        checkDetectorData(pack.detectorData(), errors);
        return errors.list();
    }

    private static void checkId(String id, Errors errors) {
        if (id == null || id.isBlank()) {
            errors.add("id", "is required");
        } else if (!ID_PATTERN.matcher(id).matches()) {
            errors.add(
                    "id",
                    "'" + id + "' is not a valid id: use 1 to 64 lower-case letters, digits and hyphens,"
                            + " starting with a letter or digit");
        }
    }

    private static void checkRequiredText(String field, String value, int maxLength, Errors errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, "is required and must not be blank");
        } else if (value.length() > maxLength) {
            errors.add(field, tooLong(value, maxLength));
        }
    }

    private void checkPairs(List<ContrastivePair> pairs, Errors errors) {
        if (pairs.isEmpty()) {
            errors.add("contrastivePairs", "at least one contrastive pair is required");
            return;
        }
        if (pairs.size() > limits.maxContrastivePairs()) {
            errors.add(
                    "contrastivePairs",
                    "has " + pairs.size() + " pairs; at most " + limits.maxContrastivePairs() + " are allowed");
        }
        for (int i = 0; i < pairs.size(); i++) {
            String path = "contrastivePairs[" + i + "]";
            ContrastivePair pair = pairs.get(i);
            if (pair.kind() == null) {
                errors.add(path + ".kind", "is required: AB or TEXT");
            } else if (pair.kind() == ContrastivePair.PairKind.AB) {
                checkRequiredText(path + ".prompt", pair.prompt(), limits.maxTextLength(), errors);
            } else {
                checkOptionalText(path + ".prompt", pair.prompt(), errors);
            }
            checkRequiredText(path + ".positive", pair.positive(), limits.maxTextLength(), errors);
            checkRequiredText(path + ".negative", pair.negative(), limits.maxTextLength(), errors);
            if (pair.positive() != null && pair.positive().equals(pair.negative())) {
                errors.add(
                        path + ".negative", "is the same as the positive completion; a pair must contrast two texts");
            }
        }
    }

    private void checkGenerationPrompts(List<String> prompts, Errors errors) {
        if (prompts.isEmpty()) {
            errors.add("generationPrompts", "at least one generation prompt is required");
            return;
        }
        if (prompts.size() > limits.maxGenerationPrompts()) {
            errors.add(
                    "generationPrompts",
                    "has " + prompts.size() + " prompts; at most " + limits.maxGenerationPrompts() + " are allowed");
        }
        for (int i = 0; i < prompts.size(); i++) {
            checkRequiredText("generationPrompts[" + i + "]", prompts.get(i), limits.maxTextLength(), errors);
        }
    }

    private void checkDetectorData(DetectorData data, Errors errors) {
        if (data == null) {
            errors.add("detectorData", "is required: labelled examples in train, judge and test splits");
            return;
        }
        List<List<LabelledExample>> splits = List.of(data.train(), data.judge(), data.test());
        int total = data.train().size() + data.judge().size() + data.test().size();
        if (total > limits.maxDetectorExamples()) {
            errors.add(
                    "detectorData",
                    "has " + total + " examples; at most " + limits.maxDetectorExamples() + " are allowed");
        }
        Map<ExampleKey, String> firstSeen = new HashMap<>();
        for (int s = 0; s < SPLITS.length; s++) {
            checkSplit(SPLITS[s], splits.get(s), firstSeen, errors);
        }
    }

    private void checkSplit(
            String split, List<LabelledExample> examples, Map<ExampleKey, String> firstSeen, Errors errors) {
        String splitPath = "detectorData." + split;
        boolean[] labelSeen = new boolean[2];
        for (int i = 0; i < examples.size(); i++) {
            String path = splitPath + "[" + i + "]";
            LabelledExample example = examples.get(i);
            if (example.label() == 0 || example.label() == 1) {
                labelSeen[example.label()] = true;
            } else {
                errors.add(
                        path + ".label",
                        "is " + example.label() + "; a label must be 1 (violating) or 0 (not violating)");
            }
            checkOptionalText(path + ".prompt", example.prompt(), errors);
            checkRequiredText(path + ".text", example.text(), limits.maxTextLength(), errors);
            if (example.text() != null) {
                String earlier = firstSeen.putIfAbsent(ExampleKey.of(example), path);
                if (earlier != null && !earlier.startsWith(splitPath + "[")) {
                    errors.add(
                            path + ".text",
                            "the same text (with the same prompt) is also in " + earlier
                                    + "; a text may appear in only one split");
                }
            }
        }
        boolean required = !split.equals("judge") || !examples.isEmpty();
        if (required && !(labelSeen[0] && labelSeen[1])) {
            String problem;
            if (labelSeen[0] || labelSeen[1]) {
                problem = "it has no example with label " + (labelSeen[0] ? "1 (violating)" : "0 (not violating)");
            } else {
                problem = examples.isEmpty() ? "it is empty" : "it has no example with a valid label";
            }
            errors.add(splitPath, "needs examples of both labels, 1 and 0; " + problem);
        }
    }

    private void checkOptionalText(String field, String value, Errors errors) {
        if (value != null && value.length() > limits.maxTextLength()) {
            errors.add(field, tooLong(value, limits.maxTextLength()));
        }
    }

    private static String tooLong(String value, int maxLength) {
        return "is " + value.length() + " characters long; at most " + maxLength + " are allowed";
    }

    /** Collects errors up to a cap and counts the rest. */
    private static final class Errors {
        private final int cap;
        private final List<FieldError> list = new ArrayList<>();
        private int omitted;

        Errors(int cap) {
            this.cap = cap;
        }

        void add(String field, String message) {
            if (list.size() < cap) {
                list.add(new FieldError(field, message));
            } else {
                omitted++;
            }
        }

        List<FieldError> list() {
            if (omitted == 0) {
                return List.copyOf(list);
            }
            List<FieldError> capped = new ArrayList<>(list);
            capped.add(new FieldError("", omitted + " more errors were not listed"));
            return List.copyOf(capped);
        }
    }
}
