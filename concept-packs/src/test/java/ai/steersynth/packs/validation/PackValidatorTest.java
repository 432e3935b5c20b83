package ai.steersynth.packs.validation;

import static ai.steersynth.packs.TestPacks.example;
import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
import ai.steersynth.contracts.pack.DetectorData;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.TestPacks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackValidatorTest {

    private final PackValidator validator = new PackValidator();

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static ConceptPack withMeta(String id, String name, String definition, String instruction) {
        ConceptPack p = TestPacks.valid();
        return new ConceptPack(
                id, name, definition, instruction, p.contrastivePairs(), p.generationPrompts(), p.detectorData(), null);
    }

    private static ConceptPack withPairsAndPrompts(List<ContrastivePair> pairs, List<String> prompts) {
        ConceptPack p = TestPacks.valid();
        return new ConceptPack(
                p.id(), p.name(), p.definition(), p.promptingInstruction(), pairs, prompts, p.detectorData(), null);
    }

    @Test
    void aValidPackHasNoErrors() {
        assertThat(validator.validate(TestPacks.valid())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Toxicity", "-toxic", "toxic_ity", "a b", ""})
    void anIdThatIsNotASlugIsReportedOnTheIdField(String id) {
        List<FieldError> errors = validator.validate(withMeta(id, "n", "d", "i"));
        assertThat(fields(errors)).containsExactly("id");
    }

    @Test
    void anIdOfSixtyFiveCharactersIsTooLongAndSixtyFourIsFine() {
        assertThat(validator.validate(withMeta("a".repeat(64), "n", "d", "i"))).isEmpty();
        assertThat(fields(validator.validate(withMeta("a".repeat(65), "n", "d", "i"))))
                .containsExactly("id");
    }

    @Test
    void blankNameDefinitionAndInstructionAreEachNamed() {
        List<FieldError> errors = validator.validate(withMeta("ok", " ", null, ""));
        assertThat(fields(errors)).containsExactly("name", "definition", "promptingInstruction");
        assertThat(errors.get(0).message()).contains("required");
    }

    @Test
    void aPackNeedsAPairAndAGenerationPrompt() {
        List<FieldError> errors = validator.validate(withPairsAndPrompts(List.of(), List.of()));
        assertThat(fields(errors)).containsExactly("contrastivePairs", "generationPrompts");
    }

    @Test
    void badPairsAndPromptsAreNamedByIndex() {
        List<ContrastivePair> pairs = List.of(
                new ContrastivePair(PairKind.TEXT, "", "a", "b"),
                new ContrastivePair(PairKind.AB, " ", "(A)", "(B)"),
                new ContrastivePair(null, "", "a", "b"),
                new ContrastivePair(PairKind.TEXT, null, "same", "same"),
                new ContrastivePair(PairKind.TEXT, "", "", "b"));
        List<FieldError> errors = validator.validate(withPairsAndPrompts(pairs, List.of("ok", " ")));
        assertThat(fields(errors))
                .containsExactly(
                        "contrastivePairs[1].prompt",
                        "contrastivePairs[2].kind",
                        "contrastivePairs[3].negative",
                        "contrastivePairs[4].positive",
                        "generationPrompts[1]");
    }

    @Test
    void aLabelOtherThanZeroOrOneIsNamedWithItsSplitAndIndex() {
        DetectorData data = TestPacks.validDetectorData();
        List<LabelledExample> train = new ArrayList<>(data.train());
        train.add(example("extra", 2));
        train.add(example("more", 1));
        train.add(example("again", 1));
        train.set(3, example("bad label", -1));
        List<FieldError> errors =
                validator.validate(TestPacks.withDetectorData(new DetectorData(train, data.judge(), data.test())));
        assertThat(fields(errors)).containsExactly("detectorData.train[3].label");
        assertThat(errors.get(0).message()).contains("-1").contains("must be 1 (violating) or 0");
    }

    @Test
    void aBlankTextIsNamed() {
        DetectorData data = TestPacks.validDetectorData();
        List<LabelledExample> test = new ArrayList<>(data.test());
        test.add(example("  ", 0));
        List<FieldError> errors =
                validator.validate(TestPacks.withDetectorData(new DetectorData(data.train(), data.judge(), test)));
        assertThat(fields(errors)).containsExactly("detectorData.test[2].text");
    }

    @Test
    void trainAndTestNeedBothLabels() {
        DetectorData data =
                new DetectorData(List.of(example("a", 1), example("b", 1)), List.of(), List.of(example("c", 0)));
        List<FieldError> errors = validator.validate(TestPacks.withDetectorData(data));
        assertThat(fields(errors)).containsExactly("detectorData.train", "detectorData.test");
        assertThat(errors.get(0).message()).contains("no example with label 0");
        assertThat(errors.get(1).message()).contains("no example with label 1");
    }

    @Test
    void anEmptyJudgeSplitIsAllowedButAOneLabelJudgeSplitIsNot() {
        DetectorData valid = TestPacks.validDetectorData();
        assertThat(validator.validate(
                        TestPacks.withDetectorData(new DetectorData(valid.train(), List.of(), valid.test()))))
                .isEmpty();
        DetectorData oneLabel = new DetectorData(valid.train(), List.of(example("z", 1)), valid.test());
        assertThat(fields(validator.validate(TestPacks.withDetectorData(oneLabel))))
                .containsExactly("detectorData.judge");
    }

    @Test
    void aTextInTwoSplitsIsReportedWhereItAppearsAgainAndNamesTheFirst() {
        DetectorData valid = TestPacks.validDetectorData();
        List<LabelledExample> test = new ArrayList<>(valid.test());
        test.add(example("nice day", 0));
        List<FieldError> errors =
                validator.validate(TestPacks.withDetectorData(new DetectorData(valid.train(), valid.judge(), test)));
        assertThat(fields(errors)).containsExactly("detectorData.test[2].text");
        assertThat(errors.get(0).message()).contains("detectorData.train[1]").contains("only one split");
    }

    @Test
    void theSameAnswerToDifferentQuestionsMayBeInDifferentSplits() {
        DetectorData data = new DetectorData(
                List.of(new LabelledExample("q1", "Agree", 1), new LabelledExample("q1", "Disagree", 0)),
                List.of(),
                List.of(new LabelledExample("q2", "Agree", 0), new LabelledExample("q2", "Disagree", 1)));
        assertThat(validator.validate(TestPacks.withDetectorData(data))).isEmpty();
    }

    @Test
    void limitsAreEnforcedWithTheLimitInTheMessage() {
        PackLimits tight = new PackLimits(6, 10, 1, 1, 5, 50);
        ConceptPack pack = new ConceptPack(
                "ok",
                "Too long name",
                "d",
                "i",
                List.of(
                        new ContrastivePair(PairKind.TEXT, "", "a", "b"),
                        new ContrastivePair(PairKind.TEXT, "", "c", "d")),
                List.of("p1", "p2"),
                new DetectorData(
                        List.of(example("a", 1), example("b".repeat(11), 0)),
                        List.of(example("c", 1), example("d", 0)),
                        List.of(example("e", 1), example("f", 0), example("g", 0))),
                null);
        List<FieldError> errors = new PackValidator(tight).validate(pack);
        assertThat(fields(errors))
                .containsExactly(
                        "name", "contrastivePairs", "generationPrompts", "detectorData", "detectorData.train[1].text");
        assertThat(errors.get(3).message()).isEqualTo("has 7 examples; at most 6 are allowed");
        assertThat(errors.get(4).message()).isEqualTo("is 11 characters long; at most 10 are allowed");
    }

    @Test
    void theErrorListIsCappedAndSaysHowManyWereLeftOut() {
        List<LabelledExample> bad = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bad.add(example("t" + i, 7));
        }
        PackLimits limits = new PackLimits(1000, 100, 10, 10, 100, 3);
        List<FieldError> errors = new PackValidator(limits)
                .validate(TestPacks.withDetectorData(new DetectorData(bad, List.of(), bad.subList(0, 0))));
        assertThat(errors).hasSize(4);
        assertThat(errors.get(3).message()).isEqualTo("9 more errors were not listed");
    }

    @Test
    void aMissingPackOrDetectorDataIsAnError() {
        assertThat(validator.validate(null)).hasSize(1);
        assertThat(fields(validator.validate(TestPacks.withDetectorData(null)))).containsExactly("detectorData");
    }
}
