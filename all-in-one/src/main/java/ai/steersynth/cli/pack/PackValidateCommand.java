package ai.steersynth.cli.pack;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.packs.format.PackFormatException;
import ai.steersynth.packs.format.PackHashes;
import ai.steersynth.packs.format.PackJson;
import ai.steersynth.packs.split.SplitCounts;
import ai.steersynth.packs.validation.FieldError;
import ai.steersynth.packs.validation.PackValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code steersynth pack validate <pack.json>}: the checks an upload gets, on a local file. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Checks a concept-pack JSON file and lists every problem with its field path.")
final class PackValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<pack.json>", description = "The pack file.")
    Path file;

    @Override
    public Integer call() {
        ConceptPack pack;
        try {
            pack = PackJson.read(file);
        } catch (PackFormatException e) {
            PackSummary.printValidation(spec.commandLine().getErr(), file.toString(), e.errors());
            return 1;
        }
        List<FieldError> errors = new PackValidator().validate(pack);
        if (!errors.isEmpty()) {
            PackSummary.printValidation(spec.commandLine().getErr(), file.toString(), errors);
            return 1;
        }
        String stored = pack.provenance() == null ? null : pack.provenance().contentHash();
        String actual = PackHashes.contentHash(pack);
        spec.commandLine()
                .getOut()
                .printf(
                        "%s is valid: %s; %d pairs, %d generation prompts%n  content hash %s%s%n",
                        file,
                        SplitCounts.of(pack.detectorData()),
                        pack.contrastivePairs().size(),
                        pack.generationPrompts().size(),
                        actual,
                        stored == null || stored.equals(actual)
                                ? ""
                                : " (the stored hash " + stored + " is out of date)");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
