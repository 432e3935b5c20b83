package ai.steersynth.cli.engine;

import ai.steersynth.engine.generate.GenerationRequest;
import ai.steersynth.engine.generate.GenerationResult;
import ai.steersynth.engine.generate.GenerationRow;
import ai.steersynth.engine.generate.Generator;
import ai.steersynth.engine.tokenizer.TextTokenizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code steersynth generate}: one completion, streamed to standard output as it is sampled. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Generates a completion for a prompt with a local model and prints it as it goes.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A .gguf file or a Hugging Face model directory.")
    Path model;

    @Mixin
    GenerationOptions generation;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (LoadedModel loaded = LoadedModel.open(model, generation.device(), 0)) {
            TextTokenizer tokenizer = loaded.files().tokenizer();
            GenerationRow row = generation.row(loaded.files());
            StreamingPrinter printer = new StreamingPrinter(tokenizer, out);
            GenerationRequest request = new GenerationRequest(
                    List.of(row), GenerationOptions.stopTokens(tokenizer), null, (r, token) -> printer.accept(token));
            GenerationResult result =
                    new Generator(loaded.model()).generate(request).get(0);
            printer.finish(result.tokenIds());
            out.println();
            out.flush();
            return 0;
        }
    }

    /**
     * Prints the text of the tokens so far as it grows. A token can end mid-character (byte-level
     * BPE), so it re-decodes the whole output and prints only what was not printed yet.
     */
    private static final class StreamingPrinter {
        private final TextTokenizer tokenizer;
        private final PrintWriter out;
        private final List<Integer> tokens = new ArrayList<>();
        private String printed = "";

        StreamingPrinter(TextTokenizer tokenizer, PrintWriter out) {
            this.tokenizer = tokenizer;
            this.out = out;
        }

        void accept(int token) {
            tokens.add(token);
            show(tokenizer.decode(tokens.stream().mapToInt(Integer::intValue).toArray(), true));
        }

        void finish(int[] finalTokens) {
            show(tokenizer.decode(finalTokens, true));
        }

        private void show(String text) {
            // hold back a trailing replacement character: the rest of its bytes may still come
            String stable = text.endsWith("\uFFFD") ? text.substring(0, text.length() - 1) : text;
            if (stable.startsWith(printed) && stable.length() > printed.length()) {
                out.print(stable.substring(printed.length()));
                out.flush();
                printed = stable;
            }
        }
    }
}
