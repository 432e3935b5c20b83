package ai.steersynth.cli.engine;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.steersynth.engine.model.KeyValueCache;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.model.ResidualStreamHook;
import ai.steersynth.engine.tokenizer.TextTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code steersynth logits}: the top next-token logits after a raw prompt, as JSON, for comparing the
 * engine with other implementations.
 */
@Command(
        name = "logits",
        mixinStandardHelpOptions = true,
        description = "Prints {\"ids\",\"tokens\",\"logits\"} for the K most likely next tokens after the raw prompt"
                + " (no chat template; BOS as the tokenizer's configuration says).")
public final class LogitsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A .gguf file or a Hugging Face model directory.")
    Path model;

    @Option(names = "--prompt", required = true, description = "The prompt text.")
    String prompt;

    @Option(names = "--top", defaultValue = "10", description = "How many logits to print (${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, cuda, cuda:N or auto (${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() {
        try (LoadedModel loaded = LoadedModel.open(model, device, 0)) {
            TextTokenizer tokenizer = loaded.files().tokenizer();
            int[] ids = tokenizer.encode(prompt, true);
            float[] logits = nextTokenLogits(loaded.model(), ids);
            int[] best = IntStream.range(0, logits.length)
                    .boxed()
                    .sorted((a, b) -> Float.compare(logits[b], logits[a]))
                    .limit(top)
                    .mapToInt(Integer::intValue)
                    .toArray();
            List<String> tokens = new ArrayList<>();
            List<Float> values = new ArrayList<>();
            for (int id : best) {
                tokens.add(tokenizer.tokenString(id));
                values.add(logits[id]);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ids", best);
            json.put("tokens", tokens);
            json.put("logits", values);
            spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(json));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    static float[] nextTokenLogits(LlamaModel model, int[] ids) {
        try (NDManager request = model.newRequestManager();
                KeyValueCache cache = model.newCache(request, new int[] {0}, ids.length);
                NDManager step = request.newSubManager()) {
            long[] tokens = IntStream.of(ids).asLongStream().toArray();
            return model.forward(step.create(tokens, new Shape(1, ids.length)), cache, ResidualStreamHook.NONE)
                    .toFloatArray();
        }
    }
}
