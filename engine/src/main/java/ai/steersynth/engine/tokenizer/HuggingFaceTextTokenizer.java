package ai.steersynth.engine.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.steersynth.engine.ModelFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link TextTokenizer} over a Hugging Face {@code tokenizer.json}, run by DJL's binding of the
 * Rust {@code tokenizers} library (the same code transformers' fast tokenizers run). Built from a
 * model directory by {@link HuggingFaceTokenizerFiles} or from GGUF metadata by {@link
 * GgufTokenizerJson}.
 */
public final class HuggingFaceTextTokenizer implements TextTokenizer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** No truncation or padding: the engine encodes whole prompts and handles lengths itself. */
    private static final Map<String, String> OPTIONS = Map.of(
            "addSpecialTokens", "false",
            "truncation", "false",
            "padding", "false",
            "maxLength", String.valueOf(Integer.MAX_VALUE));

    private final HuggingFaceTokenizer delegate;
    private final String[] tokens;
    private final int bosTokenId;
    private final int eosTokenId;
    private final int[] stopTokenIds;
    private final boolean addsBosToken;

    private HuggingFaceTextTokenizer(
            HuggingFaceTokenizer delegate, String[] tokens, int bosTokenId, int eosTokenId, int[] stopTokenIds) {
        this.delegate = delegate;
        this.tokens = tokens;
        this.bosTokenId = bosTokenId;
        this.eosTokenId = eosTokenId;
        this.stopTokenIds = stopTokenIds;
        this.addsBosToken = bosTokenId >= 0 && startsWithBos();
    }

    /**
     * Builds a tokenizer from the text of a {@code tokenizer.json}.
     *
     * @param tokenizerJson the JSON document
     * @param bosToken the BOS token's text, or {@code null} when the model has none
     * @param eosToken the EOS token's text, or {@code null}
     * @param extraStopTokenIds end-of-turn ids besides EOS that end generation
     * @param source file or description for error messages
     * @throws ModelFileException when the JSON is invalid, or a named special token is not in the vocabulary
     */
    public static HuggingFaceTextTokenizer fromJson(
            String tokenizerJson,
            String bosToken,
            String eosToken,
            Collection<Integer> extraStopTokenIds,
            String source) {
        String[] tokens = vocabulary(tokenizerJson, source);
        Map<String, Integer> idByToken = new HashMap<>();
        for (int id = tokens.length - 1; id >= 0; id--) {
            if (tokens[id] != null) {
                idByToken.put(tokens[id], id);
            }
        }
        int bos = idOf(bosToken, idByToken, "bos_token", source);
        int eos = idOf(eosToken, idByToken, "eos_token", source);
        TreeSet<Integer> stops = new TreeSet<>(extraStopTokenIds);
        if (eos >= 0) {
            stops.add(eos);
        }
        HuggingFaceTokenizer delegate;
        try {
            delegate = HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(tokenizerJson.getBytes(StandardCharsets.UTF_8)), OPTIONS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer of " + source, e);
        } catch (RuntimeException e) {
            throw new ModelFileException(
                    source + ": the tokenizers library rejected the tokenizer: " + e.getMessage(), e);
        }
        return new HuggingFaceTextTokenizer(
                delegate,
                tokens,
                bos,
                eos,
                stops.stream().mapToInt(Integer::intValue).toArray());
    }

    /** id to token text from {@code model.vocab} (an object for BPE/WordPiece, a list for Unigram) and {@code added_tokens}. */
    private static String[] vocabulary(String tokenizerJson, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(tokenizerJson);
        } catch (JacksonException e) {
            throw new ModelFileException(source + ": tokenizer is not valid JSON: " + e.getOriginalMessage(), e);
        }
        Map<Integer, String> byId = new HashMap<>();
        JsonNode vocab = root.path("model").path("vocab");
        if (vocab.isObject()) {
            vocab.properties().forEach(e -> byId.put(e.getValue().asInt(), e.getKey()));
        } else if (vocab.isArray()) {
            for (int id = 0; id < vocab.size(); id++) {
                byId.put(id, vocab.get(id).get(0).asString());
            }
        } else {
            throw new ModelFileException(source + ": tokenizer has no 'model.vocab'");
        }
        for (JsonNode added : root.path("added_tokens")) {
            byId.put(added.get("id").asInt(), added.get("content").asString());
        }
        int size = byId.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        String[] tokens = new String[size];
        byId.forEach((id, token) -> tokens[id] = token);
        return tokens;
    }

    private static int idOf(String token, Map<String, Integer> idByToken, String key, String source) {
        if (token == null) {
            return -1;
        }
        Integer id = idByToken.get(token);
        if (id == null) {
            throw new ModelFileException(source + ": " + key + " '" + token + "' is not in the vocabulary");
        }
        return id;
    }

    private boolean startsWithBos() {
        int[] plain = encode("a", false);
        int[] withSpecial = encode("a", true);
        return withSpecial.length > plain.length && withSpecial[0] == bosTokenId;
    }

    @Override
    public int[] encode(String text, boolean addSpecialTokens) {
        long[] ids = delegate.encode(text, addSpecialTokens, false).getIds();
        return Arrays.stream(ids).mapToInt(Math::toIntExact).toArray();
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        return delegate.decode(IntStream.of(ids).asLongStream().toArray(), skipSpecialTokens);
    }

    @Override
    public int bosTokenId() {
        return bosTokenId;
    }

    @Override
    public int eosTokenId() {
        return eosTokenId;
    }

    @Override
    public String bosToken() {
        return bosTokenId >= 0 ? tokens[bosTokenId] : null;
    }

    @Override
    public String eosToken() {
        return eosTokenId >= 0 ? tokens[eosTokenId] : null;
    }

    @Override
    public int[] stopTokenIds() {
        return stopTokenIds.clone();
    }

    @Override
    public String tokenString(int id) {
        if (id < 0 || id >= tokens.length || tokens[id] == null) {
            throw new IllegalArgumentException("no token with id " + id + " (vocabulary size " + tokens.length + ")");
        }
        return tokens[id];
    }

    @Override
    public int vocabularySize() {
        return tokens.length;
    }

    @Override
    public boolean addsBosToken() {
        return addsBosToken;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
