package ai.steersynth.engine.tokenizer;

import ai.steersynth.engine.ModelFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tokenizer files of a Hugging Face model directory: {@code tokenizer.json}, and where present
 * {@code tokenizer_config.json} (special tokens, chat template), {@code chat_template.jinja}
 * (where transformers 4.43+ saves the template) and {@code generation_config.json} (extra stop ids).
 */
public final class HuggingFaceTokenizerFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What {@code tokenizer_config.json} says about special tokens and chat formatting.
     *
     * @param bosToken BOS text, or {@code null}
     * @param eosToken EOS text, or {@code null}
     * @param chatTemplate the Jinja chat template, or {@code null} when the model has none
     */
    public record TokenizerConfig(String bosToken, String eosToken, String chatTemplate) {}

    private HuggingFaceTokenizerFiles() {}

    /**
     * Loads the tokenizer of a model directory.
     *
     * @throws ModelFileException when {@code tokenizer.json} is missing or malformed
     */
    public static HuggingFaceTextTokenizer openTokenizer(Path directory) {
        Path tokenizerJson = directory.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new ModelFileException(tokenizerJson + ": file not found (a model directory needs tokenizer.json)");
        }
        TokenizerConfig config = readConfig(directory);
        return HuggingFaceTextTokenizer.fromJson(
                read(tokenizerJson),
                config.bosToken(),
                config.eosToken(),
                generationStopIds(directory.resolve("generation_config.json")),
                tokenizerJson.toString());
    }

    /** Reads {@code tokenizer_config.json} and {@code chat_template.jinja}; absent files give nulls. */
    public static TokenizerConfig readConfig(Path directory) {
        Path configPath = directory.resolve("tokenizer_config.json");
        JsonNode config = Files.isRegularFile(configPath) ? parse(configPath) : JSON.createObjectNode();
        String template = chatTemplate(config.get("chat_template"), configPath);
        Path jinja = directory.resolve("chat_template.jinja");
        if (template == null && Files.isRegularFile(jinja)) {
            template = read(jinja);
        }
        return new TokenizerConfig(tokenText(config.get("bos_token")), tokenText(config.get("eos_token")), template);
    }

    /** A special token is written either as its text or as a serialised AddedToken with {@code content}. */
    private static String tokenText(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isObject() ? node.path("content").asString(null) : node.asString();
    }

    /** A single template, or a list of named ones of which transformers uses {@code default}. */
    private static String chatTemplate(JsonNode node, Path configPath) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        for (JsonNode named : node) {
            if ("default".equals(named.path("name").asString(null))) {
                return named.path("template").asString();
            }
        }
        throw new ModelFileException(configPath + ": key 'chat_template' is a list without a 'default' entry");
    }

    private static List<Integer> generationStopIds(Path generationConfig) {
        List<Integer> ids = new ArrayList<>();
        if (Files.isRegularFile(generationConfig)) {
            JsonNode eos = parse(generationConfig).get("eos_token_id");
            if (eos != null && eos.isArray()) {
                eos.forEach(id -> ids.add(id.asInt()));
            } else if (eos != null && eos.isNumber()) {
                ids.add(eos.asInt());
            }
        }
        return ids;
    }

    private static JsonNode parse(Path path) {
        try {
            return JSON.readTree(read(path));
        } catch (JacksonException e) {
            throw new ModelFileException(path + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
