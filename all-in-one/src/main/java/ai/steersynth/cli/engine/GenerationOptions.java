package ai.steersynth.cli.engine;

import ai.steersynth.engine.ModelFiles;
import ai.steersynth.engine.chat.ChatMessage;
import ai.steersynth.engine.generate.GenerationRow;
import ai.steersynth.engine.generate.SamplingParameters;
import ai.steersynth.engine.tokenizer.TextTokenizer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The generation flags shared by {@code generate} and {@code steer} (a picocli mixin), and how they
 * turn into one engine row.
 */
public final class GenerationOptions {

    @Option(names = "--prompt", required = true, description = "The prompt text.")
    String prompt;

    @Option(names = "--chat", description = "Wrap the prompt as a user message in the model's chat template.")
    boolean chat;

    @Option(
            names = "--max-new-tokens",
            defaultValue = "128",
            description = "Tokens to generate at most (${DEFAULT-VALUE}).")
    int maxNewTokens;

    @Option(names = "--temperature", defaultValue = "0", description = "0 decodes greedily (${DEFAULT-VALUE}).")
    float temperature;

    @Option(names = "--top-p", defaultValue = "1", description = "Nucleus probability mass (${DEFAULT-VALUE}).")
    float topP;

    @Option(names = "--top-k", defaultValue = "0", description = "Keep the k most likely tokens; 0 keeps all.")
    int topK;

    @Option(names = "--seed", defaultValue = "0", description = "Sampling seed (${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, cuda, cuda:N or auto (${DEFAULT-VALUE}).")
    String device;

    /** The device to load the model on. */
    public String device() {
        return device;
    }

    /** One unsteered row: the prompt (chat-templated with --chat, else raw with BOS) and the sampling flags. */
    public GenerationRow row(ModelFiles files) {
        TextTokenizer tokenizer = files.tokenizer();
        int[] promptIds = chat
                ? tokenizer.encode(files.chatTemplate().render(List.of(ChatMessage.user(prompt)), true), false)
                : tokenizer.encode(prompt, true);
        return GenerationRow.of(promptIds, new SamplingParameters(temperature, topK, topP), seed, maxNewTokens);
    }

    /** The model's stop tokens as the engine's request wants them. */
    public static Set<Integer> stopTokens(TextTokenizer tokenizer) {
        return Arrays.stream(tokenizer.stopTokenIds()).boxed().collect(Collectors.toSet());
    }
}
