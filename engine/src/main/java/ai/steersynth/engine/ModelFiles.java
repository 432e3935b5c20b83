package ai.steersynth.engine;

import ai.steersynth.engine.chat.ChatTemplate;
import ai.steersynth.engine.model.ModelConfig;
import ai.steersynth.engine.tokenizer.GgufTokenizerJson;
import ai.steersynth.engine.tokenizer.HuggingFaceTextTokenizer;
import ai.steersynth.engine.tokenizer.HuggingFaceTokenizerFiles;
import ai.steersynth.engine.tokenizer.TextTokenizer;
import ai.steersynth.engine.weights.GgufFile;
import ai.steersynth.engine.weights.GgufWeightSource;
import ai.steersynth.engine.weights.SafetensorsWeightSource;
import ai.steersynth.engine.weights.WeightSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A model opened from disk: weights, tokenizer and chat template, from either a {@code .gguf} file
 * or a Hugging Face directory ({@code config.json}, {@code *.safetensors}, {@code tokenizer.json},
 * {@code tokenizer_config.json}). Closing it releases the file mappings and the native tokenizer.
 */
public final class ModelFiles implements AutoCloseable {

    private final Path path;
    private final WeightSource weights;
    private final TextTokenizer tokenizer;
    private final ChatTemplate chatTemplate;

    private ModelFiles(Path path, WeightSource weights, TextTokenizer tokenizer, ChatTemplate chatTemplate) {
        this.path = path;
        this.weights = weights;
        this.tokenizer = tokenizer;
        this.chatTemplate = chatTemplate;
    }

    /**
     * Opens a model: a {@code .gguf} file, a directory holding {@code config.json} and safetensors
     * weights, or a directory holding exactly one {@code .gguf} file.
     *
     * @throws ModelFileException naming the file (and key) when something is missing, malformed or unsupported
     */
    public static ModelFiles open(Path path) {
        if (!Files.exists(path)) {
            throw new ModelFileException(path + ": file not found");
        }
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve("config.json"))) {
                return openHuggingFaceDirectory(path);
            }
            List<Path> ggufFiles = listGguf(path);
            if (ggufFiles.size() == 1) {
                return openGguf(ggufFiles.get(0));
            }
            throw new ModelFileException(path + ": neither config.json nor a single .gguf file (found "
                    + ggufFiles.size() + " .gguf files)");
        }
        if (path.getFileName().toString().endsWith(".safetensors")) {
            return openHuggingFaceDirectory(path.toAbsolutePath().getParent());
        }
        if (GgufFile.hasGgufMagic(path)) {
            return openGguf(path);
        }
        throw new ModelFileException(path + ": not a GGUF file, a .safetensors file or a model directory");
    }

    private static ModelFiles openGguf(Path file) {
        GgufWeightSource weights = GgufWeightSource.open(file);
        try {
            var metadata = weights.file().metadata();
            HuggingFaceTextTokenizer tokenizer = GgufTokenizerJson.open(metadata, file.toString());
            ChatTemplate template = ChatTemplate.forModel(
                    metadata.optionalString("tokenizer.chat_template").orElse(null),
                    tokenizer.bosToken(),
                    tokenizer.eosToken(),
                    file + " (tokenizer.chat_template)");
            return new ModelFiles(file, weights, tokenizer, template);
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    private static ModelFiles openHuggingFaceDirectory(Path directory) {
        SafetensorsWeightSource weights = SafetensorsWeightSource.open(directory);
        try {
            HuggingFaceTextTokenizer tokenizer = HuggingFaceTokenizerFiles.openTokenizer(directory);
            ChatTemplate template = ChatTemplate.forModel(
                    HuggingFaceTokenizerFiles.readConfig(directory).chatTemplate(),
                    tokenizer.bosToken(),
                    tokenizer.eosToken(),
                    directory.resolve("tokenizer_config.json").toString());
            return new ModelFiles(directory, weights, tokenizer, template);
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    private static List<Path> listGguf(Path directory) {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".gguf"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** The file or directory the model was opened from. */
    public Path path() {
        return path;
    }

    /** The weights, in Hugging Face names and layouts. */
    public WeightSource weights() {
        return weights;
    }

    /** Shorthand for {@code weights().config()}. */
    public ModelConfig config() {
        return weights.config();
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    public ChatTemplate chatTemplate() {
        return chatTemplate;
    }

    @Override
    public void close() {
        try {
            tokenizer.close();
        } finally {
            weights.close();
        }
    }
}
