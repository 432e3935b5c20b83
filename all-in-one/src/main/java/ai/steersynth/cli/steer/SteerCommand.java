package ai.steersynth.cli.steer;

import ai.steersynth.cli.engine.GenerationOptions;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.StrengthMode;
import ai.steersynth.engine.generate.GenerationRequest;
import ai.steersynth.engine.generate.GenerationResult;
import ai.steersynth.engine.generate.GenerationRow;
import ai.steersynth.engine.generate.Generator;
import ai.steersynth.engine.steering.extract.SteeringVector;
import ai.steersynth.engine.steering.extract.SteeringVectorSet;
import ai.steersynth.engine.tokenizer.TextTokenizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code steersynth steer}: one completion with a steering vector added to the residual stream. */
@Command(
        name = "steer",
        mixinStandardHelpOptions = true,
        description = "Generates a completion for a prompt with a steering vector (JSON or GGUF control vector) added.")
public final class SteerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A .gguf file or a Hugging Face model directory.")
    Path model;

    @Option(
            names = "--vector",
            required = true,
            description = "A vector set from `steersynth vector` (.json or .gguf).")
    Path vector;

    @Option(names = "--layer", description = "Which vector of the set, by layer; needed when it holds several.")
    Integer layer;

    @Option(names = "--strength", required = true, description = "How much to add; see --relative/--absolute.")
    double strength;

    @ArgGroup(exclusive = true)
    StrengthModeOption mode = new StrengthModeOption();

    static final class StrengthModeOption {
        @Option(
                names = "--relative",
                description = "Strength in mean residual norms at the vector's layer (the default).")
        boolean relative;

        @Option(names = "--absolute", description = "Strength is the norm of the added vector.")
        boolean absolute;

        StrengthMode mode() {
            return absolute ? StrengthMode.ABSOLUTE : StrengthMode.RELATIVE;
        }
    }

    @Option(
            names = "--positions",
            defaultValue = "PROMPT_AND_GENERATION",
            description = "PROMPT_AND_GENERATION or GENERATION_ONLY; ACTADD vectors always use their first prompt"
                    + " positions (${DEFAULT-VALUE}).")
    PositionPolicy positions;

    @Mixin
    GenerationOptions generation;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SteeringVectorSet set;
        SteeringVector chosen;
        try {
            set = VectorFiles.read(vector);
            chosen = layer == null ? set.single() : set.atLayer(layer);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("Cannot use " + vector + ": " + e.getMessage());
            return 1;
        }
        try (SteeringModel loaded = SteeringModel.open(model, generation.device())) {
            if (chosen.hiddenSize() != loaded.model().config().hiddenSize()) {
                spec.commandLine()
                        .getErr()
                        .printf(
                                "The vector has %d values, the model's residual has %d: it belongs to another model%n",
                                chosen.hiddenSize(), loaded.model().config().hiddenSize());
                return 1;
            }
            TextTokenizer tokenizer = loaded.files().tokenizer();
            GenerationRow row =
                    generation.row(loaded.files()).withSteering(chosen.steering(strength, mode.mode(), positions));
            GenerationRequest request = GenerationRequest.of(List.of(row), GenerationOptions.stopTokens(tokenizer));
            GenerationResult result =
                    new Generator(loaded.model()).generate(request).get(0);
            out.println(tokenizer.decode(result.tokenIds(), true));
            out.flush();
            return 0;
        }
    }
}
